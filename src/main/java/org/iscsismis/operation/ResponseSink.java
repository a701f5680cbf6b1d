package org.iscsismis.operation;

import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/**
 * Where the dispatcher hands the results of one operation to the (streaming) response writer:
 * one method per DSP0201 result element.
 *
 * <p>Calls come one at a time, as results are produced; an implementation may write each one to
 * the network at once, so the dispatcher never holds a whole result list. All calls for one
 * response come from a single thread, so implementations need not be thread-safe. The filters
 * (PropertyList, IncludeQualifiers, IncludeClassOrigin, LocalOnly) have already been applied to
 * what is passed in.
 */
public interface ResponseSink {

    /** {@code CLASSNAME} (EnumerateClassNames). */
    void className(CimName name);

    /**
     * One {@code CLASSNAME} per name, in order (EnumerateClassNames). {@code names} is unmodifiable and, when it comes
     * from the repository, the same object for as long as the namespace's classes do not change: a writer may keep
     * its encoded form by the list's identity.
     */
    default void classNames(List<CimName> names) {
        for (CimName n : names) {
            className(n);
        }
    }

    /** {@code CLASS} (GetClass, EnumerateClasses). */
    void cimClass(CimClass cimClass);

    /** {@code INSTANCE} without path (GetInstance; PullInstances / OpenQueryInstances). */
    void instance(CimInstance instance);

    /** {@code VALUE.NAMEDINSTANCE} (EnumerateInstances): {@code instance.path()} is set (keys only). */
    void namedInstance(CimInstance instance);

    /**
     * {@link #namedInstance} for the first {@code count} of {@code instances}, in order. A writer that looks something
     * up per instance can do all the lookups of a batch first, so that their memory reads overlap instead of each
     * waiting for the one before. The array is the caller's, reused for the next batch: don't keep it.
     */
    default void namedInstances(CimInstance[] instances, int count) {
        for (int k = 0; k < count; k++) {
            namedInstance(instances[k]);
        }
    }

    /** {@code INSTANCENAME} (EnumerateInstanceNames, CreateInstance). */
    void instanceName(ObjectPath path);

    /**
     * {@code VALUE.OBJECTWITHPATH} with {@code INSTANCEPATH}+{@code INSTANCE} (Associators,
     * References, ExecQuery) or {@code VALUE.INSTANCEWITHPATH} (the pull operations):
     * {@code instance.path()} is set.
     */
    void objectWithPath(CimInstance instance);

    /** {@link #objectWithPath} for the first {@code count} of {@code instances}, in order (see {@link #namedInstances}). */
    default void objectsWithPath(CimInstance[] instances, int count) {
        for (int k = 0; k < count; k++) {
            objectWithPath(instances[k]);
        }
    }

    /** {@code VALUE.OBJECTWITHPATH} with {@code CLASSPATH}+{@code CLASS} (class-level Associators/References). */
    void objectWithPath(CimClass cimClass, ObjectPath classPath);

    /** {@code OBJECTPATH} (AssociatorNames, ReferenceNames) or {@code INSTANCEPATH} (path pulls). */
    void objectPath(ObjectPath path);

    /** {@code QUALIFIER.DECLARATION} (GetQualifier, EnumerateQualifiers). */
    void qualifierDeclaration(CimQualifierType declaration);

    /** GetProperty's value: {@code VALUE}, {@code VALUE.ARRAY} or {@code VALUE.REFERENCE}; NULL → no value. */
    void propertyValue(CimValue value);

    /** An extrinsic method's {@code RETURNVALUE} and OUT {@code PARAMVALUE}s. */
    void methodResult(CimValue returnValue, List<ParamValue> outParameters);

    /**
     * The trailing {@code PARAMVALUE}s of an Open/Pull response: {@code EndOfSequence} and
     * {@code EnumerationContext} (null or empty when {@code endOfSequence} is true). Called once,
     * after the batch's items.
     */
    void pullResult(String enumerationContext, boolean endOfSequence);

    /** EnumerationCount's result: the estimated remaining count, or null when unknown. */
    void enumerationCount(Long count);

    /**
     * OpenQueryInstances with ReturnQueryResultClass: the {@code QueryResultClass} out parameter (a
     * {@code CLASS}), called once before {@link #pullResult}. Sinks of other operations never get it.
     */
    default void queryResultClass(CimClass resultClass) {
        throw new IllegalStateException("this sink does not take a QueryResultClass");
    }
}
