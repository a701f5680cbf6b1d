package org.iscsismis.indication;

import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimStatus;

/** A value map entry: an enum constant carrying the spec's numeric code. */
interface Coded {

    int code();

    /** The constant of {@code type} with {@code code}; INVALID_PARAMETER naming {@code what} if there is none. */
    static <E extends Enum<E> & Coded> E of(Class<E> type, long code, String what) {
        for (E e : type.getEnumConstants()) {
            if (e.code() == code) {
                return e;
            }
        }
        throw new CimException(CimStatus.INVALID_PARAMETER, what + " " + code + " is not a value of its value map");
    }
}
