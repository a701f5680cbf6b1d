package org.iscsismis.indication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.query.ClassModel;
import org.iscsismis.query.CompiledQuery;
import org.iscsismis.provider.Requester;
import org.iscsismis.query.QueryLanguage;
import org.iscsismis.repository.CimRepository;

/**
 * Makes a {@link Filter} from what a client sent in CreateInstance: keys completed (the server's system; a Name is
 * generated when the client gives none), Query and QueryLanguage required, the query compiled and checked in each
 * source namespace (CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED, CIM_ERR_INVALID_QUERY with the query engine's description),
 * its FROM class an indication class.
 *
 * <p>SourceNamespaces (or the deprecated SourceNamespace) names where the indications come from; each must exist and
 * be readable to the filter's creator (CIM_ERR_ACCESS_DENIED). Without either, the filter looks at every namespace
 * that its creator may read and whose classes the query fits (it must fit at least one).
 */
final class FilterFactory {

    private final CimRepository repository;
    private final HostedKeys keys;
    private final AtomicLong generatedNames = new AtomicLong();
    private final java.util.function.Predicate<String> taken;

    /** @param taken whether a name is in use (a generated name skips those kept from before a restart) */
    FilterFactory(CimRepository repository, HostedKeys keys, java.util.function.Predicate<String> taken) {
        this.repository = repository;
        this.keys = keys;
        this.taken = taken;
    }

    /**
     * @param creator who asks: each named source namespace must be readable to it (else ACCESS_DENIED); without named
     *                ones, the filter looks only at the namespaces it may read
     */
    Filter create(CimInstance given, Requester creator) {
        CimClass cls = repository.getClass(keys.namespace(), given.className());
        CimInstance typed = ClientInstances.typed(cls, given);
        String name = ClientInstances.text(typed, "Name");
        if (name == null || name.isBlank()) {
            do {
                name = keys.systemName() + ":filter:" + generatedNames.incrementAndGet();
            } while (taken.test(name));
        }
        String query = ClientInstances.text(typed, "Query");
        String language = ClientInstances.text(typed, "QueryLanguage");
        if (query == null || query.isBlank()) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "Filter " + name + ": property Query is required");
        }
        if (language == null || language.isBlank()) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "Filter " + name + ": property QueryLanguage is required");
        }
        try {
            CompiledQuery.parse(QueryLanguage.of(language), query); // the syntax first: the same in every namespace
        } catch (CimException e) {
            throw new CimException(e.status(), "Filter " + name + ": " + e.description());
        }
        List<CimNamespace> named = sourceNamespaces(typed, name, creator);
        Map<CimNamespace, SourceQuery> queries = named.isEmpty()
                ? compileWhereItFits(name, language, query, creator)
                : compileEach(name, language, query, named);
        ObjectPath path = keys.path(cls.name(), name);
        CimInstance stored = HostedKeys.withKeys(typed, path)
                .withProperty(CimProperty.of("IndividualSubscriptionSupported", CimValue.ofBoolean(true)));
        return new Filter(path, name, stored, queries);
    }

    private List<CimNamespace> sourceNamespaces(CimInstance typed, String filter, Requester creator) {
        List<String> texts = new ArrayList<>();
        CimValue many = typed.value("SourceNamespaces");
        if (many != null && !many.isNull()) {
            texts.addAll(many.toTexts());
        }
        String one = ClientInstances.text(typed, "SourceNamespace");
        if (texts.isEmpty() && one != null) {
            texts.add(one);
        }
        List<CimNamespace> out = new ArrayList<>();
        for (String t : texts) {
            CimNamespace ns;
            try {
                ns = t == null ? null : repository.canonicalNamespace(CimNamespace.of(t));
            } catch (IllegalArgumentException e) {
                ns = null;
            }
            if (ns != null && !creator.mayRead(ns)) { // rights first, as the dispatcher does: existence is not told
                throw new CimException(CimStatus.ACCESS_DENIED, "Filter " + filter + ": source namespace " + ns + " is not readable to "
                        + creator.described() + "; a filter may look only where its creator may read");
            }
            if (ns == null || !repository.hasNamespace(ns)) {
                throw new CimException(CimStatus.INVALID_PARAMETER, "Filter " + filter + ": source namespace \"" + t
                        + "\" does not exist");
            }
            if (!out.contains(ns)) {
                out.add(ns);
            }
        }
        return out;
    }

    private Map<CimNamespace, SourceQuery> compileEach(String filter, String language, String query, List<CimNamespace> sources) {
        Map<CimNamespace, SourceQuery> out = new LinkedHashMap<>();
        for (CimNamespace ns : sources) {
            try {
                out.put(ns, compile(language, query, ns));
            } catch (CimException e) {
                throw new CimException(e.status(), "Filter " + filter + ", source namespace " + ns + ": " + e.description());
            }
        }
        return out;
    }

    private Map<CimNamespace, SourceQuery> compileWhereItFits(String filter, String language, String query, Requester creator) {
        Map<CimNamespace, SourceQuery> out = new LinkedHashMap<>();
        CimException first = null;
        List<CimNamespace> unreadable = new ArrayList<>();
        for (CimNamespace ns : repository.namespaces()) {
            if (!creator.mayRead(ns)) {
                unreadable.add(ns);
                continue;
            }
            try {
                out.put(ns, compile(language, query, ns));
            } catch (CimException e) {
                if (e.status() == CimStatus.QUERY_LANGUAGE_NOT_SUPPORTED) {
                    throw new CimException(e.status(), "Filter " + filter + ": " + e.description());
                }
                if (first == null) {
                    first = new CimException(e.status(), "Filter " + filter + " fits no namespace; in " + ns + ": " + e.description());
                }
            }
        }
        if (out.isEmpty() && first == null && !unreadable.isEmpty()) {
            throw new CimException(CimStatus.ACCESS_DENIED, "Filter " + filter + ": " + creator.described()
                    + " may read no namespace where indications come from; give SourceNamespaces that it may read");
        }
        if (out.isEmpty()) {
            throw first != null ? first : new CimException(CimStatus.INVALID_QUERY, "Filter " + filter + " fits no namespace");
        }
        return out;
    }

    private SourceQuery compile(String language, String query, CimNamespace ns) {
        ClassModel model = classModel(repository, ns);
        CompiledQuery q = CompiledQuery.compile(language, query, ns, model);
        CimClass from = model.findClass(q.fromClass());
        if (from == null || !from.isIndication()) {
            throw new CimException(CimStatus.INVALID_QUERY, "The FROM class " + q.fromClass()
                    + " is not an indication class; a filter selects indications (CIM_InstModification, CIM_AlertIndication ...)");
        }
        return new SourceQuery(q, model);
    }

    /** The classes of {@code ns} as the query engine looks them up. */
    static ClassModel classModel(CimRepository repository, CimNamespace ns) {
        return new ClassModel() {
            @Override
            public CimClass findClass(CimName name) {
                return repository.findClass(ns, name);
            }

            @Override
            public boolean isSubclassOf(CimName subclass, CimName superclass) {
                return subclass.equals(superclass)
                        || (repository.hasClass(ns, subclass) && repository.isSubclassOf(ns, subclass, superclass));
            }
        };
    }
}
