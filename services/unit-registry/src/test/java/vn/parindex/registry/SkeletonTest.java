package vn.parindex.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.parindex.test.architecture.Rooms;

/** The registry keeps the shared skeleton (docs/architecture.md): its rooms, their order, no cycle. */
class SkeletonTest {

    private static final Rooms ROOMS = Rooms.of(RegistryError.class, "vn/parindex/registry/");

    @Test
    void shouldReadTheCompiledClasses() {
        assertTrue(ROOMS.uses()
                .getOrDefault("rest/UnitResource", java.util.Set.of())
                .contains("service/UnitQueryService"));
    }

    @Test
    void shouldKeepEveryClassInARoom() {
        assertEquals(List.of(), ROOMS.outsideTheRooms());
    }

    @Test
    void shouldUseTheRoomsInTheirOrder() {
        assertEquals(List.of(), ROOMS.forbiddenUses());
    }

    @Test
    void shouldHaveNoPackageCycleAndNoResourceUsedElsewhere() {
        assertEquals(List.of(), ROOMS.cycles());
        assertEquals(List.of(), ROOMS.resourceUses());
    }
}
