package org.iscsismis.dispatch;

import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.query.ClassModel;
import org.iscsismis.repository.CimRepository;

/** The classes of one repository namespace, as the query checker and ISA look them up. */
record RepositoryClassModel(CimRepository repository, CimNamespace namespace) implements ClassModel {

    @Override
    public CimClass findClass(CimName name) {
        return repository.findClass(namespace, name);
    }

    @Override
    public boolean isSubclassOf(CimName subclass, CimName superclass) {
        return subclass.equals(superclass)
                || (repository.hasClass(namespace, subclass) && repository.isSubclassOf(namespace, subclass, superclass));
    }
}
