package org.iscsismis.server;

import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.interop.InteropSetup;
import org.iscsismis.interop.ProfileRegistration;
import org.iscsismis.interop.ServerIdentity;
import org.iscsismis.iscsi.provider.StorageElements;
import org.iscsismis.iscsi.provider.SystemElements;

/**
 * The SNIA SMI-S profiles this server registers in the interop namespace, with their central (or scoping)
 * instances. All at SMI-S 1.5.0, the first release with Replication Services; in that release Profile Registration
 * is still SNIA's. Autonomous: Server (central: the object manager) and Array (central: the target system).
 * Subprofiles of Array: Block Services (the storage configuration service), Replication Services (the replication
 * service), Copy Services (its older methods on the storage configuration service: CreateReplica, AttachReplica,
 * AttachOrModifyReplica, ModifySynchronization, GetAvailableTargetElements, all implemented — Microsoft's clients look
 * for it beside Replication Services) and Job Control (the two services that own jobs), the first three also
 * referencing Job Control, and Masking and Mapping (the controller configuration service: ExposePaths, HidePaths,
 * DeleteProtocolController, with the storage hardware IDs it authorizes), and iSCSI Target Ports (the iSCSI
 * configuration service: the registration is fixed at start-up, while the ports it conforms for — the iSCSI, TCP and IP
 * endpoints and the Ethernet ports — follow the target nodes and the bound address and are reached from the system).
 * Indication is a subprofile of Server whose central instance is the indication service.
 */
final class ServerProfiles {

    static final String SMIS_VERSION = "1.5.0";

    static final String SERVER = "Server";
    static final String PROFILE_REGISTRATION = "Profile Registration";
    static final String ARRAY = "Array";
    static final String BLOCK_SERVICES = "Block Services";
    static final String REPLICATION_SERVICES = "Replication Services";
    static final String COPY_SERVICES = "Copy Services";
    static final String JOB_CONTROL = "Job Control";
    static final String MASKING_AND_MAPPING = "Masking and Mapping";
    static final String ISCSI_TARGET_PORTS = "iSCSI Target Ports";
    /** SNIA's name for the indication subprofile of Server in SMI-S 1.5 (DMTF's DSP1054 calls it "Indications"). */
    static final String INDICATION = "Indication";

    private ServerProfiles() {
    }

    /** The registrations without an indication service. */
    static List<ProfileRegistration> of(ServerIdentity identity, boolean iscsiTarget) {
        return of(identity, iscsiTarget, null);
    }

    /**
     * The registrations; the storage profiles only when the iSCSI target's providers are registered, the Indication
     * subprofile of Server (central instance: the indication service) only with {@code indicationService}.
     */
    static List<ProfileRegistration> of(ServerIdentity identity, boolean iscsiTarget, ObjectPath indicationService) {
        int snia = ProfileRegistration.SNIA;
        ObjectPath objectManager = InteropSetup.objectManagerPath(identity);
        List<ProfileRegistration> out = new ArrayList<>(List.of(
                ProfileRegistration.profile(SERVER, snia, SMIS_VERSION, List.of(objectManager)),
                ProfileRegistration.subprofile(PROFILE_REGISTRATION, snia, SMIS_VERSION, SERVER, List.of(objectManager))));
        if (indicationService != null) {
            out.add(ProfileRegistration.subprofile(INDICATION, snia, SMIS_VERSION, SERVER, List.of(indicationService)));
        }
        if (iscsiTarget) {
            CimNamespace ns = StorageElements.NAMESPACE;
            ObjectPath replication = SystemElements.replicationServicePath(ns);
            ObjectPath configuration = SystemElements.configurationServicePath(ns);
            out.add(ProfileRegistration.profile(ARRAY, snia, SMIS_VERSION, List.of(SystemElements.systemPath(ns))));
            out.add(ProfileRegistration.subprofile(BLOCK_SERVICES, snia, SMIS_VERSION, ARRAY, List.of(configuration))
                    .referencing(JOB_CONTROL));
            out.add(ProfileRegistration.subprofile(REPLICATION_SERVICES, snia, SMIS_VERSION, ARRAY, List.of(replication))
                    .referencing(JOB_CONTROL));
            out.add(ProfileRegistration.subprofile(COPY_SERVICES, snia, SMIS_VERSION, ARRAY, List.of(configuration))
                    .referencing(JOB_CONTROL));
            out.add(ProfileRegistration.subprofile(JOB_CONTROL, snia, SMIS_VERSION, ARRAY, List.of(replication, configuration)));
            out.add(ProfileRegistration.subprofile(MASKING_AND_MAPPING, snia, SMIS_VERSION, ARRAY,
                    List.of(SystemElements.controllerConfigurationServicePath(ns))));
            out.add(ProfileRegistration.subprofile(ISCSI_TARGET_PORTS, snia, SMIS_VERSION, ARRAY,
                    List.of(SystemElements.iscsiConfigurationServicePath(ns))));
        }
        return List.copyOf(out);
    }
}
