package vn.parindex.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.parindex.registry.domain.TransitionPlanner.LineageRow;
import vn.parindex.registry.domain.TransitionPlanner.Plan;
import vn.parindex.registry.domain.TransitionPlanner.PlannedEdge;
import vn.parindex.registry.domain.TransitionPlanner.PlannedEvent;
import vn.parindex.registry.domain.TransitionPlanner.PlannedVersion;

class TransitionPlannerTest {

    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    // Before: two provinces (10 and 15), a district of each, communes under the districts; province 01 stays.
    private static final List<UnitAttributes> BEFORE = List.of(
            unit("01", "Thành phố Hà Nội", "thành phố", Level.PROVINCE, null),
            unit("10", "Tỉnh Lào Cai", "tỉnh", Level.PROVINCE, null),
            unit("15", "Tỉnh Yên Bái", "tỉnh", Level.PROVINCE, null),
            unit("132", "Thành phố Yên Bái", "thành phố thuộc tỉnh", Level.DISTRICT, "15"),
            unit("080", "Thành phố Lào Cai", "thành phố thuộc tỉnh", Level.DISTRICT, "10"),
            unit("04252", "Phường Yên Ninh", "phường", Level.COMMUNE, "132"),
            unit("04249", "Phường Yên Thịnh", "phường", Level.COMMUNE, "132"),
            unit("02640", "Phường Cốc Lếu", "phường", Level.COMMUNE, "080"));

    private static final List<UnitAttributes> AFTER = List.of(
            unit("01", "Thành phố Hà Nội", "thành phố", Level.PROVINCE, null),
            unit("15", "Tỉnh Lào Cai", "tỉnh", Level.PROVINCE, null),
            unit("04252", "Phường Yên Bái", "phường", Level.COMMUNE, "15"),
            unit("02640", "Phường Cam Đường", "phường", Level.COMMUNE, "15"),
            unit("02641", "Phường Lào Cai", "phường", Level.COMMUNE, "15"));

    private static final List<LineageRow> LINEAGE = List.of(
            new LineageRow("01", "01", Part.FULL),
            new LineageRow("10", "15", Part.FULL),
            new LineageRow("15", "15", Part.FULL),
            new LineageRow("04252", "04252", Part.FULL),
            new LineageRow("04249", "04252", Part.FULL),
            new LineageRow("02640", "02640", Part.PARTIAL),
            new LineageRow("02640", "02641", Part.PARTIAL));

    private static final Plan PLAN =
            TransitionPlanner.plan(BEFORE, AFTER, LINEAGE, REFORM, (kind, u) -> "basis of " + u.code());

    @Test
    void shouldKeepAnUnchangedUnitInOneOpenVersion() {
        List<PlannedVersion> hanoi = versionsOf("01");
        assertEquals(1, hanoi.size());
        assertNull(hanoi.getFirst().validFrom());
        assertNull(hanoi.getFirst().validTo());
    }

    @Test
    void shouldCloseMergedProvincesAndOpenTheSuccessorOnTheReformDate() {
        List<PlannedVersion> fifteen = versionsOf("15");
        assertEquals(2, fifteen.size());
        assertEquals(
                LocalDate.of(2025, 6, 30),
                fifteen.stream()
                        .filter(v -> v.validFrom() == null)
                        .findFirst()
                        .orElseThrow()
                        .validTo());
        PlannedVersion opened = fifteen.stream()
                .filter(v -> REFORM.equals(v.validFrom()))
                .findFirst()
                .orElseThrow();
        assertEquals("Tỉnh Lào Cai", opened.unit().name());
        PlannedEvent event = PLAN.events().get(opened.openedByEvent());
        assertEquals(ChangeKind.MERGE, event.kind());
        assertEquals(Set.of("10", "15"), predecessorsOf(opened.openedByEvent()));
        assertEquals(LocalDate.of(2025, 6, 30), versionsOf("10").getFirst().validTo());
    }

    @Test
    void shouldMarkASuccessorOfAPartialPredecessorAsSplit() {
        PlannedVersion lc = versionsOf("02641").getFirst();
        assertEquals(ChangeKind.SPLIT, PLAN.events().get(lc.openedByEvent()).kind());
        assertTrue(PLAN.edges().stream()
                .filter(e -> e.successorCode().equals("02641"))
                .allMatch(e -> e.part() == Part.PARTIAL));
    }

    @Test
    void shouldDissolveDistrictsWithDerivedEdgesToTheirCommunesSuccessors() {
        PlannedEvent dissolve = PLAN.events().stream()
                .filter(e -> e.kind() == ChangeKind.DISSOLVE && e.description().contains("Thành phố Yên Bái"))
                .findFirst()
                .orElseThrow();
        int index = PLAN.events().indexOf(dissolve);
        List<PlannedEdge> edges =
                PLAN.edges().stream().filter(e -> e.event() == index).toList();
        // All of 132 went into 04252, so the derived edge is whole; district 080's commune was split, so partial.
        assertEquals(
                List.of("04252"), edges.stream().map(PlannedEdge::successorCode).toList());
        assertEquals(Part.FULL, edges.getFirst().part());
        assertTrue(edges.getFirst().derived());
        assertTrue(PLAN.edges().stream()
                .filter(e -> e.predecessorCode().equals("080"))
                .allMatch(e -> e.derived() && e.part() == Part.PARTIAL));
    }

    @Test
    void shouldNotDeriveEdgesForUnitsTheLineageNames() {
        assertTrue(PLAN.edges().stream()
                .filter(e -> e.predecessorCode().equals("04249"))
                .noneMatch(PlannedEdge::derived));
    }

    @Test
    void shouldRefuseLineageThatNamesUnknownUnits() {
        List<LineageRow> bad = List.of(new LineageRow("99", "15", Part.FULL));
        assertThrows(
                IllegalArgumentException.class, () -> TransitionPlanner.plan(BEFORE, AFTER, bad, REFORM, (k, u) -> ""));
    }

    private static List<PlannedVersion> versionsOf(String code) {
        return PLAN.versions().stream()
                .filter(v -> v.unit().code().equals(code))
                .toList();
    }

    private static Set<String> predecessorsOf(int event) {
        return PLAN.edges().stream()
                .filter(e -> e.event() == event)
                .map(PlannedEdge::predecessorCode)
                .collect(Collectors.toSet());
    }

    private static UnitAttributes unit(String code, String name, String type, Level level, String parent) {
        return new UnitAttributes(code, name, type, level, parent);
    }
}
