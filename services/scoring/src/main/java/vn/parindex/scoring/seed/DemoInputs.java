package vn.parindex.scoring.seed;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.Evaluation.LeafInput;
import vn.parindex.criteria.rules.Metric;
import vn.parindex.criteria.rules.NodeKind;
import vn.parindex.criteria.rules.Rule;
import vn.parindex.criteria.rules.ScoreSource;
import vn.parindex.criteria.rules.demo.YenBai2021;
import vn.parindex.scoring.domain.ResultCalculator;
import vn.parindex.scoring.seed.DemoData.Value;

/**
 * A computed demo unit's entries, stage by stage, from its line of the data file: what the unit self-assesses,
 * what the council cuts or enters from the dossier report, what the survey import brings. The worked example of
 * Thành phố Yên Bái 2021 is {@link YenBai2021}'s inputs.
 */
public final class DemoInputs {

    private DemoInputs() {}

    /** The entries of one unit, by stage; every map is by criterion code. */
    public record Entries(
            Map<String, Value> self,
            Map<String, Value> appraisal,
            Map<String, Value> dossier,
            Map<String, BigDecimal> surveyPoints,
            Map<String, BigDecimal> surveyPercent) {

        /** The final value of each leaf (appraisal over self), as the rules evaluate it. */
        public Map<String, LeafInput> finalInputs() {
            Map<String, LeafInput> out = new LinkedHashMap<>();
            self.forEach((k, v) -> out.put(k, input(v)));
            appraisal.forEach((k, v) -> out.put(k, input(v)));
            dossier.forEach((k, v) -> out.put(k, input(v)));
            surveyPoints.forEach((k, v) -> out.put(k, new LeafInput(v, null, null, null, null, null)));
            surveyPercent.forEach((k, v) -> out.put(k, new LeafInput(null, null, v, null, null, null)));
            return out;
        }
    }

    public static Entries entries(CriteriaSet set, DemoData.Campaign c, DemoData.UnitInputs u) {
        Map<String, Value> self = new LinkedHashMap<>();
        Map<String, Value> appraisal = new LinkedHashMap<>();
        Map<String, Value> dossier = new LinkedHashMap<>();
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        Map<String, BigDecimal> percent = new LinkedHashMap<>();
        Map<String, LeafInput> example = u.workedExample() ? YenBai2021.leaves() : Map.of();
        for (CriteriaNode leaf : ResultCalculator.leaves(set.nodes(), new java.util.ArrayList<>())) {
            String code = leaf.code();
            if (u.workedExample()) {
                LeafInput in = example.get(code);
                if (in == null) {
                    continue;
                }
                if (leaf.scoreSource() == ScoreSource.SURVEY) {
                    if (in.value() != null) {
                        percent.put(code, in.value());
                    } else {
                        points.put(code, in.points());
                    }
                } else if (leaf.scoreSource() == ScoreSource.AUTO && u.dossier().containsKey(code)) {
                    // The line's dossier counts (those dossier statistics holds) over the example's bare ratio.
                    dossier.put(code, u.dossier().get(code));
                } else {
                    YenBai2021.SelfEntry e = YenBai2021.SelfEntry.of(in);
                    Value v = new Value(e.points(), e.level(), e.numerator(), e.denominator());
                    (leaf.scoreSource() == ScoreSource.AUTO ? dossier : self).put(code, v);
                }
                continue;
            }
            switch (leaf.scoreSource()) {
                case SURVEY -> {
                    if (sipas(leaf)) {
                        if (u.sipas() != null) {
                            percent.put(code, u.sipas());
                        }
                    } else if (u.survey().containsKey(code)) {
                        points.put(code, u.survey().get(code));
                    }
                }
                case AUTO -> {
                    if (u.dossier().containsKey(code)) {
                        dossier.put(code, u.dossier().get(code));
                    }
                }
                default -> {
                    if (leaf.kind() == NodeKind.ADJUSTMENT && !u.self().containsKey(code)) {
                        continue; // bonus and penalty only when the line gives one
                    }
                    Value v = u.self().get(code);
                    if (v == null) {
                        v = leaf.rule() instanceof Rule.Evidence
                                ? new Value(null, c.baseline().evidence(), null, null)
                                : new Value(
                                        null,
                                        null,
                                        c.baseline().numerator(),
                                        c.baseline().denominator());
                    }
                    self.put(code, v);
                    if (u.appraisal().containsKey(code)) {
                        appraisal.put(code, u.appraisal().get(code));
                    }
                }
            }
        }
        return new Entries(self, appraisal, dossier, points, percent);
    }

    /** The SIPAS criterion: a survey criterion scored as a percentage. */
    public static boolean sipas(CriteriaNode leaf) {
        return leaf.rule() != null
                && Metric.SIPAS_PERCENT.name().equals(leaf.rule().metric());
    }

    static LeafInput input(Value v) {
        return new LeafInput(v.points(), v.level(), null, v.numerator(), v.denominator(), null);
    }
}
