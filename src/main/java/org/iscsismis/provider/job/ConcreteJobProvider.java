package org.iscsismis.provider.job;

import java.time.Duration;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodProvider;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;

/**
 * The job class of a namespace: its live instances; ModifyInstance of DeleteOnCompletion and TimeBeforeRemoval;
 * DeleteInstance of a finished job; RequestStateChange, KillJob, GetError and GetErrors. Stateless: it uses the
 * {@link JobService} of its {@link ProviderContext}.
 */
final class ConcreteJobProvider extends AbstractInstanceProvider implements MethodProvider {

    private static final CimName CIM_ERROR = CimName.of("CIM_Error");
    private static final CimName REQUEST_STATE_CHANGE = CimName.of("RequestStateChange");
    private static final CimName KILL_JOB = CimName.of("KillJob");
    private static final CimName GET_ERROR = CimName.of("GetError");
    private static final CimName GET_ERRORS = CimName.of("GetErrors");
    /** KillJob return values (CIM_Job ValueMap). */
    private static final long KILL_SUCCESS = 0;
    private static final long KILL_FAILED = 4;

    private static Job job(ProviderContext context, ObjectPath path) {
        Job j = context.jobs().find(path);
        if (j == null) {
            throw new CimException(CimStatus.NOT_FOUND, "No job " + path);
        }
        return j;
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        return JobInstance.of(job(context, path).view());
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        for (Job j : context.jobs().jobs(context.namespace())) {
            if (j.path().className().equals(className)) {
                sink.deliver(JobInstance.of(j.view()));
            }
        }
    }

    @Override
    public void deleteInstance(ProviderContext context, ObjectPath path) {
        context.jobs().remove(job(context, path));
    }

    @Override
    public void modifyInstance(ProviderContext context, CimInstance modified, List<CimName> propertyList) {
        Job j = job(context, modified.path());
        for (CimProperty p : modified.properties()) {
            if (propertyList != null && !propertyList.contains(p.name())) {
                continue;
            }
            String n = p.name().toString();
            CimValue v = p.value();
            if (n.equalsIgnoreCase("DeleteOnCompletion")) {
                if (v == null || v.isNull() || !(v.value() instanceof Boolean b)) {
                    throw new CimException(CimStatus.INVALID_PARAMETER, "DeleteOnCompletion must be a boolean");
                }
                context.jobs().setDeleteOnCompletion(j, b);
            } else if (n.equalsIgnoreCase("TimeBeforeRemoval")) {
                context.jobs().setTimeBeforeRemoval(j, interval(v));
            }
        }
    }

    private static Duration interval(CimValue v) {
        try {
            Object o = v == null ? null : v.value();
            CimDateTime dt = o instanceof CimDateTime c ? c : o instanceof String s ? CimDateTime.parse(s) : null;
            if (dt == null || !dt.isInterval()) {
                throw new IllegalArgumentException();
            }
            return dt.toDuration();
        } catch (RuntimeException e) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "TimeBeforeRemoval must be an interval");
        }
    }

    @Override
    public MethodResult invokeMethod(ProviderContext context, ObjectPath target, CimName methodName, MethodArguments in) {
        Job j = job(context, target);
        if (methodName.equals(REQUEST_STATE_CHANGE)) {
            return uint32(requestStateChange(context, j, in).code());
        }
        if (methodName.equals(KILL_JOB)) {
            CimValue delete = in.value("DeleteOnKill");
            boolean deleteOnKill = delete != null && !delete.isNull() && Boolean.TRUE.equals(delete.value());
            return uint32(context.jobs().kill(j, deleteOnKill) ? KILL_SUCCESS : KILL_FAILED);
        }
        if (methodName.equals(GET_ERROR) || methodName.equals(GET_ERRORS)) {
            return errors(context, j, methodName.equals(GET_ERRORS));
        }
        throw notSupported("Method " + methodName, target.className());
    }

    private static StateChangeReturn requestStateChange(ProviderContext context, Job j, MethodArguments in) {
        CimValue requested = in.value("RequestedState");
        if (requested == null || requested.isNull()) {
            return StateChangeReturn.INVALID_PARAMETER;
        }
        CimValue timeout = in.value("TimeoutPeriod");
        if (timeout != null && !timeout.isNull() && !isZeroInterval(timeout)) {
            return StateChangeReturn.TIMEOUT_PARAMETER_NOT_SUPPORTED;
        }
        return RequestedJobState.ofCode(requested.asLong())
                .map(r -> context.jobs().requestStateChange(j, r))
                .orElse(StateChangeReturn.INVALID_PARAMETER);
    }

    /** DMTF: a TimeoutPeriod of 0 means "no time requirement", like NULL. */
    private static boolean isZeroInterval(CimValue v) {
        return v.value() instanceof CimDateTime dt && dt.isInterval() && dt.toDuration().isZero();
    }

    /** GetError (one CIM_Error or NULL) and GetErrors (an array, NULL when there is none). */
    private static MethodResult errors(ProviderContext context, Job j, boolean array) {
        CimClass errorClass = context.findClass(CIM_ERROR);
        if (errorClass == null) {
            throw new CimException(CimStatus.NOT_SUPPORTED, "GetError and GetErrors need CIM_Error, which this namespace lacks");
        }
        List<CimInstance> errors = JobErrors.of(errorClass, j.view());
        MethodResult ok = uint32(0);
        if (array) {
            CimType type = CimType.INSTANCE.asArray();
            return ok.with("Errors", errors.isEmpty() ? CimValue.nullOf(type) : CimValue.of(type, errors));
        }
        return ok.with("Error", errors.isEmpty() ? CimValue.nullOf(CimType.INSTANCE) : CimValue.ofEmbeddedInstance(errors.get(0)));
    }

    private static MethodResult uint32(long value) {
        return MethodResult.of(CimValue.ofUint32(value));
    }
}
