/**
 * The immutable CIM model (DSP0004): names with case-insensitive identity, types, values,
 * datetimes, object paths, classes, instances, qualifiers, status codes.
 *
 * <p>Every type here is immutable and safe to share between threads. Names compare
 * case-insensitively but keep their original spelling for output. Invalid input is refused
 * with {@link java.lang.IllegalArgumentException} whose message names the offending text;
 * protocol-level failures use {@link org.iscsismis.cim.CimException}. Depends on the JDK only.
 */
package org.iscsismis.cim;
