package vn.parindex.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.registry.domain.LineageWalker.Link;
import vn.parindex.registry.domain.LineageWalker.Relative;
import vn.parindex.registry.domain.LineageWalker.VersionRef;

class LineageWalkerTest {

    private static final LocalDate Y2025 = LocalDate.of(2025, 7, 1);
    private static final LocalDate Y2026 = LocalDate.of(2026, 4, 30);
    private static final VersionRef A_OLD = new VersionRef("A", null);
    private static final VersionRef B_OLD = new VersionRef("B", null);
    private static final VersionRef A_2025 = new VersionRef("A", Y2025);
    private static final VersionRef A_2026 = new VersionRef("A", Y2026);
    private static final VersionRef C_2026 = new VersionRef("C", Y2026);

    // Predecessor links: A(2026) ← A(2025) ← {A(old) whole, B(old) partly}; C(2026) ← A(2025) partly.
    private static final Map<VersionRef, List<Link>> PREDECESSORS = Map.of(
            A_2026, List.of(new Link(A_2025, ChangeKind.RENAME, Y2026, Part.FULL)),
            A_2025,
                    List.of(
                            new Link(A_OLD, ChangeKind.MERGE, Y2025, Part.FULL),
                            new Link(B_OLD, ChangeKind.MERGE, Y2025, Part.PARTIAL)));

    @Test
    void shouldFollowPredecessorsTransitivelyNearestFirst() {
        List<Relative> found = LineageWalker.walk(A_2026, v -> PREDECESSORS.getOrDefault(v, List.of()));
        assertEquals(
                List.of(A_2025, A_OLD, B_OLD),
                found.stream().map(Relative::version).toList());
        assertEquals(List.of(1, 2, 2), found.stream().map(Relative::depth).toList());
        assertEquals("A", found.get(2).via());
        assertEquals(Part.PARTIAL, found.get(2).part());
        assertEquals(Part.FULL, found.get(1).part());
    }

    @Test
    void shouldMakeAChainPartialWhenOneLinkIsPartial() {
        Map<VersionRef, List<Link>> succ = Map.of(
                B_OLD, List.of(new Link(A_2025, ChangeKind.MERGE, Y2025, Part.PARTIAL)),
                A_2025, List.of(new Link(C_2026, ChangeKind.SPLIT, Y2026, Part.FULL)));
        List<Relative> found = LineageWalker.walk(B_OLD, v -> succ.getOrDefault(v, List.of()));
        assertEquals(Part.PARTIAL, found.get(1).part());
    }

    @Test
    void shouldStopOnCyclesInsteadOfLooping() {
        Map<VersionRef, List<Link>> cyclic = Map.of(
                A_OLD, List.of(new Link(B_OLD, ChangeKind.MERGE, Y2025, Part.FULL)),
                B_OLD, List.of(new Link(A_OLD, ChangeKind.MERGE, Y2025, Part.FULL)));
        List<Relative> found = LineageWalker.walk(A_OLD, v -> cyclic.getOrDefault(v, List.of()));
        assertEquals(List.of(B_OLD), found.stream().map(Relative::version).toList());
    }
}
