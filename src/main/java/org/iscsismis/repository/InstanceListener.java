package org.iscsismis.repository;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;

/**
 * Hears about every change to the repository's instances (CreateInstance, ModifyInstance, SetProperty,
 * DeleteInstance), after it is made, on the thread that made it. Must be quick and must not throw; the indication
 * service turns these into CIM_InstCreation, CIM_InstModification and CIM_InstDeletion.
 */
public interface InstanceListener {

    void created(CimNamespace namespace, CimInstance instance);

    void modified(CimNamespace namespace, CimInstance before, CimInstance after);

    void deleted(CimNamespace namespace, CimInstance instance);
}
