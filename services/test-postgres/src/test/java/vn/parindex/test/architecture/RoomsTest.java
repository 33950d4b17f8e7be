package vn.parindex.test.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoomsTest {

    @Test
    void shouldFindTheCycleOfAGraphThatHasOne() {
        Rooms rooms = Rooms.ofUses(Map.of(
                "publication/A", Set.of("result/B", "campaign/C"),
                "result/B", Set.of("assessment/D"),
                "assessment/D", Set.of("publication/A")));
        assertEquals(List.of("assessment -> publication -> result -> assessment"), rooms.cycles());
    }

    @Test
    void shouldRefuseAUseAgainstTheRoomsOrder() {
        Rooms rooms = Rooms.ofUses(Map.of(
                "rest/UnitResource", Set.of("service/UnitService", "client/RegistryApi", "Error"),
                "service/UnitService", Set.of("store/UnitVersion", "domain/Level", "rest/UnitDto"),
                "domain/Level", Set.of("Error"),
                "Error", Set.of("domain/Level", "service/UnitService")));
        assertEquals(
                List.of(
                        "Error -> service/UnitService",
                        "rest/UnitResource -> client/RegistryApi",
                        "service/UnitService -> rest/UnitDto"),
                rooms.forbiddenUses());
    }

    @Test
    void shouldNameClassesOutsideTheRoomsAndUsesOfResources() {
        Rooms rooms = Rooms.ofUses(Map.of(
                "unit/UnitResource", Set.of(),
                "rest/RankingResource", Set.of("rest/ResultsResource"),
                "Error", Set.of()));
        assertEquals(List.of("unit/UnitResource"), rooms.outsideTheRooms());
        assertEquals(List.of("rest/RankingResource -> rest/ResultsResource"), rooms.resourceUses());
    }
}
