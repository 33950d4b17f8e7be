package vn.parindex.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.parindex.test.architecture.Rooms;

/**
 * The gateway owns no data and is not built in the services' rooms (docs/architecture.md); its packages are its
 * concerns (edge, proxy, auth, openapi, health, ratelimit, config), and they still have no cycle and no resource used
 * by another class.
 */
class PackageCyclesTest {

    private static final Rooms PACKAGES = Rooms.of(GatewayError.class, "vn/parindex/gateway/");

    @Test
    void shouldReadTheCompiledClasses() {
        assertTrue(
                PACKAGES.uses().getOrDefault("edge/ClientConnection", Set.of()).contains("edge/Exchange"));
    }

    @Test
    void shouldHaveNoPackageCycleAndNoResourceUsedElsewhere() {
        assertEquals(List.of(), PACKAGES.cycles());
        assertEquals(List.of(), PACKAGES.resourceUses());
    }
}
