package org.iscsismis.provider.job;

import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.AssociationListProvider;
import org.iscsismis.provider.ProviderContext;
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
    abstract static class JobAssociationProvider extends AssociationListProvider {

        JobAssociationProvider() {
            super("its instances follow the jobs");
        }

        /** The association instances of one job (without paths). */
        abstract List<CimInstance> of(CimName associationClass, Job job);

        @Override
        protected List<CimInstance> instances(ProviderContext context, CimName associationClass) {
            CimClass cls = context.findClass(associationClass);
            List<CimInstance> out = new ArrayList<>();
            for (Job j : context.jobs().jobs(context.namespace())) {
                for (CimInstance i : of(cls.name(), j)) {
                    out.add(i.withPath(i.pathFrom(cls, context.namespace())));
                }
            }
            return out;
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
