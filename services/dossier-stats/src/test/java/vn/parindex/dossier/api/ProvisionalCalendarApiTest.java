package vn.parindex.dossier.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/** Years without a shipped schedule: provisional days until a schedule is stored. */
@QuarkusTest
// Writes here are an administrator's; access rules have their own tests.
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeRegistry.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ProvisionalCalendarApiTest {

    /** A made-up 2027 schedule that differs from the provisional one: Tết Fri 5/2 – Thu 11/2, nothing else. */
    private static final String SCHEDULE_2027 = """
            [{"date":"2027-02-05","kind":"HOLIDAY","nameVi":"Tết","nameEn":"Tet","source":"test"},
             {"date":"2027-02-08","kind":"HOLIDAY","nameVi":"Tết","nameEn":"Tet","source":"test"},
             {"date":"2027-02-09","kind":"HOLIDAY","nameVi":"Tết","nameEn":"Tet","source":"test"},
             {"date":"2027-02-10","kind":"HOLIDAY","nameVi":"Tết","nameEn":"Tet","source":"test"},
             {"date":"2027-02-11","kind":"HOLIDAY","nameVi":"Tết","nameEn":"Tet","source":"test"}]""";

    @Test
    void shouldGiveADossierReceivedBeforeTet2027ADueDateAfterIt() {
        given().contentType(ContentType.JSON)
                .body("[{\"code\":\"P-TET\",\"name\":\"Thủ tục ba ngày\",\"deadlineWorkingDays\":3,"
                        + "\"serviceLevel\":\"FULL\"}]")
                .put("/api/procedures")
                .then()
                .statusCode(200);
        // Received Wed 3/2/2027 with 3 working days: due Mon 15/2 (without Tết it would be Mon 8/2).
        String dossier = DossierStatsApiTest.row(
                "TET-2027",
                "P-TET",
                "02500",
                "DIRECT",
                "2027-02-03T09:00:00+07:00",
                "2027-02-15T10:00:00+07:00",
                "resolved");
        given().contentType("application/x-ndjson")
                .body(DossierStatsApiTest.ndjson(dossier + "\n"))
                .post("/api/dossiers/batch")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(0));
        given().queryParam("unitCode", "02500")
                .queryParam("from", "2027-02-01")
                .queryParam("to", "2027-02-28")
                .get("/api/dossier-stats")
                .then()
                .statusCode(200)
                .body("total.counts.resolved", equalTo(1))
                .body("total.counts.onTime", equalTo(1))
                .body("total.counts.late", equalTo(0));
    }

    @Test
    void shouldSkipProvisionalTet2027UntilAScheduleIsStored() {
        // No 2027 rows: Tết days off Thu 4/2 – Wed 10/2, so the first working day after Wed 3/2 is Thu 11/2.
        dueDate("2027-02-03", 1, "2027-02-11");
        dueDate("2027-02-03", 3, "2027-02-15");
        given().get("/api/calendar/2027")
                .then()
                .statusCode(200)
                .body("year", equalTo(2027))
                .body("provisional", equalTo(true))
                .body("days", hasSize(11))
                .body("days.date", hasItems("2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"))
                .body("days.kind", everyItem(equalTo("HOLIDAY")))
                .body("days.source", everyItem(startsWith("Provisional")))
                .body("days.find { it.date == '2027-02-05' }.nameVi", startsWith("Tết Nguyên đán"));
        given().get("/api/calendar/2025").then().statusCode(200).body("provisional", equalTo(false));

        // A stored schedule replaces every provisional day of the year: Thu 4/2 and Fri 1/1 are working days now.
        given().contentType(ContentType.JSON)
                .body(SCHEDULE_2027)
                .put("/api/calendar/2027")
                .then()
                .statusCode(200)
                .body("provisional", equalTo(false))
                .body("days", hasSize(5))
                .body("days.source", everyItem(equalTo("test")));
        given().get("/api/calendar/2027")
                .then()
                .body("provisional", equalTo(false))
                .body("days.date", not(hasItems("2027-02-04")));
        dueDate("2027-02-03", 1, "2027-02-04");
        dueDate("2027-02-03", 3, "2027-02-15");
        dueDate("2026-12-31", 1, "2027-01-01");

        // An empty list hands the year back to the provisional days.
        given().contentType(ContentType.JSON)
                .body("[]")
                .put("/api/calendar/2027")
                .then()
                .statusCode(200)
                .body("provisional", equalTo(true))
                .body("days", hasSize(11));
        dueDate("2027-02-03", 1, "2027-02-11");
        dueDate("2026-12-31", 1, "2027-01-04");
    }

    private static void dueDate(String receivedOn, int workingDays, String expected) {
        given().queryParam("receivedOn", receivedOn)
                .queryParam("workingDays", workingDays)
                .get("/api/calendar/due-date")
                .then()
                .statusCode(200)
                .body("dueDate", equalTo(expected));
    }
}
