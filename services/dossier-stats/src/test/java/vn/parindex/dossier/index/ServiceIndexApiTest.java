package vn.parindex.dossier.index;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * The service index of province 20 in March 2021, computed by hand. Commune 05001 sends everything; 05002 and 05003
 * only ratings (a tie at 100); 05004 nothing; 05101 of province 21 is the distractor.
 *
 * <p>05001, March: resolved A early, B late → on time 1/2 = 50.00, 10.00 of 20 points; received A, B, C (D withdrawn
 * is left out) → online A, C 2/3 = 66.67, 5.33 of 8; full-online A 1/3 = 33.33, 2.00 of 6; fees A online, B at the
 * desk, C zero fee (in neither) → 1/2 = 50.00, 4.00 of 8; digitisation A 3/3, B 2/3, C no components → 1/2, 4.00 of
 * 8; results electronic A of A, B → 1/2, 4.00 of 8; reuse A of A, B, C → 1/3 = 33.33, 2.00 of 6; ratings A very
 * satisfied, B not, C satisfied, D unrated → 2/3 = 66.67, 12.00 of 18; feedback F1 answered on its deadline day, F2
 * late, F3 unanswered past its deadline → 1/3 = 33.33, 6.00 of 18. Total 49.33 of 100 → WEAK. Year to date adds a
 * February rating (satisfied): 3/4 = 75.00, 13.50 points.
 */
@QuarkusTest
@TestSecurity(user = "index-test", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = IndexRegistry.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ServiceIndexApiTest {

    static final String PROCEDURES = """
            [{"code":"P1","name":"Thủ tục một","field":"Hộ tịch","authorityLevel":"COMMUNE","deadlineWorkingDays":3,"serviceLevel":"FULL"},
             {"code":"P2","name":"Thủ tục hai","field":"Đất đai","authorityLevel":"COMMUNE","deadlineWorkingDays":5,"serviceLevel":"PARTIAL"}]""";

    private static boolean loaded;

    private static String dossier(
            String id, String p, String channel, String received, String due, String finished, String status) {
        return "{\"sourceSystem\":\"IDX\",\"dossierId\":\"" + id + "\",\"procedureCode\":\"" + p
                + "\",\"unitCode\":\"05001\",\"channel\":\"" + channel + "\",\"receivedAt\":\"" + received
                + "\",\"dueAt\":\"" + due + "\"" + (finished == null ? "" : ",\"finishedAt\":\"" + finished + "\"")
                + ",\"status\":\"" + status + "\"}";
    }

    private static String rating(String id, String unit, String level, String day) {
        return "{\"sourceSystem\":\"IDX\",\"dossierId\":\"" + id + "\",\"unitCode\":\"" + unit
                + "\",\"channel\":\"DEVICE\",\"level\":\"" + level + "\",\"ratedAt\":\"" + day + "T10:00:00+07:00\"}";
    }

    private static void post(String path, String contentType, String body, int inserted) {
        given().contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post(path)
                .then()
                .statusCode(200)
                .body("rejected", equalTo(0))
                .body("inserted", equalTo(inserted));
    }

    @BeforeEach
    void facts() {
        if (loaded) {
            return;
        }
        given().contentType(ContentType.JSON)
                .body(PROCEDURES)
                .put("/api/procedures")
                .then()
                .statusCode(200);
        post(
                "/api/dossiers/batch",
                "application/x-ndjson",
                String.join(
                        "\n",
                        dossier(
                                "A",
                                "P1",
                                "ONLINE",
                                "2021-03-01T09:00:00+07:00",
                                "2021-03-05",
                                "2021-03-04T09:00:00+07:00",
                                "resolved"),
                        dossier(
                                "B",
                                "P1",
                                "DIRECT",
                                "2021-03-02T09:00:00+07:00",
                                "2021-03-05",
                                "2021-03-10T09:00:00+07:00",
                                "resolved"),
                        dossier("C", "P2", "ONLINE", "2021-03-03T09:00:00+07:00", "2021-03-10", null, "processing"),
                        dossier(
                                "D",
                                "P1",
                                "DIRECT",
                                "2021-03-15T09:00:00+07:00",
                                "2021-03-18",
                                "2021-03-16T09:00:00+07:00",
                                "withdrawn")),
                4);
        post(
                "/api/dossiers/payments/batch",
                "text/csv",
                "sourceSystem,dossierId,unitCode,fee,paidOnline,paidAt\n"
                        + "IDX,A,05001,50000,true,2021-03-01T09:30:00+07:00\n"
                        + "IDX,B,05001,20000,false,2021-03-02T09:30:00+07:00\n"
                        + "IDX,C,05001,0,false,2021-03-03T09:00:00+07:00\n",
                3);
        post(
                "/api/dossiers/digitisation/batch",
                "text/csv",
                "sourceSystem,dossierId,unitCode,componentsTotal,componentsDigitised,resultElectronic,reusedDigitised,digitisedAt\n"
                        + "IDX,A,05001,3,3,true,true,2021-03-04\n"
                        + "IDX,B,05001,3,2,false,false,2021-03-10\n"
                        + "IDX,C,05001,0,0,,false,2021-03-03\n",
                3);
        post(
                "/api/dossiers/ratings/batch",
                "application/x-ndjson",
                String.join(
                        "\n",
                        rating("A", "05001", "VERY_SATISFIED", "2021-03-09"),
                        rating("B", "05001", "NOT_SATISFIED", "2021-03-10"),
                        rating("C", "05001", "SATISFIED", "2021-03-11"),
                        rating("E", "05001", "SATISFIED", "2021-02-15"),
                        rating("G", "05002", "SATISFIED", "2021-03-09"),
                        rating("H", "05002", "SATISFIED", "2021-03-09"),
                        rating("I", "05003", "VERY_SATISFIED", "2021-03-12"),
                        rating("J", "05101", "NOT_SATISFIED", "2021-03-12")),
                8);
        post(
                "/api/dossiers/feedback/batch",
                "text/csv",
                "sourceSystem,feedbackId,unitCode,receivedAt,deadline,answeredAt,outcome\n"
                        + "IDX,F1,05001,2021-03-02T09:00:00+07:00,2021-03-10,2021-03-10T16:30:00+07:00,RESOLVED\n"
                        + "IDX,F2,05001,2021-03-03T09:00:00+07:00,2021-03-05,2021-03-08T09:00:00+07:00,EXPLAINED\n"
                        + "IDX,F3,05001,2021-03-20T09:00:00+07:00,2021-03-25,,\n",
                3);
        loaded = true;
    }

    private static JsonPath unit(String code, String month) {
        return given().queryParam("unit", code)
                .queryParam("month", month)
                .get("/api/dossier-stats/service-index")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String ind(String code) {
        return "monthIndex.indicators.find { it.code == '" + code + "' }";
    }

    @Test
    void shouldComputeEveryIndicatorOfACommuneByHand() {
        JsonPath j = unit("05001", "2021-03");
        String[][] expected = {
            {"FEEDBACK_ON_TIME_RATE", "1", "3", "33.33", "6.00"},
            {"ON_TIME_RATE_RESOLVED", "1", "2", "50.00", "10.00"},
            {"DOSSIER_DIGITISATION_RATE", "1", "2", "50.00", "4.00"},
            {"RESULT_ELECTRONIC_RATE", "1", "2", "50.00", "4.00"},
            {"DIGITISED_REUSE_RATE", "1", "3", "33.33", "2.00"},
            {"ONLINE_SHARE", "2", "3", "66.67", "5.33"},
            {"FULL_ONLINE_SHARE", "1", "3", "33.33", "2.00"},
            {"ONLINE_PAYMENT_RATE", "1", "2", "50.00", "4.00"},
            {"SATISFACTION_RATE", "2", "3", "66.67", "12.00"}
        };
        for (String[] e : expected) {
            assertEquals(Long.parseLong(e[1]), j.getLong(ind(e[0]) + ".numerator"), e[0]);
            assertEquals(Long.parseLong(e[2]), j.getLong(ind(e[0]) + ".denominator"), e[0]);
            assertEquals(Double.parseDouble(e[3]), j.getDouble(ind(e[0]) + ".value"), e[0]);
            assertEquals(Double.parseDouble(e[4]), j.getDouble(ind(e[0]) + ".points"), e[0]);
        }
        assertEquals(49.33, j.getDouble("monthIndex.totalPoints"));
        assertEquals(49.33, j.getDouble("monthIndex.score"));
        assertEquals("WEAK", j.getString("monthIndex.band"));
        assertEquals(true, j.getBoolean("monthIndex.complete"));
        assertEquals(10.00, j.getDouble("monthIndex.groups.find { it.code == 'DIGITISATION' }.points"));
        assertEquals(11.33, j.getDouble("monthIndex.groups.find { it.code == 'ONLINE' }.points"));
        // Peers: the four communes of province 20; 05002 and 05003 tie at 100 (rank 1), 05001 is 3rd of 3 ranked.
        assertEquals(3, j.getInt("monthIndex.rank"));
        assertEquals(3, j.getInt("monthIndex.rankedOf"));
        // Year to date: the February rating joins March's three.
        assertEquals(3, j.getInt("yearToDate.indicators.find { it.code == 'SATISFACTION_RATE' }.numerator"));
        assertEquals(4, j.getInt("yearToDate.indicators.find { it.code == 'SATISFACTION_RATE' }.denominator"));
        assertEquals(13.50, j.getDouble("yearToDate.indicators.find { it.code == 'SATISFACTION_RATE' }.points"));
    }

    @Test
    void shouldShowAMonthWithoutDataAsMissingNeverZero() {
        JsonPath j = unit("05001", "2021-04");
        assertEquals(
                9, j.getList("monthIndex.indicators.findAll { it.missing }").size());
        assertNull(j.get(ind("SATISFACTION_RATE") + ".value"));
        assertNull(j.get(ind("SATISFACTION_RATE") + ".points"));
        assertNull(j.get("monthIndex.score"));
        assertNull(j.get("monthIndex.band"));
        assertNull(j.get("monthIndex.rank"));
    }

    @Test
    void shouldRankAProvinceWithTiesAndLeaveUnitsWithoutDataUnranked() {
        given().queryParam("province", "20")
                .queryParam("month", "2021-03")
                .get("/api/dossier-stats/service-index")
                .then()
                .statusCode(200)
                .body("units.unitCode", contains("05002", "05003", "05001", "05004"))
                .body("units.rank", contains(1, 1, 3, null))
                .body("units.rankedOf", contains(3, 3, 3, 3))
                .body("units.score", contains(100.00f, 100.00f, 49.33f, null))
                .body("units.band", contains("EXCELLENT", "EXCELLENT", "WEAK", null))
                // Only satisfaction had data for 05002: 18 of 18 available points, the rest missing.
                .body("units[0].availablePoints", equalTo(18))
                .body("units[0].complete", equalTo(false))
                .body("units[0].indicators.find { it.code == 'ONLINE_SHARE' }.value", nullValue());
    }

    @Test
    void shouldRefuseACommuneAsTheProvince() {
        // 05001 is a commune of province 20: ranking "its units" would answer an empty province.
        given().queryParam("province", "05001")
                .queryParam("month", "2021-03")
                .get("/api/dossier-stats/service-index")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("province"))
                .body("errors[0].message", containsString("unit of 20"));
        given().queryParam("province", "05001")
                .queryParam("week", "2021-W10")
                .get("/api/dossier-stats/service-index/feed")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("province"));
    }

    @Test
    void shouldListTheRecordsBehindNumeratorsAndDenominators() {
        String[][] parts = {
            {"SATISFACTION_RATE", "2", "3"},
            {"ONLINE_PAYMENT_RATE", "1", "2"},
            {"FEEDBACK_ON_TIME_RATE", "1", "3"},
            {"ON_TIME_RATE_RESOLVED", "1", "2"},
            {"ONLINE_SHARE", "2", "3"},
            {"DIGITISED_REUSE_RATE", "1", "3"}
        };
        for (String[] p : parts) {
            for (int k = 0; k < 2; k++) {
                String part = k == 0 ? "numerator" : "denominator";
                JsonPath page = given().queryParam("unit", "05001")
                        .queryParam("month", "2021-03")
                        .queryParam("indicator", p[0])
                        .queryParam("part", part)
                        .queryParam("size", "2")
                        .get("/api/dossier-stats/service-index/items")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                assertEquals(Long.parseLong(p[k + 1]), page.getLong("total"), p[0] + " " + part);
                String csv = given().queryParam("unit", "05001")
                        .queryParam("month", "2021-03")
                        .queryParam("indicator", p[0])
                        .queryParam("part", part)
                        .queryParam("format", "csv")
                        .get("/api/dossier-stats/service-index/items")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
                assertEquals(Long.parseLong(p[k + 1]) + 1, csv.lines().count(), p[0] + " " + part + " CSV");
            }
        }
        // The zero-fee dossier C is in neither part of the online payment rate.
        given().queryParam("unit", "05001")
                .queryParam("month", "2021-03")
                .queryParam("indicator", "ONLINE_PAYMENT_RATE")
                .queryParam("part", "denominator")
                .get("/api/dossier-stats/service-index/items")
                .then()
                .body("items.id", contains("A", "B"));
        given().queryParam("unit", "05001")
                .queryParam("month", "2021-03")
                .queryParam("indicator", "NOT_AN_INDICATOR")
                .queryParam("part", "numerator")
                .get("/api/dossier-stats/service-index/items")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("indicator"));
    }

    @Test
    void shouldServeTheWeeklyFeedWithAnEtag() {
        var first = given().queryParam("province", "20")
                .queryParam("week", "2021-W10")
                .get("/api/dossier-stats/service-index/feed")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("rating,05001"))
                .body(not(containsString("05101")))
                .extract();
        String etag = first.header("ETag");
        given().queryParam("province", "20")
                .queryParam("week", "2021-W10")
                .header("If-None-Match", etag)
                .get("/api/dossier-stats/service-index/feed")
                .then()
                .statusCode(304);
        given().queryParam("province", "20")
                .queryParam("week", "2021-W10")
                .queryParam("format", "ndjson")
                .get("/api/dossier-stats/service-index/feed")
                .then()
                .statusCode(200)
                .body(containsString("\"type\":\"indicator\""));
        // The same week asked in lower case with spaces around it is the same feed: its rows name the week as
        // 2021-W10 (they used to echo the text asked, " 2021-w10 "), and so the same ETag.
        var padded = given().queryParam("province", "20")
                .queryParam("week", " 2021-w10 ")
                .queryParam("format", "ndjson")
                .get("/api/dossier-stats/service-index/feed")
                .then()
                .statusCode(200)
                .body(containsString("\"week\":\"2021-W10\""))
                .body(not(containsString("2021-w10")))
                .extract();
        assertEquals(
                given().queryParam("province", "20")
                        .queryParam("week", "2021-W10")
                        .queryParam("format", "ndjson")
                        .get("/api/dossier-stats/service-index/feed")
                        .header("ETag"),
                padded.header("ETag"));
        given().queryParam("province", "20")
                .queryParam("week", "2021-10")
                .get("/api/dossier-stats/service-index/feed")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("week"));
    }

    @Test
    void shouldAnswerTheFactIndicatorsAsScoringMetrics() {
        JsonPath one = given().queryParam("unitCode", "05001")
                .queryParam("year", "2021")
                .get("/api/dossier-stats/metrics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(3, one.getLong("metrics.find { it.name == 'SATISFACTION_RATE' }.numerator"));
        assertEquals(4, one.getLong("metrics.find { it.name == 'SATISFACTION_RATE' }.denominator"));
        assertEquals(75.00, one.getDouble("metrics.find { it.name == 'SATISFACTION_RATE' }.value"));
        assertEquals(50.00, one.getDouble("metrics.find { it.name == 'ONLINE_PAYMENT_RATE' }.value"));
        // The province with its communes, as scoring asks: (3 + 2 + 1) / (4 + 2 + 1); 05101 is another province's.
        JsonPath all = given().queryParam("unitCode", "20")
                .queryParam("year", "2021")
                .queryParam("includeDescendants", "true")
                .get("/api/dossier-stats/metrics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(6, all.getLong("metrics.find { it.name == 'SATISFACTION_RATE' }.numerator"));
        assertEquals(7, all.getLong("metrics.find { it.name == 'SATISFACTION_RATE' }.denominator"));
        // No feedback in 2020: missing, not 0.
        JsonPath none = given().queryParam("unitCode", "05001")
                .queryParam("year", "2020")
                .get("/api/dossier-stats/metrics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertNull(none.get("metrics.find { it.name == 'FEEDBACK_ON_TIME_RATE' }.value"));
    }

    @Test
    void shouldPublishTheDefinition() {
        given().get("/api/dossier-stats/service-index/definition")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("groups.points", contains(18, 20, 22, 22, 18))
                .body(
                        "groups.find { it.code == 'ONLINE' }.indicators.code",
                        contains("ONLINE_SHARE", "FULL_ONLINE_SHARE", "ONLINE_PAYMENT_RATE"));
    }
}
