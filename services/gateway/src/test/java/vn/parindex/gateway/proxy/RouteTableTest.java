package vn.parindex.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Test
    void shouldRouteWholeFirstSegmentsOnly() {
        assertEquals(Optional.of("unit-registry"), RouteTable.serviceFor("/api/units"));
        assertEquals(Optional.of("unit-registry"), RouteTable.serviceFor("/api/units/"));
        assertEquals(Optional.of("unit-registry"), RouteTable.serviceFor("/api/units/15/lineage"));
        assertEquals(Optional.of("dossier-stats"), RouteTable.serviceFor("/api/dossier-stats/metrics"));
        assertEquals(Optional.of("dossier-stats"), RouteTable.serviceFor("/api/dossiers/batch"));
        assertEquals(Optional.of("criteria-catalogue"), RouteTable.serviceFor("/api/metrics"));
        assertEquals(Optional.empty(), RouteTable.serviceFor("/api/unitsX"));
        assertEquals(Optional.empty(), RouteTable.serviceFor("/api/health"));
        assertEquals(Optional.empty(), RouteTable.serviceFor("/api/"));
        assertEquals(Optional.empty(), RouteTable.serviceFor("/q/health"));
        assertEquals(Optional.empty(), RouteTable.serviceFor("/units"));
    }

    @Test
    void shouldTellWhetherADocumentedPathBelongsToAService() {
        assertTrue(RouteTable.routes("/api/campaigns/{code}/results", "scoring"));
        assertFalse(RouteTable.routes("/api/campaigns/{code}/results", "unit-registry"));
        assertFalse(RouteTable.routes("/q/openapi", "scoring"));
    }

    @Test
    void shouldListEveryServiceWithItsSegments() {
        assertEquals(List.of("unit-registry", "criteria-catalogue", "scoring", "dossier-stats"), RouteTable.SERVICES);
        assertEquals(
                List.of("unit-changes", "unit-events", "unit-groups", "units"), RouteTable.segmentsOf("unit-registry"));
        assertEquals(
                List.of("calendar", "dossier-jobs", "dossier-stats", "dossiers", "procedures"),
                RouteTable.segmentsOf("dossier-stats"));
    }
}
