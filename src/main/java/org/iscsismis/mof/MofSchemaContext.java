package org.iscsismis.mof;

import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;

/**
 * What already exists in the target namespaces before a MOF compilation: qualifier types and
 * classes that the MOF may use without declaring them (for example the server's repository).
 * Declarations in the compiled MOF take precedence over what the context answers.
 *
 * <p>Classes are looked up as declared (their own properties, methods and qualifiers; the
 * compiler walks the superclass chain itself). Implementations must be safe to call from the
 * compiling thread only; the compiler never modifies what it gets.
 */
public interface MofSchemaContext {

    /** The qualifier type {@code name} declared in {@code namespace}, or null. */
    CimQualifierType qualifierType(CimNamespace namespace, CimName name);

    /** The class {@code name} in {@code namespace}, or null. */
    CimClass cimClass(CimNamespace namespace, CimName name);

    /** A context with nothing in it: every qualifier and class must be declared in the MOF (offline checks). */
    static MofSchemaContext empty() {
        return EmptyContext.INSTANCE;
    }

    /** The empty context. */
    enum EmptyContext implements MofSchemaContext {
        INSTANCE;

        @Override
        public CimQualifierType qualifierType(CimNamespace namespace, CimName name) {
            return null;
        }

        @Override
        public CimClass cimClass(CimNamespace namespace, CimName name) {
            return null;
        }
    }
}
