/**
 * One immutable record per DSP0200 operation, under the sealed {@link org.iscsismis.operation.CimRequest};
 * the {@link org.iscsismis.operation.ResponseSink} through which results stream to the writer.
 *
 * <p>Record components are the DSP0200 parameter names in lowerCamelCase. Optional parameters
 * take their DSP0200 defaults from each record's {@code builder(…)} / {@code of(…)}; the javadoc
 * of every record lists them. NULL optional class/role names are {@code null}; a
 * {@code propertyList} of {@code null} means "all properties" and an empty list "none".
 * Depends only on {@code org.iscsismis.cim}.
 */
package org.iscsismis.operation;
