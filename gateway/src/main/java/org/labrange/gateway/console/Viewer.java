package org.labrange.gateway.console;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.TreeSet;
import org.labrange.gateway.security.Roles;

/**
 * Who is looking at a page, as the templates need it.
 *
 * @param name  the signed-in user's name
 * @param roles the labrange roles of their token, comma-separated
 * @param admin whether write controls are shown (the upstream still checks every write)
 */
public record Viewer(String name, String roles, boolean admin, boolean interpreter) {

    static Viewer of(SecurityIdentity identity) {
        TreeSet<String> roles = new TreeSet<>(identity.getRoles());
        roles.retainAll(java.util.Set.of(Roles.READER, Roles.ADMIN, Roles.INTERPRETER));
        return new Viewer(
                identity.getPrincipal().getName(),
                roles.isEmpty() ? "no labrange role" : String.join(", ", roles),
                identity.hasRole(Roles.ADMIN),
                identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.INTERPRETER));
    }
}
