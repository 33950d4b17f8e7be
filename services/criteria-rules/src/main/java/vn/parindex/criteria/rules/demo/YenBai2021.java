package vn.parindex.criteria.rules.demo;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.Evaluation.LeafInput;
import vn.parindex.criteria.rules.Rule;

/**
 * The Thành phố Yên Bái 2021 worked example as leaf inputs of the district demo set: part A 62.88 (fields 13 /
 * 6.5 / 12.25 / 5 / 7 / 6 / 13.13), survey part B 24.42, satisfaction part C 8.135 (SIPAS 81.35 %): 95.44.
 */
public final class YenBai2021 {

    private YenBai2021() {}

    /**
     * A worked-example input as a unit enters it in its self-assessment: a level, a ratio (a percentage as
     * value/100), or points. Exactly the fields the API's self score takes; unset ones are null.
     */
    public record SelfEntry(BigDecimal points, String level, BigDecimal numerator, BigDecimal denominator) {

        /** The entry of {@code in}. */
        public static SelfEntry of(LeafInput in) {
            if (in.level() != null) {
                return new SelfEntry(null, in.level(), null, null);
            }
            if (in.numerator() != null) {
                return new SelfEntry(null, null, in.numerator(), in.denominator());
            }
            if (in.value() != null) {
                return new SelfEntry(null, null, in.value(), BigDecimal.valueOf(100));
            }
            return new SelfEntry(in.points(), null, null, null);
        }

        /** The self score's JSON fields for {@code criterionCode} (the set ones only), to add evidence to. */
        public Map<String, Object> asJson(String criterionCode) {
            Map<String, Object> json = new HashMap<>();
            json.put("criterionCode", criterionCode);
            if (points != null) {
                json.put("points", points);
            }
            if (level != null) {
                json.put("level", level);
            }
            if (numerator != null) {
                json.put("numerator", numerator);
                json.put("denominator", denominator);
            }
            return json;
        }
    }

    public static Map<String, LeafInput> leaves() {
        Map<String, LeafInput> leaves = new HashMap<>();
        CriteriaSet district = DemoCatalogues.load().stream()
                .filter(s -> s.code().equals("PAR_DIST_YB_2021"))
                .findFirst()
                .orElseThrow();
        // Everything in part A at its maximum first (evidence FULL, ratios at 100 %) ...
        district.nodes()
                .getFirst()
                .children()
                .forEach(field -> field.children()
                        .forEach(leaf -> leaves.put(
                                leaf.code(),
                                leaf.rule() instanceof Rule.Evidence
                                        ? new LeafInput(null, "FULL", null, null, null, null)
                                        : new LeafInput(
                                                null, null, null, new BigDecimal("70"), new BigDecimal("70"), null))));
        // ... then the points the city lost: D1.4 inspections of 20 % of units (band 0.5 of 2), D2.2 1.5 of 2,
        // D3.8 1.25 of 1.5, D7.6 1.63 of 2.
        leaves.put("D1.4", new LeafInput(null, null, new BigDecimal("20"), null, null, null));
        leaves.put("D2.2", LeafInput.points("1.5"));
        leaves.put("D3.8", LeafInput.points("1.25"));
        leaves.put("D7.6", LeafInput.points("1.63"));
        // Part B: the survey points (24.42); part C: SIPAS 81.35 % of 10 points (8.135).
        leaves.put("D8.1", LeafInput.points("6"));
        leaves.put("D8.2", LeafInput.points("6"));
        leaves.put("D8.3", LeafInput.points("6.2"));
        leaves.put("D8.4", LeafInput.points("6.22"));
        leaves.put("C", LeafInput.value("81.35"));
        leaves.put("D_ADJ", LeafInput.points("0"));
        return leaves;
    }
}
