package vn.parindex.common.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * Who makes a write, as every service records it: the token's principal name ({@code preferred_username}, else
 * {@code sub}, as SmallRye JWT names it), or {@code anonymous} when the route lets an unauthenticated caller in.
 */
public final class Actor {

    /** The longest actor name a history column holds; longer names are cut, never refused. */
    public static final int MAX_LENGTH = 100;

    private Actor() {}

    public static String of(SecurityContext security) {
        return security == null ? name(null) : name(security.getUserPrincipal());
    }

    public static String of(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? name(null) : name(identity.getPrincipal());
    }

    private static String name(Principal principal) {
        String name = principal == null ? null : principal.getName();
        if (name == null || name.isBlank()) {
            return "anonymous";
        }
        return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
    }
}
