package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The demo server's target seen by two independent clients, which must agree: libiscsi's initiators (iscsi-ls,
 * iscsi-inq, iscsi-readcapacity16) and the SBLIM CIM client. Every volume is a LUN, its VPD 83h NAA designator is
 * the volume's CIM Name, and its size is the volume's BlockSize × NumberOfBlocks.
 */
class IscsiTargetIT {

    @RegisterExtension
    static final ServerFixture server = ServerFixture.demo();
    private static final WBEMClient cim = server.client();
    private static IscsiClients iscsi;

    @BeforeAll
    static void start() {
        iscsi = new IscsiClients(server.server().portal());
    }

    private static List<CIMInstance> volumes() throws WBEMException {
        return all(cim.enumerateInstances(classPath(ReplicationCalls.NS, "MSISCSITARGET_StorageVolume"), true, false, false, null));
    }

    private static long u64(CIMInstance i, String property) {
        return ((Number) i.getPropertyValue(property)).longValue();
    }

    @Test
    void discoveryListsTheTargetAndOneLunPerVolume() throws WBEMException {
        Subprocess.Result ls = iscsi.ls();
        assertTrue(ls.out().contains("Target:" + iscsi.target() + " Portal:127.0.0.1:" + server.server().portal().port() + ",1"), ls::toString);
        List<IscsiClients.LunLine> luns = iscsi.lunLines();
        assertEquals(volumes().size(), luns.size(), ls::toString);
        assertTrue(luns.stream().allMatch(l -> l.type().equals("DIRECT_ACCESS")), ls::toString);
    }

    @Test
    void eachLunIsTheVolumeWhoseNameIsItsNaaDesignator() throws WBEMException {
        Map<String, Integer> lunsByNaa = iscsi.lunsByNaa();
        List<CIMInstance> volumes = volumes();
        assertEquals(volumes.size(), lunsByNaa.size(), lunsByNaa::toString);
        for (CIMInstance volume : volumes) {
            String name = (String) volume.getPropertyValue("Name");
            assertEquals(2, ((Number) volume.getPropertyValue("NameFormat")).intValue(), "NameFormat VPD83NAA6");
            assertTrue(name.matches("6[0-9A-F]{31}"), name);
            Integer lun = lunsByNaa.get(name);
            assertTrue(lun != null, () -> "no LUN reports " + name + " (" + volume.getPropertyValue("DeviceID") + ") in VPD 83h: " + lunsByNaa);

            long bytes = u64(volume, "BlockSize") * u64(volume, "NumberOfBlocks");
            Subprocess.Result rc16 = iscsi.readCapacity16(lun);
            assertEquals(bytes, Long.parseLong(IscsiClients.field(rc16, "Total size:")), rc16::toString);
            assertEquals(u64(volume, "BlockSize"), Long.parseLong(IscsiClients.field(rc16, "LOGICAL BLOCK LENGTH IN BYTES:")));
            assertEquals("1", IscsiClients.field(rc16, "LBPME:"), "thin provisioned by default: " + rc16);
        }
    }

    /** iscsi-ls prints the size as the last LBA times the block size, scaled to k/M/G: one block short of the volume. */
    @Test
    void iscsiLsSizesFollowTheVolumes() throws WBEMException {
        Map<String, Integer> lunsByNaa = iscsi.lunsByNaa();
        Map<Integer, IscsiClients.LunLine> lines = new java.util.HashMap<>();
        iscsi.lunLines().forEach(l -> lines.put(l.lun(), l));
        for (CIMInstance volume : volumes()) {
            IscsiClients.LunLine line = lines.get(lunsByNaa.get((String) volume.getPropertyValue("Name")));
            long size = u64(volume, "BlockSize") * (u64(volume, "NumberOfBlocks") - 1);
            String unit = "";
            for (String u : new String[] {"k", "M", "G", "T"}) {
                if (size <= 1024) {
                    break;
                }
                size /= 1024;
                unit = u;
            }
            assertEquals(size + unit, line.size() + line.unit(), () -> "LUN " + line.lun() + " for " + volume.getPropertyValue("DeviceID"));
        }
    }
}
