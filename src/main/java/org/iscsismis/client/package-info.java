/**
 * A small CIM-XML client of our own (HTTP transport via {@code java.net.http}, encoding via
 * {@code cimxml}), used by {@code mof load} to read and extend a running server's schema.
 */
package org.iscsismis.client;
