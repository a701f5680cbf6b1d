package org.iscsismis.replication;

import java.util.NoSuchElementException;

/** A value of a CIM ValueMap: the spec's numeric code and its display name (the Values qualifier text). */
public interface CodedValue {

    int code();

    String displayName();

    /** The constant of {@code type} whose code is {@code code}. */
    static <E extends Enum<E> & CodedValue> E fromCode(Class<E> type, int code) {
        for (E e : type.getEnumConstants()) {
            if (e.code() == code) {
                return e;
            }
        }
        throw new NoSuchElementException(type.getSimpleName() + " has no value " + code);
    }
}
