package org.iscsismis.iscsi.provider;

import java.util.List;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodProvider;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;

/**
 * Per pool, its MSISCSITARGET_StorageCapabilities and its MSISCSITARGET_StorageSetting ({@link PoolCapabilities}),
 * read-only; registered for both classes. The StorageCapabilities methods answer what a pool without striping,
 * parity or extra settings can say: CreateSetting 1 Not Supported (a pool has exactly its one setting),
 * GetSupportedParityLayouts, GetSupportedStripeLengths and GetSupportedStripeLengthRange 2 (no choice for this
 * capability), GetSupportedStripeDepths and GetSupportedStripeDepthRange 1 Not Supported.
 */
public final class PoolCapabilitiesProvider extends AbstractInstanceProvider implements MethodProvider {

    static final List<CimName> CLASSES = List.of(SystemElements.STORAGE_CAPABILITIES, SystemElements.STORAGE_SETTING);
    static final long NO_CHOICE = 2;

    private final DiskRegistry disks;

    public PoolCapabilitiesProvider(DiskRegistry disks) {
        this.disks = disks;
    }

    private static String kind(CimName className) {
        return className.equals(SystemElements.STORAGE_CAPABILITIES) ? "StorageCapabilities" : "StorageSetting";
    }

    private static CimInstance build(CimName className, DiskPool pool, ProviderContext context) {
        return className.equals(SystemElements.STORAGE_CAPABILITIES)
                ? PoolCapabilities.capabilities(pool, context.namespace())
                : PoolCapabilities.setting(pool, context.namespace());
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        String poolId = SystemElements.poolIdOf(path, kind(path.className()));
        DiskPool pool = StorageElements.findPool(disks, poolId);
        if (pool == null) {
            throw StorageElements.notFound(path);
        }
        return build(path.className(), pool, context);
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        for (DiskPool pool : disks.pools()) {
            sink.deliver(build(className, pool, context));
        }
    }

    @Override
    public MethodResult invokeMethod(ProviderContext context, ObjectPath target, CimName methodName, MethodArguments in) {
        if (!target.isClassPath()) {
            getInstance(context, target);
        }
        String m = methodName.toString();
        if (m.equalsIgnoreCase("GetSupportedParityLayouts") || m.equalsIgnoreCase("GetSupportedStripeLengths")
                || m.equalsIgnoreCase("GetSupportedStripeLengthRange")) {
            return MethodCodes.answer(NO_CHOICE);
        }
        return MethodCodes.answer(MethodCodes.NOT_SUPPORTED);
    }
}
