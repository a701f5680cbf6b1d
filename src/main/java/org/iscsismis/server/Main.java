package org.iscsismis.server;

public final class Main {
    public static void main(String[] args) {
    }
}
