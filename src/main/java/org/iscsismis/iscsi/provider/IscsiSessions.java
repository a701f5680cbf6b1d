package org.iscsismis.iscsi.provider;

import java.util.ArrayList;
import java.util.List;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.target.login.Authentication;
import org.iscsismis.iscsi.target.login.SessionParameters;
import org.iscsismis.iscsi.target.session.Session;
import org.iscsismis.provider.ProviderContext;

/**
 * The iSCSI sessions logged in right now, read from the running target on every call: for each session an
 * {@code MSISCSITARGET_iSCSISession}, its one {@code MSISCSITARGET_iSCSIConnection} (MaxConnections=1) and an
 * {@code MSISCSITARGET_iSCSISessionSettings} holding the values the target agreed in the login; linked by
 * NetworkPipeComposition (session ─▶ connection) and ElementSettingData (session ─▶ settings). A session's instances
 * disappear when it logs out. Keys carry the TSIH, which is unique among the live sessions of the portal.
 */
final class IscsiSessions {

    static final CimName SESSION = CimName.of("MSISCSITARGET_iSCSISession");
    static final CimName CONNECTION = CimName.of("MSISCSITARGET_iSCSIConnection");
    static final CimName SETTINGS = CimName.of("MSISCSITARGET_iSCSISessionSettings");
    static final CimName COMPOSITION = CimName.of("MSISCSITARGET_NetworkPipeComposition");
    static final CimName ELEMENT_SETTING_DATA = CimName.of("MSISCSITARGET_ElementSettingData");

    /** Digest methods of CIM_iSCSIConnection: 2 No Digest, 3 CRC32C. */
    private static final int NO_DIGEST = 2;
    private static final int CRC32C = 3;
    /** AuthenticationMethodUsed of CIM_iSCSIConnection: 2 No Authentication, 4 CHAP (one-way or mutual). */
    private static final int NO_AUTHENTICATION = 2;
    private static final int CHAP = 4;

    private IscsiSessions() {
    }

    private static ObjectPath byId(CimName cls, String kind, Session s, CimNamespace ns) {
        return ObjectPath.builder(cls).namespace(ns).key("InstanceID", StorageElements.SYSTEM_NAME + ":" + kind + ":" + s.tsih()).build();
    }

    static ObjectPath sessionPath(Session s, CimNamespace ns) {
        return byId(SESSION, "iSCSISession", s, ns);
    }

    static List<CimInstance> sessions(Masking masking, CimNamespace ns) {
        List<CimInstance> out = new ArrayList<>();
        for (Session s : masking.sessions()) {
            SessionParameters p = s.parameters();
            ObjectPath path = byId(SESSION, "iSCSISession", s, ns);
            out.add(CimInstance.builder(SESSION).path(path)
                    .property("InstanceID", StorageElements.text(path, "InstanceID"))
                    .property("ElementName", s.toString())
                    .property("Name", s.isDiscovery() ? "discovery" : s.identity().targetName())
                    .property("SystemName", StorageElements.SYSTEM_NAME)
                    .property("SessionType", CimValue.ofUint16(s.isDiscovery() ? 2 : 3))
                    .property("TSIH", CimValue.ofUint32(s.tsih()))
                    .property("EndPointName", s.identity().initiatorName())
                    .property("CurrentConnections", CimValue.ofUint32(1))
                    .property("InitialR2T", CimValue.ofBoolean(p.initialR2T()))
                    .property("ImmediateData", CimValue.ofBoolean(p.immediateData()))
                    .property("MaxOutstandingR2T", CimValue.ofUint32(p.maxOutstandingR2T()))
                    .property("MaxUnsolicitedFirstDataBurstLength", CimValue.ofUint32(p.firstBurstLength()))
                    .property("MaxDataBurstLength", CimValue.ofUint32(p.maxBurstLength()))
                    .property("DataSequenceInOrder", CimValue.ofBoolean(true))
                    .property("DataPDUInOrder", CimValue.ofBoolean(true))
                    .property("ErrorRecoveryLevel", CimValue.ofUint32(p.errorRecoveryLevel()))
                    .property("MaxConnectionsPerSession", CimValue.ofUint32(1))
                    .property("DefaultTimeToWait", CimValue.ofUint32(p.defaultTime2Wait()))
                    .property("DefaultTimeToRetain", CimValue.ofUint32(p.defaultTime2Retain()))
                    .property("Directionality", CimValue.ofUint16(2)) // Bi-Directional
                    .property("EnabledState", CimValue.ofUint16(2))
                    .build());
        }
        return out;
    }

    static List<CimInstance> connections(Masking masking, CimNamespace ns) {
        List<CimInstance> out = new ArrayList<>();
        for (Session s : masking.sessions()) {
            SessionParameters p = s.parameters();
            ObjectPath path = byId(CONNECTION, "iSCSIConnection", s, ns);
            out.add(CimInstance.builder(CONNECTION).path(path)
                    .property("InstanceID", StorageElements.text(path, "InstanceID"))
                    .property("ElementName", "connection " + s.identity().cid() + " of " + s)
                    .property("SystemName", StorageElements.SYSTEM_NAME)
                    .property("ConnectionID", CimValue.ofUint32(s.identity().cid()))
                    .property("MaxReceiveDataSegmentLength", CimValue.ofUint32(p.targetRecvDataSegmentLength()))
                    .property("MaxTransmitDataSegmentLength", CimValue.ofUint32(p.initiatorRecvDataSegmentLength()))
                    .property("HeaderDigestMethod", CimValue.ofUint16(p.headerDigest() ? CRC32C : NO_DIGEST))
                    .property("DataDigestMethod", CimValue.ofUint16(p.dataDigest() ? CRC32C : NO_DIGEST))
                    .property("ReceivingMarkers", CimValue.ofBoolean(false))
                    .property("SendingMarkers", CimValue.ofBoolean(false))
                    .property("AuthenticationMethodUsed", CimValue.ofUint16(s.authentication() == Authentication.NONE ? NO_AUTHENTICATION : CHAP))
                    .property("MutualAuthentication", CimValue.ofBoolean(s.authentication() == Authentication.MUTUAL_CHAP))
                    .property("Directionality", CimValue.ofUint16(2))
                    .property("EnabledState", CimValue.ofUint16(2))
                    .build());
        }
        return out;
    }

    static List<CimInstance> settings(Masking masking, CimNamespace ns) {
        List<CimInstance> out = new ArrayList<>();
        for (Session s : masking.sessions()) {
            SessionParameters p = s.parameters();
            ObjectPath path = byId(SETTINGS, "iSCSISessionSettings", s, ns);
            out.add(CimInstance.builder(SETTINGS).path(path)
                    .property("InstanceID", StorageElements.text(path, "InstanceID"))
                    .property("ElementName", "negotiated for " + s)
                    .property("SystemName", StorageElements.SYSTEM_NAME)
                    .property("MaxConnectionsPerSession", CimValue.ofUint32(1))
                    .property("InitialR2TPreference", CimValue.ofBoolean(p.initialR2T()))
                    .property("ImmediateDataPreference", CimValue.ofBoolean(p.immediateData()))
                    .property("MaxOutstandingR2T", CimValue.ofUint32(p.maxOutstandingR2T()))
                    .property("MaxUnsolicitedFirstDataBurstLength", CimValue.ofUint32(p.firstBurstLength()))
                    .property("MaxDataBurstLength", CimValue.ofUint32(p.maxBurstLength()))
                    .property("DataSequenceInOrderPreference", CimValue.ofBoolean(true))
                    .property("DataPDUInOrderPreference", CimValue.ofBoolean(true))
                    .property("DefaultTimeToWaitPreference", CimValue.ofUint32(p.defaultTime2Wait()))
                    .property("DefaultTimeToRetainPreference", CimValue.ofUint32(p.defaultTime2Retain()))
                    .property("ErrorRecoveryLevelPreference", CimValue.ofUint32(p.errorRecoveryLevel()))
                    .build());
        }
        return out;
    }

    static List<CimInstance> compositions(Masking masking, ProviderContext context) {
        CimNamespace ns = context.namespace();
        ModelAssociations.Links links = new ModelAssociations.Links(context, COMPOSITION);
        for (Session s : masking.sessions()) {
            links.add("GroupComponent", byId(SESSION, "iSCSISession", s, ns), "PartComponent", byId(CONNECTION, "iSCSIConnection", s, ns));
        }
        return links.list();
    }

    static List<CimInstance> settingData(Masking masking, ProviderContext context) {
        CimNamespace ns = context.namespace();
        ModelAssociations.Links links = new ModelAssociations.Links(context, ELEMENT_SETTING_DATA);
        for (Session s : masking.sessions()) {
            links.add("ManagedElement", byId(SESSION, "iSCSISession", s, ns), "SettingData", byId(SETTINGS, "iSCSISessionSettings", s, ns),
                    "IsCurrent", CimValue.ofUint16(1)); // Is Current
        }
        return links.list();
    }
}
