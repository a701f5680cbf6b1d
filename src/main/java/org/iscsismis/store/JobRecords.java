package org.iscsismis.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.job.AffectedElement;
import org.iscsismis.provider.job.ElementEffect;
import org.iscsismis.provider.job.JobRecord;
import org.iscsismis.provider.job.JobState;

/**
 * A {@link JobRecord} as journal fields: paths in their text form, enums by name, instants and durations in
 * ISO-8601, affected element {@code i} as {@code affected.i} with its effects as {@code effects.i} (names, comma
 * separated); absent values left out.
 */
final class JobRecords {

    private JobRecords() {
    }

    static Fields write(JobRecord r) {
        Fields f = new Fields().put("id", r.instanceId()).put("path", r.path()).put("owner", r.owner())
                .put("description", r.description()).put("state", r.state().name()).put("percent", r.percentComplete())
                .put("submitted", r.submitted()).put("started", r.started()).put("finished", r.finished())
                .put("deleteOnCompletion", r.deleteOnCompletion()).put("timeBeforeRemoval", r.timeBeforeRemoval())
                .put("errorCode", r.errorCode()).put("errorDescription", r.errorDescription())
                .put("affected", r.affected().size());
        for (int i = 0; i < r.affected().size(); i++) {
            AffectedElement a = r.affected().get(i);
            f.put("affected." + i, a.element())
                    .put("effects." + i, String.join(",", a.effects().stream().map(ElementEffect::name).toList()));
        }
        return f;
    }

    static JobRecord read(Fields f) {
        int n = (int) f.number("affected", 0);
        List<AffectedElement> affected = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String effects = f.text("effects." + i);
            List<ElementEffect> list = effects == null || effects.isEmpty() ? List.of()
                    : List.of(effects.split(",")).stream().map(ElementEffect::valueOf).toList();
            affected.add(new AffectedElement(ObjectPath.parse(f.required("affected." + i)), list));
        }
        String owner = f.text("owner");
        String errorCode = f.text("errorCode");
        return new JobRecord(f.required("id"), ObjectPath.parse(f.required("path")),
                owner == null ? null : ObjectPath.parse(owner), affected, f.text("description"),
                JobState.valueOf(f.required("state")), (int) f.number("percent", 0), f.instant("submitted"),
                f.instant("started"), f.instant("finished"), f.flag("deleteOnCompletion"),
                Duration.parse(f.required("timeBeforeRemoval")), errorCode == null ? null : Integer.valueOf(errorCode),
                f.text("errorDescription"));
    }
}
