package org.iscsismis.iscsi.provider;

import java.util.List;

import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.replication.CodedValue;

/**
 * Return codes of the capabilities methods (their value maps agree on 0-7; the common ones are those of
 * {@link ReturnCode}) and helpers to read arguments and answer.
 */
final class MethodCodes {

    static final long SUCCESS = ReturnCode.COMPLETED.code();
    static final long NOT_SUPPORTED = ReturnCode.NOT_SUPPORTED.code();
    static final long INVALID_PARAMETER = ReturnCode.INVALID_PARAMETER.code();
    /** GetSupportedMaximum "Information is not available", GetSupportedReplicationSettingData "Property Is Not Supported". */
    static final long NOT_AVAILABLE = 7;

    private MethodCodes() {
    }

    static MethodResult answer(long code) {
        return MethodResult.of(CimValue.ofUint32(code));
    }

    /** An IN integer parameter, or null if the client did not send it or sent NULL. */
    static Integer intArg(MethodArguments in, String name) {
        CimValue v = in.value(name);
        return v == null || v.isNull() ? null : (int) v.asLong();
    }

    static CimValue uint16s(List<Integer> codes) {
        return CimValue.of(CimType.UINT16.asArray(), codes);
    }

    static CimValue codes(List<? extends CodedValue> values) {
        return uint16s(values.stream().map(CodedValue::code).toList());
    }

    static CimValue uint64s(List<Long> values) {
        return CimValue.of(CimType.UINT64.asArray(), values);
    }

    static CimValue booleans(int count, boolean value) {
        return booleans(java.util.Collections.nCopies(count, value));
    }

    static CimValue booleans(List<Boolean> values) {
        return CimValue.of(CimType.BOOLEAN.asArray(), values);
    }
}
