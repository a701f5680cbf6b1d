/**
 * The interop namespace ({@code root/interop}, also answered as {@code interop}): the object manager, its
 * namespaces and CIM-XML access point, and the SMI-S profile registration that lets a client discover the rest by
 * itself. Depends on {@code provider} and {@code cim} only; the server hands it everything it describes (its
 * identity, its namespaces, the profiles with their central instances) through {@link org.iscsismis.interop.InteropSetup}.
 */
package org.iscsismis.interop;
