package org.iscsismis.iscsi.provider;

import java.util.List;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodProvider;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code MSFTSM_ComputerSystem}: the one target system ({@link SystemElements#systemPath}), shown as an SMI-S array
 * shows its top-level system (Dedicated Storage and Block Server). Methods: RescanExtents ({@link ExtentRescan}:
 * 0 done, 1 Failed); RequestStateChange and SetPowerState answer 1 Not Supported (the target cannot be switched off
 * or power-managed through CIM).
 */
public final class ComputerSystemProvider extends AbstractInstanceProvider implements MethodProvider {

    static final CimName RESCAN_EXTENTS = CimName.of("RescanExtents");
    /** RescanExtents: 0 Job Completed with No Error, 1 Failed (its own value map). */
    static final long RESCAN_DONE = 0;
    static final long RESCAN_FAILED = 1;
    /** RequestStateChange / SetPowerState: 1 Not Supported. */
    static final long NOT_SUPPORTED = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ComputerSystemProvider.class);

    private final DiskRegistry disks;

    public ComputerSystemProvider(DiskRegistry disks) {
        this.disks = disks;
    }

    static CimInstance instance(CimNamespace ns) {
        return CimInstance.builder(SystemElements.COMPUTER_SYSTEM)
                .path(SystemElements.systemPath(ns))
                .property("CreationClassName", SystemElements.COMPUTER_SYSTEM.toString())
                .property("Name", StorageElements.SYSTEM_NAME)
                .property("NameFormat", "Other") // a host name, none of the formats the value map names
                .property("ElementName", StorageElements.SYSTEM_NAME)
                .property("Caption", "iSCSI target")
                .property("Description", "Simulated iSCSI target server: virtual disks, pools and their replication")
                .property("Dedicated", CimValue.of(CimType.UINT16.asArray(), List.of(3, 15))) // Storage, Block Server
                .property("OperationalStatus", CimValue.of(CimType.UINT16.asArray(), List.of(2))) // OK
                .property("HealthState", CimValue.ofUint16(5)) // OK
                .property("EnabledState", CimValue.ofUint16(2)) // Enabled
                .property("RequestedState", CimValue.ofUint16(12)) // Not Applicable
                .property("EnabledDefault", CimValue.ofUint16(2)) // Enabled
                .property("ResetCapability", CimValue.ofUint16(5)) // Not Implemented
                .build();
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        if (!SystemElements.systemPath(context.namespace()).equals(context.local(path))) {
            throw StorageElements.notFound(path);
        }
        return instance(context.namespace());
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        sink.deliver(instance(context.namespace()));
    }

    @Override
    public MethodResult invokeMethod(ProviderContext context, ObjectPath target, CimName methodName, MethodArguments in) {
        if (!target.isClassPath()) {
            getInstance(context, target); // NOT_FOUND for any other system
        }
        if (!methodName.equals(RESCAN_EXTENTS)) {
            return MethodCodes.answer(NOT_SUPPORTED);
        }
        ExtentRescan scan = ExtentRescan.of(disks);
        if (!scan.sound()) {
            LOG.warn("RescanExtents: the disk registry is inconsistent: {}", scan.problems());
            return MethodCodes.answer(RESCAN_FAILED);
        }
        LOG.debug("RescanExtents: {} pools, {} disks", scan.pools(), scan.disks());
        return MethodCodes.answer(RESCAN_DONE);
    }
}
