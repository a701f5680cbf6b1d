package org.iscsismis.cim;

import java.util.List;
import java.util.Objects;

/**
 * A failure a client sees as a CIM status (an {@code ERROR} element). The description names the
 * offending element; optional CIM_Error instances travel as {@code INSTANCE} children.
 */
public class CimException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CimStatus status;
    private final String description;
    private final transient List<CimInstance> errors;

    public CimException(CimStatus status, String description) {
        this(status, description, List.of(), null);
    }

    public CimException(CimStatus status, String description, Throwable cause) {
        this(status, description, List.of(), cause);
    }

    public CimException(CimStatus status, String description, List<CimInstance> errors) {
        this(status, description, errors, null);
    }

    public CimException(CimStatus status, String description, List<CimInstance> errors, Throwable cause) {
        super(Objects.requireNonNull(status, "status must not be null").cimName()
                + (description == null || description.isEmpty() ? "" : ": " + description), cause);
        if (status == CimStatus.SUCCESS) {
            throw new IllegalArgumentException("A CimException cannot carry SUCCESS");
        }
        this.status = status;
        this.description = description;
        this.errors = List.copyOf(Objects.requireNonNull(errors, "errors must not be null"));
    }

    public CimStatus status() {
        return status;
    }

    /** The description (DESCRIPTION attribute), possibly null. */
    public String description() {
        return description;
    }

    /** CIM_Error instances, possibly empty. */
    public List<CimInstance> errors() {
        return errors == null ? List.of() : errors;
    }
}
