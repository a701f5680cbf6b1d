package org.iscsismis.store;

import static org.iscsismis.store.RepositoryRecords.CREATED;
import static org.iscsismis.store.RepositoryRecords.DELETED;
import static org.iscsismis.store.RepositoryRecords.REPLACED;
import static org.iscsismis.store.RepositoryRecords.STANDARD;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.CreateClassRequest;
import org.iscsismis.operation.CreateInstanceRequest;
import org.iscsismis.operation.SetQualifierRequest;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.RepositoryListener;
import org.iscsismis.repository.StandardQualifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The repository's part of the data directory: what clients changed after the schema was loaded, one key per
 * namespace ({@code repo/ns/NS}), qualifier type ({@code repo/qualifier/NS/NAME}), class ({@code repo/class/NS/NAME})
 * and instance ({@code repo/instance/NS/PATH}), each holding that thing's last state (see {@link RepositoryRecords}).
 * What was created since the schema and deleted again leaves no key; what the schema had and was deleted leaves a
 * deletion. At start-up, after the schema, the keys are applied in the order they were first written; one that
 * cannot be applied yet (a class whose new superclass came later) is tried again after the others.
 *
 * <p>An instance's record is not held in memory once written (or read back at start-up): the journal asks for it
 * when it compacts, and it is made again from the repository's instance, which the repository holds anyway. So
 * this journal's memory is a few dozen bytes per instance, not the instance's CIM-XML. A checksum of the record as
 * written tells whether the repository is ahead of it (a change still being recorded): that compaction waits.
 */
final class RepositoryJournal implements RepositoryListener {

    private static final Logger LOG = LoggerFactory.getLogger(RepositoryJournal.class);
    static final String PREFIX = "repo/";
    private static final String NS = PREFIX + "ns/";
    private static final String QUALIFIER = PREFIX + "qualifier/";
    private static final String CLASS = PREFIX + "class/";
    private static final String INSTANCE = PREFIX + "instance/";

    private final Journal journal;
    private final RepositoryRecords records = RepositoryRecords.create();
    /** Where the record of each instance key is made again from: its kind, the instance's place and checksum. */
    private final Map<String, LiveInstance> liveInstances = new ConcurrentHashMap<>();
    private volatile CimRepository repository;

    /** An instance record not held in memory: written with {@code op}, its bytes' CRC32C {@code crc}. */
    private record LiveInstance(byte op, CimNamespace namespace, ObjectPath path, int crc) {
    }

    RepositoryJournal(Journal journal) {
        this.journal = journal;
    }

    // ---------------------------------------------------------------- replay

    /** Applies the recorded changes to {@code repository} (its schema loaded), then records its changes from now on. */
    void recover(CimRepository repository) {
        this.repository = repository;
        List<Map.Entry<String, byte[]>> pending = new ArrayList<>(journal.withPrefix(PREFIX).entrySet());
        int total = pending.size();
        List<String> failures = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<Map.Entry<String, byte[]>> later = new ArrayList<>();
            failures.clear();
            for (Map.Entry<String, byte[]> e : pending) {
                try {
                    apply(repository, e.getKey(), e.getValue());
                } catch (RuntimeException ex) {
                    later.add(e);
                    failures.add(e.getKey() + ": " + ex.getMessage());
                }
            }
            if (later.size() == pending.size()) {
                break;
            }
            pending = later;
        }
        for (String f : failures) {
            LOG.warn("Repository change not restored (the schema no longer allows it): {}", f);
        }
        if (total > 0) {
            LOG.info("Recovered {} repository changes made by clients", total - failures.size());
        }
        journal.liveValues(this::liveValue);
        repository.setChangeListener(this);
    }

    private void apply(CimRepository repository, String key, byte[] value) {
        byte op = RepositoryRecords.op(value);
        if (key.startsWith(NS)) {
            CimNamespace ns = RepositoryRecords.namespace(value);
            if (op != CREATED && op != STANDARD && repository.hasNamespace(ns)) {
                repository.deleteNamespace(ns);
            }
            if (op == STANDARD) {
                repository.createNamespace(ns, StandardQualifiers.declarations());
            } else if (op != DELETED) {
                repository.createNamespace(ns);
            }
        } else if (key.startsWith(QUALIFIER)) {
            CimNamespace ns = namespaceOf(key, QUALIFIER);
            if (op == DELETED) {
                CimName name = CimName.of(RepositoryRecords.name(value));
                if (repository.findQualifierType(ns, name) != null) {
                    repository.deleteQualifierType(ns, name);
                }
            } else {
                repository.setQualifierType(ns, ((SetQualifierRequest) records.request(value)).qualifierDeclaration());
            }
        } else if (key.startsWith(CLASS)) {
            applyClass(repository, op, value);
        } else if (key.startsWith(INSTANCE)) {
            CreateInstanceRequest r = (CreateInstanceRequest) records.request(value);
            CimNamespace ns = r.namespace();
            if (op != CREATED) {
                deleteIfThere(repository, ns, r.newInstance().pathFrom(repository.getClass(ns, r.newInstance().className()), ns));
            }
            if (op != DELETED) {
                CimInstance stored = repository.createInstance(ns, r.newInstance());
                liveInstances.put(key, live(op, ns, stored));
                journal.keepLive(key);
            }
        }
    }

    private void applyClass(CimRepository repository, byte op, byte[] value) {
        if (op == DELETED) {
            String[] nsAndName = RepositoryRecords.name(value).split("\n", 2);
            CimNamespace ns = CimNamespace.of(nsAndName[0]);
            if (repository.hasClass(ns, CimName.of(nsAndName[1]))) {
                repository.deleteClass(ns, CimName.of(nsAndName[1]));
            }
            return;
        }
        CreateClassRequest r = (CreateClassRequest) records.request(value);
        if (op == REPLACED && repository.hasClass(r.namespace(), r.newClass().name())) {
            repository.modifyClass(r.namespace(), r.newClass());
        } else {
            repository.createClass(r.namespace(), r.newClass());
        }
    }

    private static void deleteIfThere(CimRepository repository, CimNamespace ns, ObjectPath path) {
        try {
            repository.deleteInstance(ns, path);
        } catch (CimException e) {
            if (e.status() != CimStatus.NOT_FOUND) {
                throw e;
            }
        }
    }

    private static CimNamespace namespaceOf(String key, String prefix) {
        return CimNamespace.of(key.substring(prefix.length(), key.lastIndexOf('/')));
    }

    // ---------------------------------------------------------------- recording

    @Override
    public void namespaceCreated(CimNamespace namespace, Collection<CimQualifierType> qualifierDeclarations) {
        String key = NS + namespace.folded();
        String qualifiers = QUALIFIER + namespace.folded() + "/";
        journal.withPrefix(qualifiers).keySet().forEach(journal::remove); // a deleted namespace's declarations
        boolean standard = Set.copyOf(qualifierDeclarations).equals(Set.copyOf(StandardQualifiers.declarations()));
        if (standard && RepositoryRecords.op(journal.get(key)) != DELETED) {
            journal.put(key, RepositoryRecords.name(STANDARD, namespace)); // one record, not one per declaration
            return;
        }
        created(key, RepositoryRecords.name(CREATED, namespace));
        for (CimQualifierType q : qualifierDeclarations) {
            qualifierTypeSet(namespace, q);
        }
    }

    @Override
    public void namespaceDeleted(CimNamespace namespace) {
        String key = NS + namespace.folded();
        byte op = RepositoryRecords.op(journal.get(key));
        if (op == CREATED || op == STANDARD) {
            journal.withPrefix(QUALIFIER + namespace.folded() + "/").keySet().forEach(journal::remove);
            journal.remove(key);
        } else {
            journal.put(key, RepositoryRecords.name(DELETED, namespace));
        }
    }

    @Override
    public void qualifierTypeSet(CimNamespace namespace, CimQualifierType declaration) {
        journal.put(QUALIFIER + namespace.folded() + "/" + declaration.name().folded(),
                records.request(REPLACED, new SetQualifierRequest(namespace, declaration)));
    }

    @Override
    public void qualifierTypeDeleted(CimNamespace namespace, CimName name) {
        journal.put(QUALIFIER + namespace.folded() + "/" + name.folded(), RepositoryRecords.name(DELETED, name));
    }

    @Override
    public void classCreated(CimNamespace namespace, CimClass given) {
        created(classKey(namespace, given.name()), records.request(CREATED, new CreateClassRequest(namespace, given)));
    }

    @Override
    public void classModified(CimNamespace namespace, CimClass given) {
        modified(classKey(namespace, given.name()), records.request(CREATED, new CreateClassRequest(namespace, given)));
    }

    @Override
    public void classDeleted(CimNamespace namespace, CimName className) {
        deleted(classKey(namespace, className), RepositoryRecords.name(DELETED, namespace + "\n" + className));
    }

    @Override
    public void instanceSaved(CimNamespace namespace, CimInstance stored, boolean created) {
        String key = instanceKey(namespace, stored);
        byte was = op(key);
        byte op = created ? (was == DELETED ? REPLACED : CREATED) : (was == CREATED ? CREATED : REPLACED);
        LiveInstance now = live(op, namespace, stored);
        LiveInstance before = liveInstances.put(key, now); // before the append: its compaction may ask for it
        try {
            journal.put(key, instanceRecord(op, namespace, stored), true);
        } catch (RuntimeException e) {
            if (before == null) {
                liveInstances.remove(key, now);
            } else {
                liveInstances.put(key, before);
            }
            throw e;
        }
    }

    @Override
    public void instanceDeleted(CimNamespace namespace, CimInstance deleted) {
        String key = instanceKey(namespace, deleted);
        deleted(key, records.request(DELETED, new CreateInstanceRequest(namespace, deleted.withPath(null))));
        liveInstances.remove(key);
    }

    private byte[] instanceRecord(byte op, CimNamespace namespace, CimInstance stored) {
        return records.request(op, new CreateInstanceRequest(namespace, stored.withPath(null)));
    }

    private LiveInstance live(byte op, CimNamespace namespace, CimInstance stored) {
        return new LiveInstance(op, namespace, stored.path(), crc(instanceRecord(op, namespace, stored)));
    }

    private static int crc(byte[] value) {
        CRC32C crc = new CRC32C();
        crc.update(value);
        return (int) crc.getValue();
    }

    /** The record of a live key, made again from the repository (for compaction). */
    private byte[] liveValue(String key) {
        LiveInstance l = liveInstances.get(key);
        if (l == null) {
            throw new IllegalStateException("no record for " + key + " yet: it is being written");
        }
        CimInstance now;
        try {
            now = repository.getInstance(l.namespace(), l.path());
        } catch (CimException e) {
            throw new IllegalStateException(key + " is being changed: " + e.getMessage(), e);
        }
        byte[] value = instanceRecord(l.op(), l.namespace(), now);
        if (crc(value) != l.crc()) {
            throw new IllegalStateException(key + " is being changed");
        }
        return value;
    }

    /** What the key's record says happened (0: no record). */
    private byte op(String key) {
        LiveInstance l = liveInstances.get(key);
        return l != null ? l.op() : RepositoryRecords.op(journal.get(key));
    }

    private static String classKey(CimNamespace namespace, CimName name) {
        return CLASS + namespace.folded() + "/" + name.folded();
    }

    private static String instanceKey(CimNamespace namespace, CimInstance i) {
        return INSTANCE + namespace.folded() + "/" + i.path().withoutHostAndNamespace().canonical();
    }

    /** {@code value} starts with CREATED: made REPLACED if the key holds the deletion of what the schema had. */
    private void created(String key, byte[] value) {
        if (RepositoryRecords.op(journal.get(key)) == DELETED) {
            value[0] = REPLACED;
        }
        journal.put(key, value);
    }

    /** {@code value} starts with CREATED: kept so if the thing was created since the schema, else REPLACED. */
    private void modified(String key, byte[] value) {
        if (RepositoryRecords.op(journal.get(key)) != CREATED) {
            value[0] = REPLACED;
        }
        journal.put(key, value);
    }

    /** Forgets a thing created since the schema; records the deletion of one the schema had. */
    private void deleted(String key, byte[] deletion) {
        if (op(key) == CREATED) {
            journal.remove(key);
        } else {
            journal.put(key, deletion);
        }
    }
}
