package vn.parindex.dossier.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.parindex.dossier.client.UnitDirectory;
import vn.parindex.test.postgres.PostgresTestResource;

@QuarkusTest
// Writes here are an administrator's; access rules have their own tests.
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeRegistry.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DossierStatsApiTest {

    @Inject
    UnitDirectory units;

    /** Two procedures of commune level (also GroupedTotalsApiTest's). */
    static final String PROCEDURES = """
            [{"code":"P1","name":"Thủ tục một","field":"Hộ tịch","authorityLevel":"COMMUNE","deadlineWorkingDays":3,"serviceLevel":"FULL"},
             {"code":"P2","name":"Thủ tục hai","field":"Đất đai","authorityLevel":"COMMUNE","deadlineWorkingDays":5,"serviceLevel":"PARTIAL"}]""";

    /**
     * July 2025 for 04252 (no holidays in July): A early, B on time, C late, D overdue (P2, due 17/7), E pending
     * (due 4/8), F withdrawn (excluded), G received 30/6 and resolved early in July (carried over);
     * H belongs to the sibling commune 04261.
     */
    static final String JULY = String.join(
                    "\n",
                    row(
                            "A",
                            "P1",
                            "04252",
                            "ONLINE",
                            "2025-07-01T09:00:00+07:00",
                            "2025-07-03T15:00:00+07:00",
                            "resolved"),
                    row(
                            "B",
                            "P1",
                            "04252",
                            "DIRECT",
                            "2025-07-01T09:00:00+07:00",
                            "2025-07-04T10:00:00+07:00",
                            "resolved"),
                    row(
                            "C",
                            "P1",
                            "04252",
                            "POSTAL",
                            "2025-07-01T09:00:00+07:00",
                            "2025-07-08T10:00:00+07:00",
                            "returned"),
                    row("D", "P2", "04252", "ONLINE", "2025-07-10T09:00:00+07:00", null, "processing"),
                    row("E", "P1", "04252", "DIRECT", "2025-07-30T09:00:00+07:00", null, "supplement requested"),
                    row(
                            "F",
                            "P1",
                            "04252",
                            "ONLINE",
                            "2025-07-15T09:00:00+07:00",
                            "2025-07-16T09:00:00+07:00",
                            "withdrawn"),
                    row(
                            "G",
                            "P1",
                            "04252",
                            "DIRECT",
                            "2025-06-30T09:00:00+07:00",
                            "2025-07-02T09:00:00+07:00",
                            "resolved"),
                    row(
                            "H",
                            "P1",
                            "04261",
                            "ONLINE",
                            "2025-07-02T09:00:00+07:00",
                            "2025-07-03T09:00:00+07:00",
                            "resolved"))
            + "\n";

    static String row(
            String id, String procedure, String unit, String channel, String received, String finished, String status) {
        return "{\"sourceSystem\":\"DVC-15\",\"dossierId\":\"" + id + "\",\"procedureCode\":\"" + procedure
                + "\",\"unitCode\":\"" + unit
                + "\",\"channel\":\"" + channel + "\",\"receivedAt\":\"" + received + "\""
                + (finished == null ? "" : ",\"finishedAt\":\"" + finished + "\"") + ",\"status\":\"" + status + "\"}";
    }

    static byte[] ndjson(String lines) {
        return lines.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The registry up, the two procedures, and {@code rows} (lines of {@link #row}) stored under source system
     * {@code source}, every row accepted: the data a report test starts from (a source of its own keeps its dossiers
     * apart from other tests').
     */
    static void storeProceduresAndDossiers(String rows, String source) {
        FakeRegistry.down = false;
        sendProceduresThenDossiers(PROCEDURES, rows.replace("DVC-15", source)).body("rejected", equalTo(0));
    }

    @BeforeEach
    void procedures() {
        registryUpAndProcedures();
    }

    /** The registry up and the two procedures stored. */
    static void registryUpAndProcedures() {
        FakeRegistry.down = false;
        given().contentType(ContentType.JSON)
                .body(PROCEDURES)
                .put("/api/procedures")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldUpsertProceduresInOneGoAndNameBadItemsByIndex() {
        given().contentType(ContentType.JSON)
                .body("[{\"code\":\"P9\",\"name\":\"Mới\",\"deadlineWorkingDays\":2,\"serviceLevel\":\"NONE\"},"
                        + "{\"code\":\"P1\",\"name\":\"Thủ tục một (sửa)\",\"deadlineWorkingDays\":3,\"serviceLevel\":\"FULL\"},"
                        + "{\"code\":\"P8\",\"name\":\"Thiếu hạn\",\"serviceLevel\":\"FULL\"}]")
                .put("/api/procedures")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(1))
                .body("updated", equalTo(1))
                .body("rejected", equalTo(1))
                .body("errors[0].field", equalTo("[2].deadlineWorkingDays"));
        given().get("/api/procedures/P1").then().body("name", equalTo("Thủ tục một (sửa)"));
        given().get("/api/procedures/P8").then().statusCode(404).body("code", equalTo("PROCEDURE_NOT_FOUND"));
    }

    @Test
    void shouldComputeDueDatesOverTet() {
        given().queryParam("receivedOn", "2025-01-23")
                .queryParam("workingDays", 3)
                .get("/api/calendar/due-date")
                .then()
                .statusCode(200)
                .body("dueDate", equalTo("2025-02-04"));
        given().get("/api/calendar/2025")
                .then()
                .statusCode(200)
                .body("days.find { it.kind == 'MAKEUP_WORKDAY' }.date", equalTo("2025-04-26"));
    }

    @Test
    void shouldCountAndRateJulyByHand() {
        given().contentType("application/x-ndjson")
                .body(ndjson(JULY))
                .post("/api/dossiers/batch")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(0));
        given().queryParam("unitCode", "04252")
                .queryParam("from", "2025-07-01")
                .queryParam("to", "2025-07-31")
                .get("/api/dossier-stats")
                .then()
                .statusCode(200)
                .body("total.counts.received", equalTo(5))
                .body("total.counts.carriedOver", equalTo(1))
                .body("total.counts.resolved", equalTo(4))
                .body("total.counts.early", equalTo(2))
                .body("total.counts.onTime", equalTo(1))
                .body("total.counts.late", equalTo(1))
                .body("total.counts.pendingWithinTime", equalTo(1))
                .body("total.counts.overdue", equalTo(1))
                .body("total.counts.excluded", equalTo(1))
                .body("total.counts.online", equalTo(2))
                .body("total.counts.fullOnline", equalTo(1))
                .body("total.counts.postal", equalTo(1))
                .body("total.rates.onTimeRateResolved.value", equalTo(75.0f))
                .body("total.rates.onTimeRateResolved.numerator", equalTo(3))
                .body("total.rates.onTimeRateResolved.denominator", equalTo(4))
                .body("total.rates.onTimeRateResolved.formula", containsString("(early + onTime) / resolved"))
                .body("total.rates.onTimeRateWorkload.value", equalTo(66.67f))
                .body("total.rates.onlineShare.value", equalTo(40.0f))
                .body("total.rates.averageProcessingWorkingDays", equalTo(3.0f))
                .body("dataAsOf", org.hamcrest.Matchers.notNullValue());
        // With the province's descendants, the sibling commune's dossier counts too; grouped by unit it stands apart.
        given().queryParam("unitCode", "15")
                .queryParam("includeDescendants", true)
                .queryParam("from", "2025-07-01")
                .queryParam("to", "2025-07-31")
                .queryParam("groupBy", "unit")
                .get("/api/dossier-stats")
                .then()
                .statusCode(200)
                .body("unitCount", equalTo(3))
                .body("items.key", contains("04252", "04261"))
                .body("total.counts.received", equalTo(6))
                .body("total.counts.early", equalTo(3));
        given().queryParam("unitCode", "04252")
                .queryParam("from", "2025-06-01")
                .queryParam("to", "2025-07-31")
                .queryParam("groupBy", "month")
                .get("/api/dossier-stats")
                .then()
                .body("items.key", contains("2025-06", "2025-07"))
                .body("items[0].counts.received", equalTo(1))
                .body("items[0].counts.pendingWithinTime", equalTo(1));
        given().queryParam("unitCode", "04252")
                .queryParam("from", "2025-07-01")
                .queryParam("to", "2025-07-31")
                .queryParam("format", "csv")
                .get("/api/dossier-stats")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(containsString(
                        "total,5,1,4,2,1,1,1,1,1,2,1,0,1,75.00,3,4,66.67,4,6,40.00,20.00,0.00,20.00,3.00"));
        given().queryParam("unitCode", "04252")
                .queryParam("year", 2025)
                .get("/api/dossier-stats/metrics")
                .then()
                .statusCode(200)
                .body("metrics.find { it.name == 'ON_TIME_RATE_RESOLVED' }.denominator", equalTo(4));
    }

    @Test
    void shouldLeaveTheSameCountsWhenABatchIsSentThreeTimes() {
        String batch = String.join(
                "\n",
                row(
                        "R1",
                        "P1",
                        "04261",
                        "DIRECT",
                        "2025-09-03T09:00:00+07:00",
                        "2025-09-05T09:00:00+07:00",
                        "resolved"),
                row("R2", "P1", "04261", "ONLINE", "2025-09-03T09:00:00+07:00", null, "processing"));
        given().contentType("application/x-ndjson")
                .body(ndjson(batch))
                .post("/api/dossiers/batch")
                .then()
                .body("inserted", equalTo(2));
        for (int i = 0; i < 2; i++) {
            given().contentType("application/x-ndjson")
                    .body(ndjson(batch))
                    .post("/api/dossiers/batch")
                    .then()
                    .body("inserted", equalTo(0))
                    .body("updated", equalTo(0))
                    .body("unchanged", equalTo(2));
        }
        given().queryParam("unitCode", "04261")
                .queryParam("from", "2025-09-01")
                .queryParam("to", "2025-09-30")
                .get("/api/dossier-stats")
                .then()
                .body("total.counts.received", equalTo(2))
                .body("total.counts.resolved", equalTo(1));
        // A later status of R2 replaces the earlier row.
        given().contentType("application/x-ndjson")
                .body(ndjson(row(
                        "R2",
                        "P1",
                        "04261",
                        "ONLINE",
                        "2025-09-03T09:00:00+07:00",
                        "2025-09-04T09:00:00+07:00",
                        "resolved")))
                .post("/api/dossiers/batch")
                .then()
                .body("updated", equalTo(1));
        given().queryParam("unitCode", "04261")
                .queryParam("from", "2025-09-01")
                .queryParam("to", "2025-09-30")
                .get("/api/dossier-stats")
                .then()
                .body("total.counts.received", equalTo(2))
                .body("total.counts.resolved", equalTo(2));
    }

    @Test
    void shouldTakeTheProceduresNewServiceLevelWhenADossierIsSentAgain() {
        String partial = """
                [{"code":"SL1","name":"Thủ tục ba","field":"Hộ tịch","authorityLevel":"COMMUNE","deadlineWorkingDays":3,"serviceLevel":"PARTIAL"}]""";
        String dossier = row("SL-1", "SL1", "02500", "ONLINE", "2026-02-03T09:00:00+07:00", null, "processing");
        sendProceduresThenDossiers(partial, dossier).body("inserted", equalTo(1));
        february("02500").body("total.counts.online", equalTo(1)).body("total.counts.fullOnline", equalTo(0));
        // The procedure goes fully online; the office sends its dossiers again to correct them.
        sendProceduresThenDossiers(partial.replace("PARTIAL", "FULL"), dossier)
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(0));
        february("02500").body("total.counts.online", equalTo(1)).body("total.counts.fullOnline", equalTo(1));
    }

    /** {@code procedures} (a JSON array) stored, then {@code dossiers} (NDJSON) sent as one batch: its answer. */
    static ValidatableResponse sendProceduresThenDossiers(String procedures, String dossiers) {
        given().contentType(ContentType.JSON)
                .body(procedures)
                .put("/api/procedures")
                .then()
                .statusCode(200);
        return given().contentType("application/x-ndjson")
                .body(ndjson(dossiers))
                .post("/api/dossiers/batch")
                .then()
                .statusCode(200);
    }

    private static ValidatableResponse february(String unit) {
        return given().queryParam("unitCode", unit)
                .queryParam("from", "2026-02-01")
                .queryParam("to", "2026-02-28")
                .get("/api/dossier-stats")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldKeepTheLastOccurrenceOfADossierRepeatedInOneBatch() {
        String batch = String.join(
                "\n",
                row("DUP-1", "P1", "04261", "DIRECT", "2025-10-06T09:00:00+07:00", null, "processing"),
                row("DUP-2", "P1", "04261", "DIRECT", "2025-10-06T09:00:00+07:00", null, "processing"),
                row(
                        "DUP-1",
                        "P1",
                        "04261",
                        "DIRECT",
                        "2025-10-06T09:00:00+07:00",
                        "2025-10-07T09:00:00+07:00",
                        "resolved"));
        given().contentType("application/x-ndjson")
                .body(ndjson(batch))
                .post("/api/dossiers/batch")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(2))
                .body("duplicatesInBatch", equalTo(1));
        given().queryParam("unitCode", "04261")
                .queryParam("from", "2025-10-01")
                .queryParam("to", "2025-10-31")
                .get("/api/dossier-stats")
                .then()
                .body("total.counts.received", equalTo(2))
                .body("total.counts.resolved", equalTo(1))
                .body("total.counts.early", equalTo(1));
    }

    @Test
    void shouldStore997Of1000RowsAndNameTheThreeBadOnes() {
        StringBuilder csv = new StringBuilder(
                "sourceSystem,dossierId,procedureCode,unitCode,channel,receivedAt,finishedAt,status\n");
        for (int i = 1; i <= 1000; i++) {
            String procedure = i == 100 ? "NO_SUCH" : "P1";
            String unit = i == 500 ? "99999" : "04252";
            String finished = i == 900 ? "2025-10-01T08:00:00+07:00" : "2025-10-03T08:00:00+07:00";
            csv.append("CSV-TEST,")
                    .append(i)
                    .append(',')
                    .append(procedure)
                    .append(',')
                    .append(unit)
                    .append(",DIRECT,2025-10-02T08:00:00+07:00,")
                    .append(finished)
                    .append(",resolved\n");
        }
        given().contentType("text/csv")
                .body(csv.toString())
                .post("/api/dossiers/batch")
                .then()
                .statusCode(200)
                .body("rows", equalTo(1000))
                .body("inserted", equalTo(997))
                .body("rejected", equalTo(3))
                .body("rejections.line", contains(101, 501, 901))
                .body("rejections.field", contains("procedureCode", "unitCode", "finishedAt"));
    }

    @Test
    void shouldRejectUnknownChannelsAndStatusesByLine() {
        String batch = String.join(
                "\n",
                row("X1", "P1", "04252", "FAX", "2025-11-03T09:00:00+07:00", null, "processing"),
                row("X2", "P1", "04252", "DIRECT", "2025-11-03T09:00:00+07:00", null, "lost"),
                "{not json");
        given().contentType("application/x-ndjson")
                .body(ndjson(batch))
                .post("/api/dossiers/batch")
                .then()
                .body("rejected", equalTo(3))
                .body("rejections.field", contains("channel", "status", "row"))
                .body("rejections.line", contains(1, 2, 3));
    }

    @Test
    void shouldAnswer503AndStoreNothingWhenTheRegistryIsDown() {
        // A unit the service has not cached (an earlier batch may have loaded the registry's whole directory).
        units.forget("02500");
        FakeRegistry.down = true;
        given().contentType("application/x-ndjson")
                .body(ndjson(row("DOWN-1", "P1", "02500", "DIRECT", "2025-12-01T09:00:00+07:00", null, "processing")))
                .post("/api/dossiers/batch")
                .then()
                .statusCode(503)
                .body("code", equalTo("REGISTRY_UNAVAILABLE"))
                .body("detail", startsWith("The unit registry answered with status 500"))
                .body("detail", not(matchesPattern(CLASS_NAME)));
        FakeRegistry.down = false;
        given().queryParam("unitCode", "02500")
                .queryParam("from", "2025-12-01")
                .queryParam("to", "2025-12-31")
                .get("/api/dossier-stats")
                .then()
                .body("total.counts.received", equalTo(0));
    }

    /** A Java class name anywhere in a text: a dotted package path, or a word ending in Exception. */
    static final String CLASS_NAME = "(?s).*([a-z]+\\.[a-z]+\\.[A-Za-z]|\\w+Exception\\b).*";

    @Test
    void shouldAnswerACodeTheRegistryRefusesAsAnUnknownUnit() {
        // "-1" and "1e20" pass this service's loose code check; the registry answers 400: no unit has them.
        for (String code : List.of("-1", "1e20", "notanumber")) {
            given().queryParam("unitCode", code)
                    .queryParam("year", "2025")
                    .get("/api/dossier-stats/metrics")
                    .then()
                    .statusCode(404)
                    .body("code", equalTo("UNIT_NOT_FOUND"));
        }
    }

    @Test
    void shouldOpenTheRegistrysBreakerOnItsFailuresOnlyAndSayItInWords() throws Exception {
        // Unknown units are 404s, answers not failures: many of them leave the breaker closed.
        for (int i = 0; i < 12; i++) {
            given().queryParam("unitCode", "9100" + i)
                    .queryParam("from", "2025-12-01")
                    .queryParam("to", "2025-12-31")
                    .get("/api/dossier-stats")
                    .then()
                    .statusCode(404)
                    .body("code", equalTo("UNIT_NOT_FOUND"));
        }
        FakeRegistry.down = true;
        try {
            // Each question is of a unit not cached (a failure is never cached), so each one asks the registry.
            String detail = null;
            for (int i = 0; i < 12 && (detail == null || !detail.contains("rest")); i++) {
                detail = given().queryParam("unitCode", "9200" + i)
                        .queryParam("from", "2025-12-01")
                        .queryParam("to", "2025-12-31")
                        .get("/api/dossier-stats")
                        .then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .body("code", equalTo("REGISTRY_UNAVAILABLE"))
                        .body("detail", startsWith("The unit registry "))
                        .body("detail", not(matchesPattern(CLASS_NAME)))
                        .extract()
                        .path("detail");
            }
            org.junit.jupiter.api.Assertions.assertEquals(
                    "The unit registry failed repeatedly and is given a few seconds' rest; try again shortly", detail);
        } finally {
            FakeRegistry.down = false;
        }
        // The breaker lets a call through again after its delay (5 s): a unit never asked about reaches the registry.
        long deadline = System.nanoTime() + 15_000_000_000L;
        int status;
        int attempt = 0;
        do {
            Thread.sleep(500);
            status = given().queryParam("unitCode", "9300" + attempt++)
                    .queryParam("from", "2025-12-01")
                    .queryParam("to", "2025-12-31")
                    .get("/api/dossier-stats")
                    .then()
                    .extract()
                    .statusCode();
        } while (status == 503 && System.nanoTime() < deadline);
        org.junit.jupiter.api.Assertions.assertEquals(404, status);
    }

    @Test
    void shouldRunALongBatchAsAJobWithProgress() throws Exception {
        StringBuilder batch = new StringBuilder();
        for (int i = 1; i <= 500; i++) {
            batch.append(row(
                            "J" + i,
                            "P1",
                            "04261",
                            "DIRECT",
                            "2025-08-04T09:00:00+07:00",
                            "2025-08-05T09:00:00+07:00",
                            "resolved"))
                    .append('\n');
        }
        batch.append(row("J-bad", "NO_SUCH", "04261", "DIRECT", "2025-08-04T09:00:00+07:00", null, "processing"));
        String location = given().contentType("application/x-ndjson")
                .queryParam("async", true)
                .body(ndjson(batch.toString()))
                .post("/api/dossiers/batch")
                .then()
                .statusCode(202)
                .header("Location", containsString("/api/dossier-jobs/"))
                .extract()
                .header("Location");
        String status = "QUEUED";
        for (int i = 0; i < 100 && !status.equals("DONE") && !status.equals("FAILED"); i++) {
            Thread.sleep(100);
            status = given().get(location).then().statusCode(200).extract().path("status");
        }
        given().get(location)
                .then()
                .body("status", equalTo("DONE"))
                .body("rowsRead", equalTo(501))
                .body("rejected", equalTo(1))
                .body("result.inserted", equalTo(500))
                .body("result.rejections[0].line", equalTo(501));
        given().get("/api/dossier-jobs/not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void shouldRefuseAHolidayOnAWeekend() {
        given().contentType(ContentType.JSON)
                .body("[{\"date\":\"2027-01-02\",\"kind\":\"HOLIDAY\",\"nameVi\":\"x\"}]")
                .put("/api/calendar/2027")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_CALENDAR"))
                .body("errors[0].field", equalTo("days[0].kind"));
    }
}
