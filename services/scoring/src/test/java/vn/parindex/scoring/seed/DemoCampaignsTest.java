package vn.parindex.scoring.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.Evaluation;
import vn.parindex.criteria.rules.Evaluator;
import vn.parindex.criteria.rules.NodeKind;
import vn.parindex.criteria.rules.demo.DemoCatalogues;
import vn.parindex.scoring.seed.DemoData.Value;

/**
 * The demo data file agrees with itself and with what it says is published: every computed unit's inputs give the
 * total the file expects (with the criteria sets' own evaluator), and every {@code published} entry — a total, a
 * rank k/N, a part, a field, a ratio, a change in points or places, a SIPAS value, an index value or rank — holds
 * in the demo. Plain Java: no services.
 */
class DemoCampaignsTest {

    private static final DemoData DATA = DemoData.load();
    private static final Map<String, CriteriaSet> SETS = new HashMap<>();

    static {
        DemoCatalogues.load().forEach(s -> SETS.put(s.code(), s));
    }

    /** A unit's result in a campaign as the demo makes it. */
    private record Line(BigDecimal total, BigDecimal index, int rank, int outOf, Evaluation.Result evaluation) {}

    private static final Map<String, Map<String, Line>> RESULTS = new LinkedHashMap<>();

    static {
        for (DemoData.Campaign c : DATA.campaigns()) {
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            Map<String, Evaluation.Result> evaluations = new HashMap<>();
            if (c.how() == DemoData.How.IMPORTED) {
                c.results().forEach((u, r) -> totals.put(u, r.total()));
            } else {
                CriteriaSet set = SETS.get(c.criteriaSet());
                c.units().forEach((u, in) -> {
                    Evaluation.Result r = Evaluator.evaluate(
                            set,
                            new Evaluation.Input(
                                    null,
                                    Map.of(),
                                    DemoInputs.entries(set, c, in).finalInputs()));
                    evaluations.put(u, r);
                    totals.put(u, r.totalPoints());
                });
            }
            List<String> order = new ArrayList<>(totals.keySet());
            order.sort(Comparator.comparing(totals::get).reversed());
            Map<String, Line> lines = new LinkedHashMap<>();
            for (String u : order) {
                int rank = 1
                        + (int) totals.values().stream()
                                .filter(t -> t.compareTo(totals.get(u)) > 0)
                                .count();
                lines.put(u, new Line(totals.get(u), round(totals.get(u)), rank, totals.size(), evaluations.get(u)));
            }
            RESULTS.put(c.code(), lines);
        }
    }

    @Test
    void shouldGiveYenBai2021IllustrativeSampleSizesForEverySurveyCriterion() {
        DemoData.Campaign c = DATA.campaigns().stream()
                .filter(x -> x.code().equals("YB-DIST-2021"))
                .findFirst()
                .orElseThrow();
        Map<String, Integer> sizes = DemoCampaignLoader.sampleSizes(c);
        List<String> survey = new java.util.ArrayList<>();
        for (var leaf : vn.parindex.scoring.domain.ResultCalculator.leaves(
                SETS.get(c.criteriaSet()).nodes(), new java.util.ArrayList<>())) {
            if (leaf.scoreSource() == vn.parindex.criteria.rules.ScoreSource.SURVEY) {
                survey.add(leaf.code());
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(
                new java.util.TreeSet<>(survey), new java.util.TreeSet<>(sizes.keySet()));
        sizes.values().forEach(n -> org.junit.jupiter.api.Assertions.assertTrue(n >= 1));
        Map<?, ?> block = (Map<?, ?>) c.raw().get("survey_sample_sizes");
        org.junit.jupiter.api.Assertions.assertEquals("illustrative", block.get("status"));
    }

    @Test
    void shouldPlayOneContestOnSonLa2021WithoutChangingAFigure() {
        List<String> windows = DATA.campaigns().stream()
                .filter(x -> DemoData.contestWindow(x) != null)
                .map(DemoData.Campaign::code)
                .toList();
        assertEquals(List.of("SL-DIST-2021"), windows, "one demo campaign goes through the contest window");
        DemoData.Campaign c = DATA.campaign("SL-DIST-2021");
        DemoData.ContestWindow w = DemoData.contestWindow(c);
        DemoData.Contest x = w.contest();
        assertNotNull(w.preliminary().number());
        assertTrue(w.preliminary().date().isBefore(c.decision().date()), "the preliminary decision comes first");
        assertTrue(w.deadline().toLocalDate().isBefore(c.decision().date()), "the window closes before the final");
        // The officer contests the council's cut of one of its unit's criteria; a rejection keeps the cut.
        assertTrue(c.units().get(x.unit()).appraisal().containsKey(x.criterion()), x.toString());
        assertTrue(x.filedBy().startsWith("officer-") && !x.filedBy().equals(x.decidedBy()), x.toString());
        assertEquals(vn.parindex.scoring.api.ContestDto.Outcome.REJECTED, x.outcome());
        assertEquals(null, x.correctedPoints(), "a rejection corrects nothing, so the file's totals stand");
        assertFalse(x.reason().isBlank()
                || x.evidence().isBlank()
                || x.decisionReason().isBlank());
        assertEquals("illustrative", ((Map<?, ?>) c.raw().get("contest_window")).get("status"));
    }

    @Test
    void shouldGiveEveryComputedUnitTheTotalTheFileExpects() {
        for (DemoData.Campaign c : DATA.campaigns()) {
            if (c.how() != DemoData.How.COMPUTED) {
                continue;
            }
            c.units().forEach((u, in) -> {
                BigDecimal total = RESULTS.get(c.code()).get(u).total();
                assertNotNull(in.expect(), c.code() + " " + u);
                assertTrue(
                        total.subtract(in.expect()).abs().compareTo(new BigDecimal("0.001")) <= 0,
                        c.code() + " " + u + ": " + total + " but the file expects " + in.expect());
                // Bonus and penalty aside, as approval has it.
                Evaluation.Result r = RESULTS.get(c.code()).get(u).evaluation();
                List<String> missing = r.nodes().stream()
                        .filter(n -> n.kind() != NodeKind.ADJUSTMENT)
                        .map(Evaluation.NodeResult::code)
                        .filter(r.missing()::contains)
                        .toList();
                assertEquals(List.of(), missing, c.code() + " " + u);
            });
        }
    }

    @Test
    void shouldListImportedResultsWithTheRanksTheirTotalsGive() {
        for (DemoData.Campaign c : DATA.campaigns()) {
            if (c.how() == DemoData.How.IMPORTED) {
                c.results()
                        .forEach((u, r) -> assertEquals(
                                RESULTS.get(c.code()).get(u).rank(), r.rank(), c.code() + " " + u + " rank"));
            }
        }
    }

    @Test
    void shouldHoldEveryPublishedFigureOfTheCampaigns() {
        int checked = 0;
        for (DemoData.Campaign c : DATA.campaigns()) {
            Map<String, Line> lines = RESULTS.get(c.code());
            for (Map<String, Object> p : c.published()) {
                String unit = String.valueOf(p.get("unit"));
                String where = c.code() + " " + unit + " " + p.get("source");
                Line line = lines.get(unit);
                assertNotNull(line, where);
                assertNotNull(p.get("source"), where);
                assertNotNull(p.get("words"), where);
                if (p.get("total") != null) {
                    assertEquals(0, decimal(p.get("total")).compareTo(line.index()), where + " total " + line.index());
                }
                if (p.get("rank") != null) {
                    assertEquals(((Number) p.get("rank")).intValue(), line.rank(), where + " rank");
                }
                if (p.get("of") != null) {
                    assertEquals(((Number) p.get("of")).intValue(), line.outOf(), where + " rank out of");
                }
                if (p.get("points_change") != null || p.get("rank_change") != null) {
                    Line before = RESULTS.get(c.previous()).get(unit);
                    int decimals = p.get("points_change_decimals") == null
                            ? 2
                            : ((Number) p.get("points_change_decimals")).intValue();
                    BigDecimal change = line.total().subtract(before.total()).setScale(2, RoundingMode.HALF_UP);
                    if (p.get("points_change") != null) {
                        assertEquals(
                                0,
                                decimal(p.get("points_change"))
                                        .compareTo(change.setScale(decimals, RoundingMode.HALF_UP)),
                                where + " change " + change);
                    }
                    if (p.get("rank_change") != null) {
                        assertEquals(((Number) p.get("rank_change")).intValue(), before.rank() - line.rank(), where);
                    }
                }
                Map<String, BigDecimal> nodes = new HashMap<>();
                if (line.evaluation() != null) {
                    line.evaluation().nodes().forEach(n -> nodes.put(n.code(), n.points()));
                }
                for (String key : List.of("parts", "fields")) {
                    if (p.get(key) instanceof Map<?, ?> expected && c.how() == DemoData.How.COMPUTED) {
                        expected.forEach((node, points) -> assertEquals(
                                0,
                                decimal(points).compareTo(nodes.get(String.valueOf(node))),
                                where + " " + key + " " + node + " " + nodes.get(String.valueOf(node))));
                    } else if (p.get(key) instanceof Map<?, ?> expected) {
                        Map<String, BigDecimal> given = c.fieldsGiven().get(unit);
                        expected.forEach((node, points) ->
                                assertEquals(0, decimal(points).compareTo(given.get(String.valueOf(node))), where));
                    }
                }
                DemoData.UnitInputs in = c.units().get(unit);
                if (p.get("ratio") instanceof Map<?, ?> ratios) {
                    ratios.forEach((leaf, r) -> {
                        Value v = in.self().get(String.valueOf(leaf));
                        List<?> nd = (List<?>) r;
                        assertEquals(0, decimal(nd.get(0)).compareTo(v.numerator()), where + " " + leaf);
                        assertEquals(0, decimal(nd.get(1)).compareTo(v.denominator()), where + " " + leaf);
                    });
                }
                if (p.get("dossier") instanceof Map<?, ?> percents) {
                    percents.forEach((leaf, percent) -> {
                        Value v = in.dossier()
                                .getOrDefault(String.valueOf(leaf), in.self().get(String.valueOf(leaf)));
                        assertEquals(
                                0,
                                decimal(percent)
                                        .compareTo(v.numerator()
                                                .multiply(BigDecimal.valueOf(100))
                                                .divide(v.denominator(), 2, RoundingMode.HALF_UP)),
                                where + " " + leaf);
                    });
                }
                if (p.get("sipas") != null) {
                    assertEquals(0, decimal(p.get("sipas")).compareTo(in.sipas()), where + " SIPAS");
                }
                checked++;
            }
        }
        assertTrue(checked >= 14, "published figures checked: " + checked);
    }

    /**
     * Dossier statistics' demo holds, for every unit of a campaign of 2019–2021 that takes its dossier-fed criteria
     * from it, dossiers whose counts are the line's {@code dossier} ratios (its resource
     * {@code synthetic/demo-targets.csv}, derived from this file): the figures scoring fetches are the file's, so
     * the totals above are the published ones. The first dossier criterion is the on-time rate, the second (if any)
     * the online share.
     */
    @Test
    void shouldAgreeWithTheDossierTargetsOfDossierStatistics() throws Exception {
        java.nio.file.Path csv =
                java.nio.file.Path.of("../dossier-stats/src/main/resources/synthetic/demo-targets.csv");
        Map<String, List<String>> targets = new LinkedHashMap<>();
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        for (String l : lines.subList(1, lines.size())) {
            if (l.startsWith("#") || l.startsWith("unit_code,") || l.isBlank()) {
                continue;
            }
            List<String> f = List.of(l.split(",", -1));
            targets.put(f.get(0) + "/" + f.get(1), f);
        }
        int checked = 0;
        for (DemoData.Campaign c : DATA.campaigns()) {
            if (!c.dossierFromStats() || c.year() >= 2025) {
                continue;
            }
            for (Map.Entry<String, DemoData.UnitInputs> u : c.units().entrySet()) {
                String where = c.code() + " " + u.getKey();
                List<String> t = targets.remove(u.getKey() + "/" + c.year());
                assertNotNull(t, where + " has no dossier target in " + csv);
                List<String> criteria = new ArrayList<>(u.getValue().dossier().keySet());
                criteria.sort(Comparator.naturalOrder());
                assertFalse(criteria.isEmpty(), where);
                Value onTime = u.getValue().dossier().get(criteria.get(0));
                assertEquals(0, new BigDecimal(t.get(2)).compareTo(onTime.numerator()), where + " on time");
                assertEquals(0, new BigDecimal(t.get(3)).compareTo(onTime.denominator()), where + " resolved");
                if (criteria.size() > 1) {
                    Value online = u.getValue().dossier().get(criteria.get(1));
                    assertEquals(0, new BigDecimal(t.get(4)).compareTo(online.numerator()), where + " online");
                    assertEquals(0, new BigDecimal(t.get(5)).compareTo(online.denominator()), where + " received");
                }
                checked++;
            }
        }
        assertEquals(Map.of(), targets, "targets of no demo campaign unit");
        assertEquals(42, checked);
    }

    @Test
    void shouldHoldThePublishedFiguresOfTheIndices() {
        int checked = 0;
        for (DemoData.Index index : DATA.indices()) {
            for (DemoData.IndexYear y : index.years()) {
                for (Map<String, Object> p : y.published()) {
                    String unit = String.valueOf(p.get("unit"));
                    String where = index.code() + " " + y.year() + " " + unit;
                    BigDecimal value = y.values().get(unit);
                    assertNotNull(value, where);
                    if (p.get("value") != null) {
                        assertEquals(0, decimal(p.get("value")).compareTo(value), where);
                    }
                    if (p.get("rank") != null) {
                        long above = y.values().values().stream()
                                .filter(v -> v.compareTo(value) > 0)
                                .count();
                        assertEquals(((Number) p.get("rank")).intValue(), above + 1, where + " rank");
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked >= 8, "index figures checked: " + checked);
    }

    @Test
    void shouldMatchThePublishedAggregatesOfPar2024AndTheDepartmentRangeOf2020() {
        Map<String, Line> par2024 = RESULTS.get("VN-PROV-2024");
        assertEquals(63, par2024.size());
        BigDecimal sum = par2024.values().stream().map(Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("88.37"), sum.divide(BigDecimal.valueOf(63), 2, RoundingMode.HALF_UP));
        long groupA = par2024.values().stream()
                .filter(l -> l.index().compareTo(BigDecimal.valueOf(90)) >= 0)
                .count();
        long groupB = par2024.values().stream()
                .filter(l -> l.index().compareTo(BigDecimal.valueOf(80)) >= 0
                        && l.index().compareTo(BigDecimal.valueOf(90)) < 0)
                .count();
        assertEquals(13, groupA);
        assertEquals(50, groupB);
        assertEquals(34, RESULTS.get("VN-PROV-2025").size());
        for (Line l : RESULTS.get("YB-AGENCY-2020").values()) {
            assertTrue(l.index().compareTo(new BigDecimal("63.31")) >= 0, l.toString());
            assertTrue(l.index().compareTo(new BigDecimal("94.79")) <= 0, l.toString());
        }
    }

    @Test
    void shouldKeepThanhPhoYenBaiFirstInAllThreeYearsWithVariedOthers() {
        for (String code : List.of("YB-DIST-2019", "YB-DIST-2020", "YB-DIST-2021")) {
            assertEquals(1, RESULTS.get(code).get("132").rank(), code);
        }
        // Not evenly spaced, and the places move from year to year.
        Set<BigDecimal> gaps = new HashSet<>();
        List<Line> lines2021 = new ArrayList<>(RESULTS.get("YB-DIST-2021").values());
        for (int i = 1; i < lines2021.size(); i++) {
            gaps.add(lines2021.get(i - 1).total().subtract(lines2021.get(i).total()));
        }
        assertTrue(gaps.size() >= 6, "gaps " + gaps);
        long moved = RESULTS.get("YB-DIST-2021").entrySet().stream()
                .filter(e -> RESULTS.get("YB-DIST-2020").get(e.getKey()).rank()
                        != e.getValue().rank())
                .count();
        assertTrue(moved >= 4, "districts that changed place: " + moved);
        assertFalse(RESULTS.get("YB-DIST-2020").isEmpty());
    }

    private static BigDecimal round(BigDecimal total) {
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal decimal(Object raw) {
        return new BigDecimal(String.valueOf(raw));
    }
}
