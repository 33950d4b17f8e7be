package vn.parindex.scoring.campaign;

import jakarta.ws.rs.core.SecurityContext;

/**
 * Who is making a request, for the score history: the authenticated principal when there is one (bearer JWT
 * arrives with the gateway issue), otherwise {@code anonymous}.
 */
public final class Actor {

    private Actor() {}

    public static String of(SecurityContext security) {
        return security != null && security.getUserPrincipal() != null
                ? security.getUserPrincipal().getName()
                : "anonymous";
    }
}
