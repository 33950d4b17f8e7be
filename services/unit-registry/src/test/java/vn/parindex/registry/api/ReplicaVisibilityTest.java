package vn.parindex.registry.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/** A unit written by another replica (straight into the shared database) becomes readable here too. */
@QuarkusTest
// Writes here are an administrator's; access rules have their own tests.
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReplicaVisibilityTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldSeeAUnitCreatedByAnotherReplica() throws Exception {
        given().queryParam("asOf", "2026-01-01")
                .get("/api/units/79.REPLICA")
                .then()
                .statusCode(404);
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO unit_event (kind, effective_date, source, recorded_by)"
                    + " VALUES ('CREATE', DATE '2026-01-01', 'API', 'other-replica')");
            s.execute("INSERT INTO unit_version (code, name, type, level, parent_code, valid_from, opened_by_event,"
                    + " search_name, search_bare, tone_key) SELECT '79.REPLICA', 'Sở Thử', 'sở', 'AGENCY', '79',"
                    + " DATE '2026-01-01', max(id), 'so thu', 'so thu', 'sơ? thư?' FROM unit_event");
        }
        int status = 404;
        // The read model polls every 300 ms in tests; allow generous time on a loaded machine.
        for (int i = 0; i < 100 && status != 200; i++) {
            Thread.sleep(100);
            status = given().queryParam("asOf", "2026-01-01")
                    .get("/api/units/79.REPLICA")
                    .then()
                    .extract()
                    .statusCode();
        }
        assertEquals(200, status);
    }
}
