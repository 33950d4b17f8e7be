package vn.parindex.scoring.campaign;

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

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
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

    /** Appraisal in {@code campaignCode}: an admin, or an appraiser (of that campaign, when the token says). */
    public void requireAppraiser(String campaignCode) {
        requireAuthenticated();
        if (identity.hasRole(Roles.ADMIN)) {
            return;
        }
        if (!identity.hasRole(Roles.APPRAISER)) {
            throw new ForbiddenException("Appraisal needs the role appraiser");
        }
        Set<String> campaigns = claim(Roles.CAMPAIGNS_CLAIM);
        if (!campaigns.isEmpty() && !campaigns.contains(campaignCode)) {
            throw new ForbiddenException("This appraiser appraises " + campaigns + ", not " + campaignCode);
        }
    }

    /** Reading a unit's assessment: admins and appraisers read every unit, unit officers their own. */
    public void requireReader(String unitCode) {
        requireAuthenticated();
        if (identity.hasRole(Roles.UNIT_OFFICER)
                && !identity.hasRole(Roles.ADMIN)
                && !identity.hasRole(Roles.APPRAISER)
                && !claim(Roles.UNITS_CLAIM).contains(unitCode)) {
            throw new ForbiddenException("This unit officer may read only its own units' assessments");
        }
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
