package org.iscsismis.mof;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;

/** Shared test inputs: the DMTF qualifier declarations and a schema context holding them. */
final class MofFixtures {

    static final String QUALIFIERS = resource("qualifiers.mof");

    /** root/cimv2 with the standard qualifier types, as a repository would answer. */
    static final MofSchemaContext STANDARD = contextOf(MofCompiler.offline().compile("qualifiers.mof", QUALIFIERS));

    private MofFixtures() {
    }

    static String resource(String name) {
        try (InputStream in = MofFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A compiler over the standard qualifiers, so that a snippet's line 1 is the test's line 1. */
    static MofCompiler compiler() {
        return MofCompiler.builder().context(STANDARD).build();
    }

    static MofCompilation compile(String mof) {
        return compiler().compile("test.mof", mof);
    }

    /** A context answering what {@code compilation} declared (a stand-in for the repository). */
    static MofSchemaContext contextOf(MofCompilation compilation) {
        if (compilation.hasErrors()) {
            throw new IllegalStateException("fixture does not compile: " + compilation.errors());
        }
        Map<String, CimQualifierType> qualifiers = new HashMap<>();
        Map<String, CimClass> classes = new HashMap<>();
        for (MofNamespace ns : compilation.namespaces()) {
            ns.qualifierTypes().forEach(q -> qualifiers.put(ns.name().folded() + ":" + q.name().folded(), q));
            ns.classes().forEach(c -> classes.put(ns.name().folded() + ":" + c.name().folded(), c));
        }
        return new MofSchemaContext() {
            @Override
            public CimQualifierType qualifierType(CimNamespace namespace, CimName name) {
                return qualifiers.get(namespace.folded() + ":" + name.folded());
            }

            @Override
            public CimClass cimClass(CimNamespace namespace, CimName name) {
                return classes.get(namespace.folded() + ":" + name.folded());
            }
        };
    }
}
