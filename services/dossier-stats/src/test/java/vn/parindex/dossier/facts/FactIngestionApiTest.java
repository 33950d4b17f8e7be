package vn.parindex.dossier.facts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import vn.parindex.dossier.index.IndexRegistry;
import vn.parindex.test.postgres.PostgresTestResource;

/** Payments, digitisation, ratings and feedback batches: per-row rejections, idempotent re-sends, the sender kept. */
@QuarkusTest
@TestSecurity(user = "province-20-feed", roles = "integration")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = IndexRegistry.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FactIngestionApiTest {

    @Inject
    AgroalDataSource db;

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String rating(String id, String unit, String level, String at) {
        return "{\"sourceSystem\":\"FACTS\",\"dossierId\":\"" + id + "\",\"unitCode\":\"" + unit
                + "\",\"channel\":\"DEVICE\",\"level\":\"" + level + "\",\"ratedAt\":\"" + at + "\"}";
    }

    @Test
    void shouldStoreGoodRatingsRejectBadOnesAndUpdateOnResend() throws Exception {
        String batch = String.join(
                "\n",
                rating("R1", "05101", "SATISFIED", "2020-03-02T09:00:00+07:00"),
                rating("R2", "05101", "HAPPY", "2020-03-02T09:00:00+07:00"),
                rating("R3", "99999", "SATISFIED", "2020-03-02T09:00:00+07:00"),
                rating("R4", "05101", "NOT_SATISFIED", "yesterday"),
                rating("R5", "05101", "VERY_SATISFIED", "2020-03-03"));
        given().contentType("application/x-ndjson")
                .body(body(batch))
                .post("/api/dossiers/ratings/batch")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(2))
                .body("rejected", equalTo(3))
                .body("rejections.field", contains("level", "unitCode", "ratedAt"));
        // The same batch again changes nothing; a later rating of R1 replaces the first.
        given().contentType("application/x-ndjson")
                .body(body(batch))
                .post("/api/dossiers/ratings/batch")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(0))
                .body("unchanged", equalTo(2));
        given().contentType("application/x-ndjson")
                .body(body(rating("R1", "05101", "NOT_SATISFIED", "2020-03-04T09:00:00+07:00") + "\n"
                        + rating("R1", "05101", "VERY_SATISFIED", "2020-03-05T09:00:00+07:00")))
                .post("/api/dossiers/ratings/batch")
                .then()
                .statusCode(200)
                .body("updated", equalTo(1))
                .body("duplicatesInBatch", equalTo(1));
        assertEquals(
                "VERY_SATISFIED|2020-03-05|province-20-feed",
                one("SELECT level || '|' || rated_date || '|' || recorded_by FROM dossier_rating"
                        + " WHERE source_system = 'FACTS' AND dossier_id = 'R1'"));
    }

    @Test
    void shouldTakeTheUpsertWhenANewBatchRepeatsAKeyOrMixesNewAndStoredRecords() throws Exception {
        // All new, but N1 twice: the straight COPY meets the repeat, the upsert keeps the last.
        given().contentType("application/x-ndjson")
                .body(body(String.join(
                        "\n",
                        rating("N1", "05101", "NOT_SATISFIED", "2020-04-01T09:00:00+07:00"),
                        rating("N2", "05101", "SATISFIED", "2020-04-01T09:00:00+07:00"),
                        rating("N1", "05101", "SATISFIED", "2020-04-02T09:00:00+07:00"))))
                .post("/api/dossiers/ratings/batch")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(2))
                .body("duplicatesInBatch", equalTo(1));
        // A new record beside a stored one: the new is inserted, the stored left alone, nothing doubled.
        given().contentType("application/x-ndjson")
                .body(body(rating("N3", "05101", "SATISFIED", "2020-04-03T09:00:00+07:00") + "\n"
                        + rating("N2", "05101", "SATISFIED", "2020-04-01T09:00:00+07:00")))
                .post("/api/dossiers/ratings/batch")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(1))
                .body("unchanged", equalTo(1));
        assertEquals(
                "N1 SATISFIED,N2 SATISFIED,N3 SATISFIED",
                one("SELECT string_agg(dossier_id || ' ' || level, ',' ORDER BY dossier_id) FROM dossier_rating"
                        + " WHERE source_system = 'FACTS' AND dossier_id LIKE 'N_'"));
    }

    @Test
    void shouldReadPaymentsAsCsvAndRefuseOnlinePaymentOfAZeroFee() throws Exception {
        String csv = "sourceSystem,dossierId,unitCode,fee,paidOnline,paidAt\n"
                + "FACTS,P1,05101,50000,true,2020-04-01T10:00:00+07:00\n"
                + "FACTS,P2,05101,0,false,2020-04-01T10:00:00+07:00\n"
                + "FACTS,P3,05101,0,true,2020-04-01T10:00:00+07:00\n"
                + "FACTS,P4,05101,-5,false,2020-04-01T10:00:00+07:00\n"
                + "FACTS,P5,05101,12.5,false,2020-04-01T10:00:00+07:00\n";
        given().contentType("text/csv")
                .body(body(csv))
                .post("/api/dossiers/payments/batch")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(2))
                .body("rejections.line", contains(4, 5, 6))
                .body("rejections.field", contains("paidOnline", "fee", "fee"));
        assertEquals("50000", one("SELECT fee::text FROM dossier_payment WHERE dossier_id = 'P1'"));
    }

    @Test
    void shouldCheckDigitisationAndFeedbackRows() throws Exception {
        String digitisation = String.join(
                "\n",
                "{\"sourceSystem\":\"FACTS\",\"dossierId\":\"D1\",\"unitCode\":\"05101\",\"componentsTotal\":3,"
                        + "\"componentsDigitised\":3,\"resultElectronic\":true,\"reusedDigitised\":false,"
                        + "\"digitisedAt\":\"2020-05-04\"}",
                "{\"sourceSystem\":\"FACTS\",\"dossierId\":\"D2\",\"unitCode\":\"05101\",\"componentsTotal\":2,"
                        + "\"componentsDigitised\":3,\"reusedDigitised\":false,\"digitisedAt\":\"2020-05-04\"}");
        given().contentType("application/x-ndjson")
                .body(body(digitisation))
                .post("/api/dossiers/digitisation/batch")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(1))
                .body("rejections[0].field", equalTo("componentsDigitised"));
        String feedback = String.join(
                "\n",
                "{\"sourceSystem\":\"FACTS\",\"feedbackId\":\"F1\",\"unitCode\":\"05101\",\"kind\":\"complaint\","
                        + "\"receivedAt\":\"2020-05-04T09:00:00+07:00\",\"deadline\":\"2020-05-14\","
                        + "\"answeredAt\":\"2020-05-14T16:00:00+07:00\",\"outcome\":\"RESOLVED\"}",
                "{\"sourceSystem\":\"FACTS\",\"feedbackId\":\"F2\",\"unitCode\":\"05101\","
                        + "\"receivedAt\":\"2020-05-04T09:00:00+07:00\",\"deadline\":\"2020-05-01\"}",
                "{\"sourceSystem\":\"FACTS\",\"feedbackId\":\"F3\",\"unitCode\":\"05101\","
                        + "\"receivedAt\":\"2020-05-04T09:00:00+07:00\",\"deadline\":\"2020-05-20\",\"outcome\":\"RESOLVED\"}");
        given().contentType("application/x-ndjson")
                .body(body(feedback))
                .post("/api/dossiers/feedback/batch")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(1))
                .body("rejections.field", contains("deadline", "outcome"));
        assertEquals(
                "COMPLAINT|2020-05-14",
                one("SELECT kind || '|' || answered_date FROM feedback WHERE feedback_id = 'F1'"));
    }

    @Test
    @TestSecurity(user = "reader", roles = "unit-officer")
    void shouldRefuseABatchFromAReader() {
        given().contentType("application/x-ndjson")
                .body(body(rating("X1", "05101", "SATISFIED", "2020-03-02")))
                .post("/api/dossiers/ratings/batch")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldRefuseAnUnknownContentType() {
        given().contentType("text/plain")
                .body(body("x"))
                .post("/api/dossiers/ratings/batch")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    private String one(String sql) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
