package org.iscsismis.indication;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimValue;
import org.iscsismis.provider.InstanceIndications;
import org.iscsismis.provider.job.Job;
import org.iscsismis.provider.job.JobListener;

/**
 * Jobs (CIM_ConcreteJob, the Job Control profile) as indications: CIM_InstCreation when one starts, then
 * CIM_InstModification for every change of JobState (or OperationalStatus, or any other property but the running
 * ElapsedTime), and for PercentComplete in steps no finer than
 * {@link IndicationSettings#progressStepPercent} (100 % always). PreviousInstance is the job as last indicated, so
 * PercentComplete never goes down from one indication to the next. Runs on the job's thread under its lock: it only
 * builds the instance and queues.
 */
final class JobIndications implements JobListener {

    private final IndicationService service;
    private final Map<String, CimInstance> lastIndicated = new ConcurrentHashMap<>();

    JobIndications(IndicationService service) {
        this.service = service;
    }

    @Override
    public void jobCreated(Job job) {
        CimInstance now = job.instance();
        lastIndicated.put(job.instanceId(), now);
        if (service.active()) {
            service.publish(job.namespace(), InstanceIndications.creation(now));
        }
    }

    @Override
    public void jobChanged(Job job) {
        CimInstance now = job.instance();
        CimInstance before = lastIndicated.get(job.instanceId());
        if (before != null && !worthTelling(before, now)) {
            return;
        }
        if (job.state().isFinal()) {
            lastIndicated.remove(job.instanceId());
        } else {
            lastIndicated.put(job.instanceId(), now);
        }
        if (service.active() && before != null) {
            CimInstance m = InstanceIndications.modification(before, now);
            if (m != null) {
                service.publish(job.namespace(), m);
            }
        }
    }

    /** Any change but the running clock (ElapsedTime) and PercentComplete; or PercentComplete by a whole step. */
    private boolean worthTelling(CimInstance before, CimInstance now) {
        for (String p : InstanceIndications.changedProperties(before, now)) {
            if (!p.equalsIgnoreCase("ElapsedTime") && !p.equalsIgnoreCase("PercentComplete")) {
                return true;
            }
        }
        long was = percent(before);
        long is = percent(now);
        return is != was && (is == 100 || Math.abs(is - was) >= service.settings().progressStepPercent());
    }

    private static long percent(CimInstance i) {
        CimValue v = i.value("PercentComplete");
        return v == null || v.isNull() ? 0 : v.asLong();
    }
}
