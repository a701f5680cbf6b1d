/**
 * Queries over instances: WQL, DMTF:CQL (DSP0202's basic query) and DMTF:FQL (DSP0212), parsed
 * into one syntax tree ({@link org.iscsismis.query.Query}), checked against a class model
 * ({@link org.iscsismis.query.ClassModel}) and evaluated on {@link org.iscsismis.cim.CimInstance}s
 * with three-valued logic. {@link org.iscsismis.query.CompiledQuery} is the entry point: ExecQuery,
 * OpenQueryInstances, filtered pulls and indication filters all compile a query once and evaluate
 * it per instance. Failures are {@link org.iscsismis.cim.CimException}s with
 * CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED (14) or CIM_ERR_INVALID_QUERY (15) whose description points at
 * the offending token. Depends on {@code cim} only.
 */
package org.iscsismis.query;
