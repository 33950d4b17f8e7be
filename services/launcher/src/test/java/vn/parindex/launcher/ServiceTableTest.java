package vn.parindex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServiceTableTest {

    @Test
    void unitRegistryRunsOnItsOwnPortAndDatabase() {
        ServiceDefinition registry = ServiceTable.SERVICES.stream()
                .filter(service -> service.name().equals("unit-registry"))
                .findFirst()
                .orElseThrow();

        assertEquals(8081, registry.port());
        assertEquals(Optional.of("unit_registry"), registry.database());
        assertEquals(Path.of("services/unit-registry/target/quarkus-app/quarkus-run.jar"), registry.jar());
        assertEquals("http://localhost:8081", registry.baseUrl());
        assertEquals(
                Path.of("/repo/services/unit-registry/target/quarkus-app/quarkus-run.jar"),
                registry.jarIn(Path.of("/repo")));
    }

    @Test
    void namesPortsAndDatabasesAreUnique() {
        int count = ServiceTable.SERVICES.size();
        assertEquals(count, distinct(ServiceDefinition::name));
        assertEquals(count, distinct(ServiceDefinition::port));
        long withDatabase = ServiceTable.SERVICES.stream()
                .filter(service -> service.database().isPresent())
                .count();
        assertEquals(withDatabase, distinct(ServiceDefinition::database));
    }

    @Test
    void gatewayStartsLastOnPort8080WithoutDatabase() {
        ServiceDefinition last = ServiceTable.SERVICES.getLast();

        assertEquals("gateway", last.name());
        assertEquals(8080, last.port());
        assertEquals(Optional.empty(), last.database());
        assertEquals(Path.of("services/gateway/target/quarkus-app/quarkus-run.jar"), last.jar());
    }

    @Test
    void aServiceWithoutDatabaseIsAllowed() {
        ServiceDefinition gateway = ServiceDefinition.quarkusWithoutDatabase("gateway", 8080);

        assertEquals(Optional.empty(), gateway.database());
        assertEquals(Path.of("services/gateway/target/quarkus-app/quarkus-run.jar"), gateway.jar());
    }

    @Test
    void invalidDefinitionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ServiceDefinition.quarkus("x", 0, "x"));
        assertThrows(IllegalArgumentException.class, () -> ServiceDefinition.quarkus("x", 8085, "bad-name"));
    }

    private static long distinct(java.util.function.Function<ServiceDefinition, ?> key) {
        Set<?> values = ServiceTable.SERVICES.stream()
                .map(key)
                .filter(value -> !Optional.empty().equals(value))
                .collect(Collectors.toSet());
        return values.size();
    }
}
