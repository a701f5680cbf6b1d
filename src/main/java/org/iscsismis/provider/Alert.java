package org.iscsismis.provider;

import java.util.List;
import java.util.Objects;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/**
 * A CIM_AlertIndication (CIM Schema 2.49) as a provider raises it: what kind, how bad, why, about which element.
 *
 * @param alertType        AlertType
 * @param severity         PerceivedSeverity
 * @param probableCause    ProbableCause
 * @param description      Description, in words
 * @param alertingElement  AlertingManagedElement (written as a CIM object path, AlertingElementFormat 2), or null
 * @param systemClassName  SystemCreationClassName of the system raising it
 * @param systemName       SystemName
 * @param messageId        MessageID: which of this server's alert messages it is ({@code ISMIS-ALERT-...}, unique
 *                         within the OwningEntity {@value #OWNING_ENTITY}); Message is the description
 * @param messageArguments MessageArguments: the message's variable parts (the volume, the pair's ends, a count)
 */
public record Alert(AlertType alertType, Severity severity, ProbableCause probableCause, String description,
                    ObjectPath alertingElement, String systemClassName, String systemName, String messageId,
                    List<String> messageArguments) {

    /** OwningEntity of this server's messages (its alerts and its jobs' CIM_Error). */
    public static final String OWNING_ENTITY = "iscsi-smis";

    /** CIM_AlertIndication.AlertType (the codes used here). */
    public enum AlertType {
        OTHER(1), COMMUNICATIONS_ALERT(2), QUALITY_OF_SERVICE_ALERT(3), PROCESSING_ERROR(4), DEVICE_ALERT(5);

        private final int code;

        AlertType(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** CIM_AlertIndication.PerceivedSeverity. */
    public enum Severity {
        UNKNOWN(0), OTHER(1), INFORMATION(2), DEGRADED_WARNING(3), MINOR(4), MAJOR(5), CRITICAL(6), FATAL_NONRECOVERABLE(7);

        private final int code;

        Severity(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** CIM_AlertIndication.ProbableCause (the codes used here). */
    public enum ProbableCause {
        UNKNOWN(0), COMMUNICATIONS_SUBSYSTEM_FAILURE(7), QUEUE_SIZE_EXCEEDED(40), RESPONSE_TIME_EXCESSIVE(45),
        PREVIOUS_ALERT_CLEARED(59), DISK_FAILURE(86), LOSS_OF_REDUNDANCY(88);

        private final int code;

        ProbableCause(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    public Alert {
        Objects.requireNonNull(alertType, "alertType must not be null");
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(probableCause, "probableCause must not be null");
        Objects.requireNonNull(messageId, "messageId must not be null");
        messageArguments = List.copyOf(messageArguments);
    }

    /** The CIM_AlertIndication instance (the indication service adds IndicationIdentifier and IndicationTime). */
    public CimInstance instance() {
        CimInstance.Builder b = CimInstance.builder(InstanceIndications.ALERT_INDICATION)
                .property("AlertType", CimValue.ofUint16(alertType.code()))
                .property("PerceivedSeverity", CimValue.ofUint16(severity.code()))
                .property("ProbableCause", CimValue.ofUint16(probableCause.code()))
                .property("Description", description)
                .property("SystemCreationClassName", systemClassName)
                .property("SystemName", systemName)
                .property("OwningEntity", OWNING_ENTITY)
                .property("MessageID", messageId)
                .property("Message", description)
                .property("MessageArguments", CimValue.ofStrings(messageArguments));
        if (alertingElement != null) {
            b.property("AlertingManagedElement", alertingElement.withHost(null).toString())
                    .property("AlertingElementFormat", CimValue.ofUint16(2)); // CIMObjectPath
        }
        return b.build();
    }
}
