package org.iscsismis.testing.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodProvider;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;

/** Test_Disk: instances in a map (all six instance operations) and its methods. */
public final class DiskProvider extends AbstractInstanceProvider implements MethodProvider {

    private final ConcurrentMap<String, CimInstance> disks = new ConcurrentHashMap<>();

    void put(String id, String name, long size) {
        disks.put(id, CimInstance.builder(StorageModel.DISK).property("Id", id).property("Name", name)
                .property("Size", CimValue.ofUint64(size)).build());
    }

    private static String id(ObjectPath path) {
        return path.key("Id").asString();
    }

    @Override
    public CimInstance getInstance(ProviderContext context, ObjectPath path) {
        CimInstance i = disks.get(id(path));
        if (i == null) {
            throw new CimException(CimStatus.NOT_FOUND, "No disk " + path);
        }
        return i;
    }

    @Override
    public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
        new ArrayList<>(disks.values()).forEach(sink::deliver);
    }

    @Override
    public ObjectPath createInstance(ProviderContext context, CimInstance newInstance) {
        CimValue id = newInstance.value("Id");
        if (id == null || id.isNull()) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "Id is required");
        }
        if (disks.putIfAbsent(id.asString(), newInstance.withPath(null)) != null) {
            throw new CimException(CimStatus.ALREADY_EXISTS, "Disk " + id.asString() + " exists");
        }
        return StorageModel.path(StorageModel.DISK, id.asString());
    }

    @Override
    public void modifyInstance(ProviderContext context, CimInstance modified, List<CimName> propertyList) {
        disks.compute(id(modified.path()), (k, old) -> {
            if (old == null) {
                throw new CimException(CimStatus.NOT_FOUND, "No disk " + modified.path());
            }
            CimInstance result = old;
            for (var p : modified.properties()) {
                if (propertyList == null || propertyList.contains(p.name())) {
                    result = result.withProperty(p);
                }
            }
            return result;
        });
    }

    @Override
    public void deleteInstance(ProviderContext context, ObjectPath path) {
        if (disks.remove(id(path)) == null) {
            throw new CimException(CimStatus.NOT_FOUND, "No disk " + path);
        }
    }

    @Override
    public MethodResult invokeMethod(ProviderContext context, ObjectPath target, CimName methodName, MethodArguments in) {
        switch (methodName.toString()) {
            case "Count":
                return MethodResult.of(CimValue.ofUint32(0)).with("Total", CimValue.ofSint64(disks.size()));
            case "Resize": {
                CimInstance disk = getInstance(context, target);
                CimValue size = in.value("NewSize");
                if (size == null || size.isNull()) {
                    return MethodResult.of(CimValue.ofUint32(5)); // Invalid Parameter, method-level
                }
                disks.put(id(target), disk.withProperty(org.iscsismis.cim.CimProperty.of("Size", size)));
                return MethodResult.of(CimValue.ofSint64(0)); // untyped on purpose: the dispatcher makes it uint32
            }
            case "Describe":
                return describe(context, in);
            default:
                throw new CimException(CimStatus.METHOD_NOT_AVAILABLE, methodName + " is not implemented");
        }
    }

    /** Echoes every IN type back as an OUT parameter: Text→Echo, Numbers→Doubled, Flag→Negated, Pool→PoolOut, Settings→SettingsOut, When→WhenOut. */
    private MethodResult describe(ProviderContext context, MethodArguments in) {
        MethodResult r = MethodResult.of(CimValue.ofUint32(in.names().size()));
        CimValue text = in.value("Text");
        if (text != null) {
            r = r.with("Echo", text.isNull() ? text : CimValue.ofString(text.asString() + "!"));
        }
        CimValue numbers = in.value("Numbers");
        if (numbers != null && !numbers.isNull()) {
            List<Object> doubled = new ArrayList<>();
            for (Object o : numbers.values()) {
                doubled.add(o == null ? null : ((Number) o).intValue() * 2);
            }
            r = r.with("Doubled", CimValue.of(org.iscsismis.cim.CimType.arrayOf(org.iscsismis.cim.CimType.Kind.UINT16), doubled));
        }
        CimValue flag = in.value("Flag");
        if (flag != null && !flag.isNull()) {
            r = r.with("Negated", CimValue.ofBoolean(!flag.asBoolean()));
        }
        CimValue pool = in.value("Pool");
        if (pool != null) {
            r = r.with("PoolOut", pool);
        }
        CimValue settings = in.value("Settings");
        if (settings != null && !settings.isNull()) {
            CimInstance s = (CimInstance) settings.value();
            r = r.with("SettingsOut", CimValue.ofEmbeddedInstance(s.withProperty(org.iscsismis.cim.CimProperty.of("Label",
                    CimValue.ofString("seen " + s.value("Label").asString())))));
        }
        CimValue when = in.value("When");
        if (when != null) {
            r = r.with("WhenOut", when.isNull() ? when : CimValue.ofString(when.toText())); // a string: typed to datetime by the dispatcher
        }
        return r;
    }
}
