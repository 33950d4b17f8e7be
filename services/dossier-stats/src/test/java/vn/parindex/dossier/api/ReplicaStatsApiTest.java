package vn.parindex.dossier.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import vn.parindex.dossier.store.ReadSource;

/**
 * Statistics read from a real PostgreSQL streaming standby: the batch is written to the primary, and the
 * counts appear in the answers once the standby has replayed it, which say they were read from the replica and
 * how far behind it is.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PrimaryWithStandby.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeRegistry.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReplicaStatsApiTest {

    @Inject
    ReadSource reads;

    @Inject
    AgroalDataSource primary;

    @Test
    void shouldIngestOnThePrimaryAndServeStatisticsFromTheStandby() throws Exception {
        assertEquals(ReadSource.Name.REPLICA, reads.name());
        try (Connection c = reads.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            assertTrue(rs.getBoolean(1), "the replica datasource is a standby");
        }
        try (Connection c = primary.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")) {
            rs.next();
            assertEquals(1, rs.getLong(1), "the standby streams from the primary");
        }

        given().contentType(ContentType.JSON)
                .body(DossierStatsApiTest.PROCEDURES)
                .put("/api/procedures")
                .then()
                .statusCode(200);
        given().contentType("application/x-ndjson")
                .body(DossierStatsApiTest.JULY.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/dossiers/batch")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(0));

        Response answer = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            answer = given().queryParam("unitCode", "04252")
                    .queryParam("from", "2025-07-01")
                    .queryParam("to", "2025-07-31")
                    .get("/api/dossier-stats");
            if (answer.statusCode() == 200
                    && answer.path("total.counts.received").equals(5)) {
                break;
            }
            Thread.sleep(100);
        }
        answer.then()
                .statusCode(200)
                .body("dataReadFrom", equalTo("replica"))
                .body("replicaLagMs", greaterThanOrEqualTo(0))
                .body("dataAsOf", org.hamcrest.Matchers.notNullValue())
                // July 2025 by hand (DossierStatsApiTest), whole month: from the roll-up replicated with the rows.
                .body("total.counts.received", equalTo(5))
                .body("total.counts.carriedOver", equalTo(1))
                .body("total.counts.resolved", equalTo(4))
                .body("total.counts.overdue", equalTo(1))
                .body("total.counts.pendingWithinTime", equalTo(1));
        given().queryParam("unitCode", "04252")
                .queryParam("year", "2025")
                .get("/api/dossier-stats/metrics")
                .then()
                .statusCode(200)
                .body("dataReadFrom", equalTo("replica"));
    }
}
