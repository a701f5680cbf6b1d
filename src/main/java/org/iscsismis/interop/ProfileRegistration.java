package org.iscsismis.interop;

import java.util.List;
import java.util.Objects;
import org.iscsismis.cim.ObjectPath;

/**
 * One SMI-S profile this server implements, as registered in the interop namespace.
 *
 * @param name               the exact RegisteredName
 * @param organization       RegisteredOrganization (11 = SNIA, 2 = DMTF)
 * @param version            RegisteredVersion, {@code M.m.u}
 * @param scopingProfile     null for an autonomous profile (a RegisteredProfile); otherwise the name of the profile
 *                           this one is a subprofile of (a RegisteredSubProfile tied to it by SubProfileRequiresProfile)
 * @param referencedProfiles the names of other registered profiles this one uses (ReferencedProfile: they are its
 *                           Antecedents)
 * @param conformingElements the central (or scoping) instances, each a full path with namespace: the
 *                           ElementConformsToProfile links, possibly into another namespace
 */
public record ProfileRegistration(String name, int organization, String version, String scopingProfile,
                                  List<String> referencedProfiles, List<ObjectPath> conformingElements) {

    /** RegisteredOrganization of SNIA. */
    public static final int SNIA = 11;

    public ProfileRegistration {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(version, "version must not be null");
        referencedProfiles = List.copyOf(referencedProfiles);
        conformingElements = List.copyOf(conformingElements);
        for (ObjectPath p : conformingElements) {
            if (p.namespace() == null || p.isClassPath()) {
                throw new IllegalArgumentException("profile " + name + ": a conforming element needs an instance path with namespace, got " + p);
            }
        }
    }

    /** An autonomous profile. */
    public static ProfileRegistration profile(String name, int organization, String version, List<ObjectPath> conformingElements) {
        return new ProfileRegistration(name, organization, version, null, List.of(), conformingElements);
    }

    /** A subprofile of {@code scopingProfile}. */
    public static ProfileRegistration subprofile(String name, int organization, String version, String scopingProfile,
                                                 List<ObjectPath> conformingElements) {
        return new ProfileRegistration(name, organization, version, Objects.requireNonNull(scopingProfile), List.of(),
                conformingElements);
    }

    /** This registration also using {@code profiles}. */
    public ProfileRegistration referencing(String... profiles) {
        return new ProfileRegistration(name, organization, version, scopingProfile, List.of(profiles), conformingElements);
    }

    public boolean isSubprofile() {
        return scopingProfile != null;
    }
}
