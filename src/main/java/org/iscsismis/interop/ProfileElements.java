package org.iscsismis.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/**
 * The profile registration: a RegisteredProfile (autonomous) or RegisteredSubProfile per {@link ProfileRegistration},
 * SubProfileRequiresProfile from each subprofile to its scoping profile, ReferencedProfile for each profile used, and
 * ElementConformsToProfile from each profile to its conforming elements. Those links are served twice: in the
 * interop namespace, and ({@code MSFTSM_ElementConformsToProfileEx}, Microsoft's class for it) in the namespace of
 * each conforming element, so a client can also find the profile from the element.
 */
final class ProfileElements {

    private final Map<String, ProfileRegistration> byName = new LinkedHashMap<>();

    /** @throws IllegalArgumentException for a duplicate name or a scoping/referenced profile that is not registered */
    ProfileElements(List<ProfileRegistration> registrations) {
        for (ProfileRegistration r : registrations) {
            if (byName.putIfAbsent(r.name(), r) != null) {
                throw new IllegalArgumentException("profile " + r.name() + " is registered twice");
            }
        }
        for (ProfileRegistration r : registrations) {
            List<String> named = new ArrayList<>(r.referencedProfiles());
            if (r.isSubprofile()) {
                named.add(r.scopingProfile());
            }
            for (String other : named) {
                if (!byName.containsKey(other)) {
                    throw new IllegalArgumentException("profile " + r.name() + " names profile " + other + ", which is not registered");
                }
            }
        }
    }

    /** InstanceID {@code SNIA:<name>:<version>}: the organisation's prefix, unique per name and version. */
    static ObjectPath profilePath(ProfileRegistration r) {
        CimName cls = r.isSubprofile() ? InteropNames.REGISTERED_SUBPROFILE : InteropNames.REGISTERED_PROFILE;
        return ObjectPath.builder(cls).namespace(InteropNames.NAMESPACE)
                .key("InstanceID", organizationName(r.organization()) + ":" + r.name() + ":" + r.version()).build();
    }

    private static String organizationName(int code) {
        return switch (code) {
            case 2 -> "DMTF";
            case ProfileRegistration.SNIA -> "SNIA";
            default -> "Org" + code;
        };
    }

    private ObjectPath path(String name) {
        return profilePath(byName.get(name));
    }

    List<CimInstance> profiles() {
        List<CimInstance> out = new ArrayList<>();
        for (ProfileRegistration r : byName.values()) {
            ObjectPath p = profilePath(r);
            out.add(CimInstance.builder(p.className()).path(p)
                    .property("InstanceID", p.key("InstanceID"))
                    .property("ElementName", r.name())
                    .property("SpecificationType", CimValue.ofUint16(2)) // Profile
                    .property("RegisteredOrganization", CimValue.ofUint16(r.organization()))
                    .property("RegisteredName", r.name())
                    .property("RegisteredVersion", r.version())
                    .property("AdvertiseTypes", Values.NOT_ADVERTISED)
                    .property("AdvertiseTypeDescriptions", CimValue.ofStrings(List.of("Not Advertised")))
                    .build());
        }
        return out;
    }

    /** SubProfileRequiresProfile (Antecedent: the scoping profile) and ReferencedProfile (Antecedent: the one used). */
    List<CimInstance> profileLinks() {
        List<CimInstance> out = new ArrayList<>();
        for (ProfileRegistration r : byName.values()) {
            if (r.isSubprofile()) {
                out.add(ServerElements.association(InteropNames.SUBPROFILE_REQUIRES_PROFILE, path(r.scopingProfile()), profilePath(r)));
            }
            for (String used : r.referencedProfiles()) {
                out.add(ServerElements.association(InteropNames.REFERENCED_PROFILE, path(used), profilePath(r)));
            }
        }
        return out;
    }

    /** The conformance links of every profile, as {@code className} (served in the interop namespace). */
    List<CimInstance> conformance() {
        return conformance(InteropNames.ELEMENT_CONFORMS_TO_PROFILE, null);
    }

    /** The conformance links whose element lives in {@code elementNamespace}, as {@code MSFTSM_ElementConformsToProfileEx}. */
    List<CimInstance> conformanceIn(CimNamespace elementNamespace) {
        return conformance(InteropNames.ELEMENT_CONFORMS_TO_PROFILE_EX, elementNamespace);
    }

    /** The namespaces of the conforming elements outside the interop namespace. */
    List<CimNamespace> elementNamespaces() {
        return byName.values().stream().flatMap(r -> r.conformingElements().stream()).map(ObjectPath::namespace)
                .filter(ns -> !ns.equals(InteropNames.NAMESPACE)).distinct().toList();
    }

    private List<CimInstance> conformance(CimName className, CimNamespace onlyIn) {
        List<CimInstance> out = new ArrayList<>();
        for (ProfileRegistration r : byName.values()) {
            for (ObjectPath element : r.conformingElements()) {
                if (onlyIn == null || onlyIn.equals(element.namespace())) {
                    CimNamespace servedIn = onlyIn == null ? InteropNames.NAMESPACE : onlyIn;
                    out.add(Values.link(className, servedIn, "ConformantStandard", profilePath(r), "ManagedElement", element).build());
                }
            }
        }
        return out;
    }
}
