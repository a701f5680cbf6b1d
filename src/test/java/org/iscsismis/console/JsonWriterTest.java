package org.iscsismis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void nestsWithCommasInTheRightPlaces() {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out).beginObject().member("a", 1).name("b").beginArray().value("x").nullValue().beginObject()
                .endObject().endArray().member("c", false).name("d").raw("[1,2]").endObject();
        assertEquals("{\"a\":1,\"b\":[\"x\",null,{}],\"c\":false,\"d\":[1,2]}", out.toString());
    }

    @Test
    void writesNumbersJavaScriptCannotHoldAsStrings() {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out).beginArray().value(JsonWriter.MAX_SAFE_INTEGER).value(JsonWriter.MAX_SAFE_INTEGER + 1)
                .value(-JsonWriter.MAX_SAFE_INTEGER - 1).value(Double.POSITIVE_INFINITY).endArray();
        assertEquals("[9007199254740991,\"9007199254740992\",\"-9007199254740992\",\"INF\"]", out.toString());
    }

    @Test
    void escapesLoneSurrogatesAndKeepsPairs() {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out).value("\ud83d\ude00|\ud83d|\ude00");
        assertEquals("\"\ud83d\ude00|\\ud83d|\\ude00\"", out.toString());
    }
}
