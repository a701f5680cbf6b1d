package org.iscsismis.cimxml;

import org.iscsismis.cim.ObjectPath;

/** Parses the decoded CIMObject header of an extrinsic call: {@code root/cimv2:Class.Key="v",K2=1}. */
public final class ObjectPathHeader {

    private ObjectPathHeader() {
    }

    public static ObjectPath parse(String decodedHeader) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
