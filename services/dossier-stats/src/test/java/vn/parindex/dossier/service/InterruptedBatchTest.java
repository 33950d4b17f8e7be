package vn.parindex.dossier.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.parindex.dossier.api.FakeRegistry;
import vn.parindex.test.postgres.PostgresTestResource;

/** A batch whose service died while it ran is reported FAILED; one whose runner is alive stays RUNNING. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeRegistry.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InterruptedBatchTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldReportABatchWithoutRunnerAsInterruptedAndLeaveARunningOneAlone() throws Exception {
        UUID gone = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        try (Connection runner = dataSource.getConnection();
                Connection c = dataSource.getConnection()) {
            // The live runner holds its lock as IngestionJobs does; the dead one's session, and lock, are gone.
            lock(runner, "pg_advisory_lock", alive);
            for (UUID id : new UUID[] {gone, alive}) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO ingestion_job (id, status, format, bytes, submitted_by, async, rows_read)"
                                + " VALUES (?, 'RUNNING', 'NDJSON', 0, 'test-admin', false, 400000)")) {
                    s.setObject(1, id);
                    s.executeUpdate();
                }
            }

            given().get("/api/dossier-jobs/" + gone)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("FAILED"))
                    .body("rowsRead", equalTo(400000))
                    .body("error", startsWith("INTERRUPTED: the service stopped while it ran this batch"));
            given().get("/api/dossier-jobs/" + alive).then().statusCode(200).body("status", equalTo("RUNNING"));

            lock(runner, "pg_advisory_unlock", alive);
            given().get("/api/dossier-jobs/" + alive).then().statusCode(200).body("status", equalTo("FAILED"));
        }
    }

    private static void lock(Connection c, String function, UUID id) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT " + function + "(?, hashtext(?))")) {
            s.setInt(1, IngestionJobs.RUNNER_LOCK);
            s.setString(2, id.toString());
            s.execute();
        }
    }
}
