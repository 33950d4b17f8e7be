package vn.parindex.dossier.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A versioned definition of the service index, read from a resource file ({@code service-index/*.json}) like a
 * criteria set: groups with their points, indicators with weights, a named formula and its legal basis, and the
 * bands. {@link #check} refuses a definition whose weights do not add up to its groups' points, whose groups do not
 * add up to 100, or that names an indicator no formula computes ({@link Indicator}).
 */
public record ServiceIndexDefinition(
        String code, int version, String name, String legalBasis, List<Band> bands, List<Group> groups) {

    /** A band: the lowest score (points over available points, × 100) that reaches it. */
    public record Band(String code, BigDecimal minScore) {}

    public record Group(String code, String name, BigDecimal points, List<IndicatorDef> indicators) {}

    public record IndicatorDef(String code, String name, BigDecimal weight, String formula, String legalBasis) {}

    /** The definition shipped with the service: Decision 766/QĐ-TTg, version 1. */
    public static final String RESOURCE = "service-index/decision-766-v1.json";

    public static ServiceIndexDefinition load(InputStream in) throws IOException {
        ServiceIndexDefinition d = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .readValue(in, ServiceIndexDefinition.class);
        d.check();
        return d;
    }

    public static ServiceIndexDefinition shipped() {
        try (InputStream in = ServiceIndexDefinition.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
    }

    /** {@code DECISION_766@1}. */
    public String id() {
        return code + "@" + version;
    }

    void check() {
        BigDecimal total = BigDecimal.ZERO;
        Set<String> seen = new HashSet<>();
        for (Group g : groups) {
            BigDecimal sum = g.indicators().stream().map(IndicatorDef::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(g.points()) != 0) {
                throw new IllegalArgumentException(
                        "Group " + g.code() + ": weights add up to " + sum + ", not " + g.points());
            }
            for (IndicatorDef i : g.indicators()) {
                Indicator.valueOf(i.code()); // a formula must compute it
                if (!seen.add(i.code())) {
                    throw new IllegalArgumentException("Indicator " + i.code() + " is named twice");
                }
            }
            total = total.add(g.points());
        }
        if (total.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new IllegalArgumentException("Groups add up to " + total + " points, not 100");
        }
        if (bands.isEmpty() || bands.getLast().minScore().signum() != 0) {
            throw new IllegalArgumentException("The last band must start at 0");
        }
    }

    /** The indicators in definition order. */
    public List<IndicatorDef> indicators() {
        return groups.stream().flatMap(g -> g.indicators().stream()).toList();
    }

    /** The band of a score, or {@code null} for no score. Bands are listed highest first. */
    public String band(BigDecimal score) {
        if (score == null) {
            return null;
        }
        return bands.stream()
                .filter(b -> score.compareTo(b.minScore()) >= 0)
                .map(Band::code)
                .findFirst()
                .orElse(null);
    }
}
