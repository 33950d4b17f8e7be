package vn.parindex.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.parindex.test.architecture.Rooms;

/** Scoring keeps the shared skeleton (docs/architecture.md): its rooms, their order, no cycle. */
class SkeletonTest {

    private static final Rooms ROOMS = Rooms.of(ScoringError.class, "vn/parindex/scoring/");

    @Test
    void shouldReadTheCompiledClasses() {
        assertTrue(ROOMS.uses()
                .getOrDefault("service/PublicationService", Set.of())
                .contains("service/ResultsService"));
    }

    @Test
    void shouldKeepEveryClassInARoomInTheirOrder() {
        assertEquals(List.of(), ROOMS.outsideTheRooms());
        assertEquals(List.of(), ROOMS.forbiddenUses());
    }

    @Test
    void shouldHaveNoPackageCycleAndNoResourceUsedElsewhere() {
        assertEquals(List.of(), ROOMS.cycles());
        assertEquals(List.of(), ROOMS.resourceUses());
    }
}
