package vn.parindex.scoring.service;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.parindex.common.api.Roles;

/**
 * The caller's rights in scoring, beyond plain roles: a unit officer acts only for the units of its token's
 * {@code units} claim; an appraiser appraises only the campaigns of its {@code campaigns} claim when the token
 * has one. Admins may do both.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final CampaignMembers members;

    public Caller(SecurityIdentity identity, CampaignMembers members) {
        this.identity = identity;
        this.members = members;
    }

    /** Self-assessment of {@code unitCode}: an admin, or a unit officer whose token names the unit. */
    public void requireUnit(String unitCode) {
        requireAuthenticated();
        if (identity.hasRole(Roles.ADMIN)) {
            return;
        }
        if (!identity.hasRole(Roles.UNIT_OFFICER)) {
            throw new ForbiddenException("Self-assessment needs the role unit-officer");
        }
        Set<String> units = claim(Roles.UNITS_CLAIM);
        if (!units.contains(unitCode)) {
            throw new ForbiddenException("This unit officer acts for " + units + ", not for " + unitCode);
        }
    }

    /**
     * Appraisal in {@code campaignCode}: an admin, or an appraiser on the campaign's council (assigned by an
     * administrator, by user name or token subject), or whose {@code campaigns} claim names the campaign (an entry
     * ending in {@code *} is a prefix: {@code YB-*}). Neither, no campaign: appraisers are scoped.
     */
    public void requireAppraiser(String campaignCode) {
        requireAuthenticated();
        if (identity.hasRole(Roles.ADMIN)) {
            return;
        }
        if (!identity.hasRole(Roles.APPRAISER)) {
            throw new ForbiddenException("Appraisal needs the role appraiser");
        }
        Set<String> campaigns = claim(Roles.CAMPAIGNS_CLAIM);
        boolean scoped = campaigns.stream()
                .anyMatch(c -> c.endsWith("*")
                        ? campaignCode.startsWith(c.substring(0, c.length() - 1))
                        : c.equals(campaignCode));
        if (!scoped && !members.onCouncil(campaignCode, names())) {
            throw new ForbiddenException(
                    "This appraiser is not on the council of " + campaignCode + " and its token names " + campaigns);
        }
    }

    /** Reading a unit's assessment or result before publication: admins, appraisers, the unit's own officers. */
    public void requireReader(String unitCode) {
        requireAuthenticated();
        if (identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.APPRAISER)) {
            return;
        }
        if (!identity.hasRole(Roles.UNIT_OFFICER) || !claim(Roles.UNITS_CLAIM).contains(unitCode)) {
            throw new ForbiddenException("Only administrators, appraisers and the unit's own officers read this");
        }
    }

    /** Whether the caller may read a unit's data before publication (see {@link #requireReader}). */
    public boolean mayRead(String unitCode) {
        try {
            requireReader(unitCode);
            return true;
        } catch (ForbiddenException | UnauthorizedException e) {
            return false;
        }
    }

    /** The caller's user name and token subject. */
    private Set<String> names() {
        Set<String> names = new TreeSet<>();
        if (identity.getPrincipal().getName() != null) {
            names.add(identity.getPrincipal().getName());
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            if (jwt.getSubject() != null) {
                names.add(jwt.getSubject());
            }
            Object preferred = jwt.getClaim("preferred_username");
            if (preferred != null) {
                names.add(preferred instanceof JsonString s ? s.getString() : preferred.toString());
            }
        }
        return names;
    }

    private void requireAuthenticated() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
    }

    private Set<String> claim(String name) {
        Set<String> values = new TreeSet<>();
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return values;
        }
        Object raw = jwt.getClaim(name);
        if (raw instanceof JsonArray array) {
            array.forEach(v -> values.add(v instanceof JsonString s ? s.getString() : v.toString()));
        } else if (raw instanceof Collection<?> c) {
            c.forEach(v -> values.add(v instanceof JsonString s ? s.getString() : String.valueOf(v)));
        } else if (raw instanceof JsonString s) {
            values.add(s.getString());
        } else if (raw != null) {
            values.add(raw.toString());
        }
        return values;
    }
}
