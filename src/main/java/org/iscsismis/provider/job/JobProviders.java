package org.iscsismis.provider.job;

import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.AbstractAssociationProvider;
import org.iscsismis.provider.AssociationEnds;
import org.iscsismis.provider.AssociationQuery;
import org.iscsismis.provider.InstanceProvider;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;

/**
 * The providers of the job service, registered at start-up in every namespace that has the
 * classes: the job class ({@link ConcreteJobProvider}), CIM_AffectedJobElement and
 * CIM_OwningJobElement. Where a namespace has a subclass of one of these (MSISCSITARGET_ConcreteJob,
 * MSISCSITARGET_AffectedJobElement), that subclass is served instead, so the base class's
 * enumerations still reach the jobs through DeepInheritance. The providers are stateless: they use
 * the {@link JobService} of their {@link ProviderContext}.
 */
public final class JobProviders {

    static final CimName AFFECTED_JOB_ELEMENT = CimName.of("CIM_AffectedJobElement");
    static final CimName OWNING_JOB_ELEMENT = CimName.of("CIM_OwningJobElement");

    private JobProviders() {
    }

    /**
     * Registers the job providers in every namespace of {@code repository} that has CIM_ConcreteJob
     * (and the associations where they exist).
     */
    public static void register(CimRepository repository, ProviderRegistry registry) {
        ConcreteJobProvider jobs = new ConcreteJobProvider();
        AffectedJobElementProvider affected = new AffectedJobElementProvider();
        OwningJobElementProvider owning = new OwningJobElementProvider();
        for (CimNamespace ns : repository.namespaces()) {
            if (!repository.hasClass(ns, JobService.CONCRETE_JOB)) {
                continue;
            }
            registry.register(ns, servedClass(repository, ns, JobService.CONCRETE_JOB), jobs);
            if (repository.hasClass(ns, AFFECTED_JOB_ELEMENT)) {
                registry.register(ns, servedClass(repository, ns, AFFECTED_JOB_ELEMENT), affected);
            }
            if (repository.hasClass(ns, OWNING_JOB_ELEMENT)) {
                registry.register(ns, servedClass(repository, ns, OWNING_JOB_ELEMENT), owning);
            }
        }
    }

    /** {@code base}, or its first leaf subclass in {@code ns} if it has subclasses. */
    public static CimName servedClass(CimRepository repository, CimNamespace ns, CimName base) {
        List<CimName> subs = repository.classNames(ns, base, true);
        for (CimName sub : subs) {
            if (repository.classNames(ns, sub, false).isEmpty()) {
                return repository.getClass(ns, sub).name();
            }
        }
        return repository.getClass(ns, base).name();
    }

    // ------------------------------------------------------------------ associations

    /** An association provider whose instances are computed from the live jobs of the namespace. */
    abstract static class JobAssociationProvider extends AbstractAssociationProvider implements InstanceProvider {

        /** The association instances of one job (without paths). */
        abstract List<CimInstance> of(CimName associationClass, Job job);

        private List<CimInstance> all(ProviderContext context, CimName associationClass) {
            CimClass cls = context.findClass(associationClass);
            List<CimInstance> out = new ArrayList<>();
            for (Job j : context.jobs().jobs(context.namespace())) {
                for (CimInstance i : of(cls.name(), j)) {
                    out.add(i.withPath(i.pathFrom(cls, context.namespace())));
                }
            }
            return out;
        }

        @Override
        public void references(ProviderContext context, CimName associationClass, AssociationQuery query,
                ResultSink<CimInstance> sink) {
            for (CimInstance i : all(context, associationClass)) {
                if (AssociationEnds.refersTo(i, context.namespace(), query)) {
                    sink.deliver(i);
                }
            }
        }

        @Override
        public CimInstance getInstance(ProviderContext context, ObjectPath path) {
            ObjectPath wanted = context.local(path);
            for (CimInstance i : all(context, path.className())) {
                if (i.path().equals(wanted)) {
                    return i;
                }
            }
            throw new CimException(CimStatus.NOT_FOUND, "No instance " + path);
        }

        @Override
        public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
            for (CimInstance i : all(context, className)) {
                sink.deliver(i);
            }
        }

        @Override
        public void enumerateInstanceNames(ProviderContext context, CimName className, ResultSink<ObjectPath> sink) {
            for (CimInstance i : all(context, className)) {
                sink.deliver(i.path());
            }
        }

        @Override
        public ObjectPath createInstance(ProviderContext context, CimInstance newInstance) {
            throw new CimException(CimStatus.NOT_SUPPORTED, "CreateInstance is not supported for " + newInstance.className());
        }

        @Override
        public void modifyInstance(ProviderContext context, CimInstance modified, List<CimName> propertyList) {
            throw new CimException(CimStatus.NOT_SUPPORTED, "ModifyInstance is not supported for " + modified.className());
        }

        @Override
        public void deleteInstance(ProviderContext context, ObjectPath path) {
            throw new CimException(CimStatus.NOT_SUPPORTED, "DeleteInstance is not supported for " + path.className());
        }
    }

    /** CIM_AffectedJobElement: AffectedElement (each affected element, with its ElementEffects) ↔ AffectingElement (the job). */
    static final class AffectedJobElementProvider extends JobAssociationProvider {
        @Override
        List<CimInstance> of(CimName associationClass, Job job) {
            List<CimInstance> out = new ArrayList<>(job.affected().size());
            for (AffectedElement element : job.affected()) {
                CimInstance.Builder b = CimInstance.builder(associationClass)
                        .property("AffectedElement", CimValue.ofReference(element.element()))
                        .property("AffectingElement", CimValue.ofReference(job.path()));
                if (!element.effects().isEmpty()) {
                    b.property("ElementEffects", CimValue.of(CimType.UINT16.asArray(),
                            element.effects().stream().map(ElementEffect::code).toList()));
                }
                out.add(b.build());
            }
            return out;
        }
    }

    /** CIM_OwningJobElement: OwningElement (the owner) ↔ OwnedElement (the job). */
    static final class OwningJobElementProvider extends JobAssociationProvider {
        @Override
        List<CimInstance> of(CimName associationClass, Job job) {
            if (job.owner() == null) {
                return List.of();
            }
            return List.of(CimInstance.builder(associationClass)
                    .property("OwningElement", CimValue.ofReference(job.owner()))
                    .property("OwnedElement", CimValue.ofReference(job.path()))
                    .build());
        }
    }
}
