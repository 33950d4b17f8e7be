package vn.parindex.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowedLineageTest {

    private static final LocalDate FROM = LocalDate.of(2024, 12, 31);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);
    private static final LocalDate APRIL = LocalDate.of(2025, 4, 1);
    private static final LocalDate MARCH_END = APRIL.minusDays(1);
    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    private static final LocalDate JUNE_END = REFORM.minusDays(1);
    private static final LocalDate SEPTEMBER = LocalDate.of(2025, 9, 1);

    private static UnitView commune(String code, String name, String parent, LocalDate from, LocalDate to) {
        return UnitView.of(code, name, "xã", Level.COMMUNE, parent, from, to);
    }

    // 04252 ← {04252 old, 04249 (renamed in April)} by a merger on 1 July; district 132 is dissolved into it (derived);
    // 05000 is split into 05001 and 05002; 06000 ← {06001 partly, 06002 whole}, both split off 06009 in April;
    // 99001 is created in September from nothing; 04300 does not change.
    private static final UnitSnapshot VERSIONS = new UnitSnapshot(
            1,
            List.of(
                    UnitView.of("132", "Thành phố Yên Bái", "thành phố", Level.DISTRICT, "15", null, JUNE_END),
                    commune("04252", "Phường Yên Ninh", "132", null, JUNE_END),
                    commune("04252", "Phường Yên Bái", "15", REFORM, null),
                    commune("04249", "Phường Yên Thịnh", "132", null, MARCH_END),
                    commune("04249", "Phường Yên Thịnh Mới", "132", APRIL, JUNE_END),
                    commune("05000", "Xã Tách", "15", null, JUNE_END),
                    commune("05001", "Xã Tách Một", "15", REFORM, null),
                    commune("05002", "Xã Tách Hai", "15", REFORM, null),
                    commune("06009", "Xã Gốc", "15", null, MARCH_END),
                    commune("06001", "Xã Một", "15", APRIL, JUNE_END),
                    commune("06002", "Xã Hai", "15", APRIL, JUNE_END),
                    commune("06000", "Xã Hợp", "15", REFORM, null),
                    commune("99001", "Xã Mới", "15", SEPTEMBER, null),
                    commune("04300", "Xã Yên", "15", null, null)));

    private static final List<WindowedLineage.Edge> EDGES = List.of(
            edge("04252", "04252", ChangeKind.MERGE, REFORM, Part.FULL, false),
            edge("04249", "04252", ChangeKind.MERGE, REFORM, Part.FULL, false),
            edge("04249", "04249", ChangeKind.RENAME, APRIL, Part.FULL, false),
            edge("132", "04252", ChangeKind.DISSOLVE, REFORM, Part.PARTIAL, true),
            edge("05000", "05001", ChangeKind.SPLIT, REFORM, Part.PARTIAL, false),
            edge("05000", "05002", ChangeKind.SPLIT, REFORM, Part.PARTIAL, false),
            edge("06009", "06001", ChangeKind.SPLIT, APRIL, Part.FULL, false),
            edge("06009", "06002", ChangeKind.SPLIT, APRIL, Part.FULL, false),
            edge("06001", "06000", ChangeKind.MERGE, REFORM, Part.PARTIAL, false),
            edge("06002", "06000", ChangeKind.MERGE, REFORM, Part.FULL, false),
            // Outside every window below: must not be followed.
            edge("04300", "04300", ChangeKind.RENAME, LocalDate.of(2027, 1, 1), Part.FULL, false));

    private static WindowedLineage.Edge edge(
            String pred, String succ, ChangeKind kind, LocalDate day, Part part, boolean derived) {
        return new WindowedLineage.Edge(pred, succ, kind, day, part, derived);
    }

    private static WindowedLineage.Result answer(LocalDate from, LocalDate to, boolean derived, String... codes) {
        return new WindowedLineage(VERSIONS, from, to, derived, EDGES).answer(List.of(codes));
    }

    private static String describe(List<LineageWalker.Entry> entries, LocalDate from) {
        return String.join(
                " ",
                entries.stream()
                        .map(e -> e.unit().code() + "@" + e.unit().validFrom() + ":"
                                + e.relative().event() + "/"
                                + e.relative().part() + "/" + e.relative().depth() + "/"
                                + e.relative().via()
                                + (e.unit().validOn(from) ? "/onFrom" : ""))
                        .toList());
    }

    @Test
    void shouldWalkAMergerBackTransitivelyAndMarkTheUnitsValidOnFrom() {
        WindowedLineage.Answer a = answer(FROM, TO, false, "04252").items().getFirst();
        assertEquals("Phường Yên Bái", a.unit().name());
        assertEquals(
                "04249@2025-04-01:MERGE/FULL/1/null 04252@null:MERGE/FULL/1/null/onFrom"
                        + " 04249@null:RENAME/FULL/2/04249/onFrom",
                describe(a.predecessors(), FROM));
        // Successors walk from the version valid on from: old 04252 went into new 04252.
        assertEquals("04252@2025-07-01:MERGE/FULL/1/null", describe(a.successors(), FROM));
    }

    @Test
    void shouldFollowOnlyTheEventsOfTheWindow() {
        LocalDate afterRename = APRIL;
        WindowedLineage.Answer a =
                answer(afterRename, TO, false, "04252").items().getFirst();
        assertEquals(
                "04249@2025-04-01:MERGE/FULL/1/null/onFrom 04252@null:MERGE/FULL/1/null/onFrom",
                describe(a.predecessors(), afterRename));
        WindowedLineage.Answer before =
                answer(FROM, JUNE_END, false, "04252").items().getFirst();
        assertEquals("Phường Yên Ninh", before.unit().name());
        assertTrue(before.predecessors().isEmpty());
        assertTrue(before.successors().isEmpty());
    }

    @Test
    void shouldFollowDerivedLinksBackwardsOnlyWhenAskedButForwardsAlways() {
        assertEquals(
                List.of("04249", "04252", "132", "04249"),
                answer(FROM, TO, true, "04252").items().getFirst().predecessors().stream()
                        .map(e -> e.unit().code())
                        .toList());
        WindowedLineage.Answer district = answer(FROM, TO, false, "132").items().getFirst();
        assertEquals("Thành phố Yên Bái", district.unit().name());
        assertTrue(district.predecessors().isEmpty());
        assertEquals("04252@2025-07-01:DISSOLVE/PARTIAL/1/null", describe(district.successors(), FROM));
    }

    @Test
    void shouldAnswerASplitUnitByItsVersionOnFromWithItsSuccessors() {
        WindowedLineage.Result r = answer(FROM, TO, false, "05000", "05001");
        WindowedLineage.Answer old = r.items().get(0);
        assertEquals(JUNE_END, old.unit().validTo());
        assertTrue(old.predecessors().isEmpty());
        assertEquals(
                "05001@2025-07-01:SPLIT/PARTIAL/1/null 05002@2025-07-01:SPLIT/PARTIAL/1/null",
                describe(old.successors(), FROM));
        WindowedLineage.Answer part = r.items().get(1);
        assertEquals("05000@null:SPLIT/PARTIAL/1/null/onFrom", describe(part.predecessors(), FROM));
        assertTrue(part.successors().isEmpty());
    }

    @Test
    void shouldPreferAWholePathOverAPartialOneAtTheSameDepth() {
        // 06009 is reached through 06001 (partly) first and through 06002 (whole) second.
        WindowedLineage.Answer a = answer(FROM, TO, false, "06000").items().getFirst();
        assertEquals(
                "06001@2025-04-01:MERGE/PARTIAL/1/null 06002@2025-04-01:MERGE/FULL/1/null"
                        + " 06009@null:SPLIT/FULL/2/06002/onFrom",
                describe(a.predecessors(), FROM));
    }

    @Test
    void shouldAnswerACreatedUnitWithEmptyListsAndAnUnchangedOneToo() {
        WindowedLineage.Result r = answer(FROM, TO, false, "99001", "04300");
        assertEquals(
                List.of("99001", "04300"),
                r.items().stream().map(WindowedLineage.Answer::code).toList());
        for (WindowedLineage.Answer a : r.items()) {
            assertEquals(List.of(), a.predecessors());
            assertEquals(List.of(), a.successors());
        }
        assertEquals(SEPTEMBER, r.items().getFirst().unit().validFrom());
        assertTrue(r.unknown().isEmpty());
    }

    @Test
    void shouldAnswerEachCodeOnceInRequestOrderAndListTheUnknown() {
        WindowedLineage.Result r = answer(FROM, JUNE_END, false, "04300", "99999", "99001", "04300", "132", "99999");
        assertEquals(
                List.of("04300", "132"),
                r.items().stream().map(WindowedLineage.Answer::code).toList());
        // 99001 is created after this window.
        assertEquals(List.of("99999", "99001"), r.unknown());
    }

    @Test
    void shouldRefuseAWindowThatEndsBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> answer(TO, FROM, false, "04300"));
    }

    @Test
    void shouldNameTheStartsOfEachDirection() {
        List<String> codes = List.of("05000", "05001", "99001", "04300", "04300");
        assertEquals(List.of("05001", "99001", "04300"), WindowedLineage.backwardStarts(VERSIONS, codes, TO));
        assertEquals(List.of("05000", "04300"), WindowedLineage.forwardStarts(VERSIONS, codes, FROM));
    }
}
