package org.iscsismis.cimxml;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.ParamValue;
import org.iscsismis.operation.ResponseSink;

/**
 * Writes one CIM-XML response message while results arrive. Not thread-safe: one per response.
 *
 * <p>Streaming: each result is encoded at once into the writer's own byte buffer (UTF-8, no StAX
 * layer), which reaches {@code out} whenever it fills (64 KiB writes, no flush per element). The
 * envelope ({@code <?xml?>}, CIM, MESSAGE, SIMPLERSP, IMETHODRESPONSE / METHODRESPONSE) is written
 * lazily with the first result, or by {@link #finishSuccess()} / {@link #finishError}.
 *
 * <p>What goes into IRETURNVALUE follows the operation ({@code methodName}): void operations get
 * an IMETHODRESPONSE without IRETURNVALUE; GetProperty with a NULL value too; other operations
 * always get an IRETURNVALUE (possibly empty). Pull operations write {@code VALUE.INSTANCEWITHPATH}
 * / {@code INSTANCEPATH} (OpenQueryInstances and PullInstances {@code INSTANCE}) and then the
 * PARAMVALUEs EnumerationContext and EndOfSequence, and QueryResultClass when one was given.
 *
 * <p>Text and attribute values are escaped, and characters XML 1.0 forbids are replaced by
 * U+FFFD (see {@link CimXmlElementWriter}), so the output is always well-formed. Write failures
 * (the client went away) surface as {@link UncheckedIOException}.
 */
public final class CimXmlResponseWriter implements ResponseSink {

    private static final Set<String> VOID_OPERATIONS = Set.of("CreateClass", "ModifyClass", "DeleteClass", "SetQualifier",
            "DeleteQualifier", "ModifyInstance", "DeleteInstance", "SetProperty", "CloseEnumeration");
    private static final Set<String> INSTANCE_WITH_PATH_OPERATIONS = Set.of("OpenEnumerateInstances",
            "OpenAssociatorInstances", "OpenReferenceInstances", "PullInstancesWithPath");
    private static final Set<String> PATH_PULL_OPERATIONS = Set.of("OpenEnumerateInstancePaths",
            "OpenAssociatorInstancePaths", "OpenReferenceInstancePaths", "PullInstancePaths");

    private final OutputStream out;
    private final String messageId;
    private final String methodName;
    private final boolean intrinsic;
    private final CimNamespace namespace;
    private final String host;
    private final String operation;
    private final EncodedInstances encoded;
    private XmlOut xml;
    private CimXmlElementWriter ew;
    private boolean started;
    private boolean inReturnValue;
    private boolean returnValueWritten;
    private boolean results;
    private boolean finished;
    private CimClass queryResultClass;

    /**
     * @param request    the decoded request, or null when there is none (its namespace fills in full paths without one)
     * @param methodName the IMETHODCALL / METHODCALL name, echoed in the response
     */
    public CimXmlResponseWriter(OutputStream out, String messageId, CimRequest request, String methodName,
                                boolean intrinsic) {
        this(out, messageId, request, methodName, intrinsic, null);
    }

    /**
     * @param host the host the client addressed (its HTTP {@code Host}), written as the HOST of full paths that
     *             have none; null for {@link CimXmlElementWriter#DEFAULT_HOST}
     */
    public CimXmlResponseWriter(OutputStream out, String messageId, CimRequest request, String methodName,
                                boolean intrinsic, String host) {
        this(out, messageId, request, methodName, intrinsic, host, EncodedInstances.NONE);
    }

    /**
     * @param encoded where instances written before are kept as bytes, shared by the server's responses
     *                ({@link EncodedInstances#NONE}: every instance is encoded)
     */
    public CimXmlResponseWriter(OutputStream out, String messageId, CimRequest request, String methodName,
                                boolean intrinsic, String host, EncodedInstances encoded) {
        this.encoded = Objects.requireNonNull(encoded, "encoded must not be null");
        this.out = Objects.requireNonNull(out, "out must not be null");
        this.host = host == null || host.isBlank() ? CimXmlElementWriter.DEFAULT_HOST : host.trim();
        this.messageId = messageId == null ? "" : messageId;
        this.methodName = methodName == null ? "" : methodName;
        this.intrinsic = intrinsic;
        this.namespace = request == null ? null : request.namespace();
        this.operation = intrinsic ? canonicalOperation(this.methodName) : this.methodName;
    }

    private static String canonicalOperation(String name) {
        for (String op : CimRequest.INTRINSIC_OPERATIONS) {
            if (op.equalsIgnoreCase(name)) {
                return op;
            }
        }
        return name;
    }

    /** True once any result element has been written (an ERROR can then no longer be sent). */
    public boolean hasWrittenResults() {
        return results;
    }

    /** Completes the response and flushes it into {@code out} (which stays open). */
    public void finishSuccess() {
        try {
            start();
            if (intrinsic && !returnValueWritten && !VOID_OPERATIONS.contains(operation) && !operation.equals("GetProperty")
                    && !operation.equals("EnumerationCount")) {
                openReturnValue();
            }
            end();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /**
     * Writes the whole response as {@code ERROR CODE DESCRIPTION} (with its CIM_Error instances).
     *
     * @throws IllegalStateException if a result was already written
     */
    public void finishError(CimException error) {
        if (results || inReturnValue) {
            throw new IllegalStateException("Results were already written; an ERROR can no longer be sent");
        }
        try {
            start();
            ew.error(error);
            end();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    private void start() throws XMLStreamException {
        if (finished) {
            throw new IllegalStateException("The response is already finished");
        }
        if (started) {
            return;
        }
        ew = CimXmlElementWriter.forStream(out, host, encoded);
        xml = ew.out();
        xml.raw("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n");
        xml.start("CIM");
        xml.attribute("CIMVERSION", "2.0");
        xml.attribute("DTDVERSION", "2.0");
        xml.start("MESSAGE");
        xml.attribute("ID", messageId);
        xml.attribute("PROTOCOLVERSION", "1.0");
        xml.start("SIMPLERSP");
        xml.start(intrinsic ? "IMETHODRESPONSE" : "METHODRESPONSE");
        xml.attribute("NAME", methodName);
        started = true;
    }

    private void end() throws XMLStreamException {
        closeReturnValue();
        xml.end(); // (I)METHODRESPONSE
        xml.end(); // SIMPLERSP
        xml.end(); // MESSAGE
        xml.end(); // CIM
        xml.text("\n");
        xml.flush();
        xml.close();
        finished = true;
    }

    private void openReturnValue() throws XMLStreamException {
        if (!inReturnValue && !returnValueWritten) {
            xml.start("IRETURNVALUE");
            inReturnValue = true;
            returnValueWritten = true;
        }
    }

    private void closeReturnValue() throws XMLStreamException {
        if (inReturnValue) {
            xml.end();
            inReturnValue = false;
        }
    }

    /** Starts the envelope and IRETURNVALUE before a result element. */
    private CimXmlElementWriter result() throws XMLStreamException {
        start();
        if (!intrinsic) {
            throw new IllegalStateException("An extrinsic method response carries only methodResult");
        }
        if (!inReturnValue && returnValueWritten) {
            throw new IllegalStateException("IRETURNVALUE of " + operation + " is already closed");
        }
        openReturnValue();
        results = true;
        return ew;
    }

    private static UncheckedIOException failure(XMLStreamException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new UncheckedIOException("Writing the CIM-XML response failed: " + e.getMessage(),
                cause instanceof java.io.IOException io ? io : new java.io.IOException(e));
    }

    @Override
    public void className(CimName name) {
        try {
            result().className(name);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** The CLASSNAME elements of a list the repository hands out unchanged are encoded once ({@link SharedFragments}). */
    @Override
    public void classNames(List<CimName> names) {
        try {
            result().classNames(names);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    @Override
    public void cimClass(CimClass cimClass) {
        try {
            result().cimClass(cimClass);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    @Override
    public void instance(CimInstance instance) {
        try {
            result().instance(instance);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    @Override
    public void namedInstance(CimInstance instance) {
        try {
            result().namedInstance(instance);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    @Override
    public void namedInstances(CimInstance[] instances, int count) {
        try {
            result().namedInstances(instances, count);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    @Override
    public void instanceName(ObjectPath path) {
        try {
            result().instanceName(path);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    @Override
    public void objectWithPath(CimInstance instance) {
        try {
            result().instanceWithPath(withPathWrapper(), instance, namespace);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    @Override
    public void objectsWithPath(CimInstance[] instances, int count) {
        try {
            result().instancesWithPath(withPathWrapper(), instances, count, namespace);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    private String withPathWrapper() {
        return INSTANCE_WITH_PATH_OPERATIONS.contains(operation) ? "VALUE.INSTANCEWITHPATH" : "VALUE.OBJECTWITHPATH";
    }

    @Override
    public void objectWithPath(CimClass cimClass, ObjectPath classPath) {
        try {
            result().classWithPath(cimClass, classPath, namespace);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    @Override
    public void objectPath(ObjectPath path) {
        try {
            if (PATH_PULL_OPERATIONS.contains(operation)) {
                result().instancePath(path, namespace);
            } else {
                result().objectPath(path, namespace);
            }
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    @Override
    public void qualifierDeclaration(CimQualifierType declaration) {
        try {
            result().qualifierDeclaration(declaration);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    @Override
    public void propertyValue(CimValue value) {
        try {
            if (value == null || value.isNull()) {
                start();
                results = true;
                returnValueWritten = true;
                return;
            }
            result().value(value);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    @Override
    public void methodResult(CimValue returnValue, List<ParamValue> outParameters) {
        try {
            start();
            if (intrinsic) {
                throw new IllegalStateException("methodResult on the intrinsic operation " + operation);
            }
            results = true;
            if (returnValue != null) {
                ew.returnValue(returnValue);
            }
            if (outParameters != null) {
                for (ParamValue p : outParameters) {
                    ew.paramValue("PARAMVALUE", p);
                }
            }
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    @Override
    public void pullResult(String enumerationContext, boolean endOfSequence) {
        try {
            result();
            closeReturnValue();
            xml.start("PARAMVALUE");
            xml.attribute("NAME", "EnumerationContext");
            xml.attribute("PARAMTYPE", "string");
            if (enumerationContext != null && !(endOfSequence && enumerationContext.isEmpty())) {
                xml.start("VALUE");
                xml.text(enumerationContext);
                xml.end();
            }
            xml.end();
            xml.start("PARAMVALUE");
            xml.attribute("NAME", "EndOfSequence");
            xml.attribute("PARAMTYPE", "boolean");
            xml.start("VALUE");
            xml.text(endOfSequence ? "TRUE" : "FALSE");
            xml.end();
            xml.end();
            if (queryResultClass != null) {
                xml.start("PARAMVALUE");
                xml.attribute("NAME", "QueryResultClass");
                ew.cimClass(queryResultClass);
                xml.end();
            }
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Kept until {@link #pullResult} writes it as {@code PARAMVALUE NAME="QueryResultClass"} after EndOfSequence. */
    @Override
    public void queryResultClass(CimClass resultClass) {
        this.queryResultClass = Objects.requireNonNull(resultClass, "resultClass must not be null");
    }

    @Override
    public void enumerationCount(Long count) {
        try {
            if (count == null) {
                start();
                results = true;
                returnValueWritten = true;
                return;
            }
            result().value(CimValue.ofUint64(count));
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }
}
