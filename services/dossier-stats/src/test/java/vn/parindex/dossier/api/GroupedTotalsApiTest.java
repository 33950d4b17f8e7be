package vn.parindex.dossier.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.parindex.dossier.api.DossierStatsApiTest.row;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * The total of a grouped report is the report of the whole period, whatever the grouping: summed from the groups
 * where every dossier is in one group, computed over the whole period for months.
 */
@QuarkusTest
// Writes here are an administrator's; access rules have their own tests.
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeRegistry.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GroupedTotalsApiTest {

    /**
     * Province 15, first quarter of 2026: resolved in the quarter (T1), received in December and resolved in
     * February (T2, carried over), still open on 31 March past its due date (T3) and within it (T4), withdrawn
     * (T5), received in January and resolved in March (T6, carried over into February and March).
     */
    private static final String QUARTER = String.join(
                    "\n",
                    row(
                            "T1",
                            "P1",
                            "04252",
                            "ONLINE",
                            "2026-01-05T09:00:00+07:00",
                            "2026-01-07T09:00:00+07:00",
                            "resolved"),
                    row(
                            "T2",
                            "P2",
                            "04252",
                            "DIRECT",
                            "2025-12-22T09:00:00+07:00",
                            "2026-02-10T09:00:00+07:00",
                            "resolved"),
                    row("T3", "P1", "04261", "POSTAL", "2026-02-02T09:00:00+07:00", null, "processing"),
                    row("T4", "P2", "04261", "ONLINE", "2026-03-30T09:00:00+07:00", null, "processing"),
                    row(
                            "T5",
                            "P1",
                            "04252",
                            "ONLINE",
                            "2026-02-16T09:00:00+07:00",
                            "2026-02-17T09:00:00+07:00",
                            "withdrawn"),
                    row(
                            "T6",
                            "P1",
                            "04261",
                            "DIRECT",
                            "2026-01-12T09:00:00+07:00",
                            "2026-03-02T09:00:00+07:00",
                            "resolved"))
            + "\n";

    @BeforeEach
    void quarter() {
        DossierStatsApiTest.storeProceduresAndDossiers(QUARTER, "DVC-TOTALS");
    }

    @Test
    void shouldTotalEveryGroupingAsTheUngroupedReport() {
        Map<String, Integer> whole = total(report("none"));
        // Only these dossiers are received in the quarter; dossiers of 2025 left open by other tests may be carried
        // over into it and overdue in it.
        assertEquals(4, whole.get("received"));
        assertEquals(1, whole.get("excluded"));
        assertTrue(whole.get("carriedOver") >= 1 && whole.get("overdue") >= 1 && whole.get("pendingWithinTime") >= 1);
        for (String groupBy : List.of("unit", "procedure", "field", "channel")) {
            Response grouped = report(groupBy);
            assertEquals(whole, total(grouped), groupBy);
            assertEquals(whole, sumOfItems(grouped), groupBy);
        }
    }

    @Test
    void shouldTotalMonthsOverTheWholePeriodNotAsTheirSum() {
        Response months = report("month");
        assertEquals(total(report("none")), total(months));
        // T6 is carried over into February and into March, but into the quarter by none of them.
        assertTrue(sumOfItems(months).get("carriedOver") > total(months).get("carriedOver"));
    }

    private static Response report(String groupBy) {
        return given().queryParam("unitCode", "15")
                .queryParam("includeDescendants", true)
                .queryParam("from", "2026-01-01")
                .queryParam("to", "2026-03-31")
                .queryParam("groupBy", groupBy)
                .get("/api/dossier-stats")
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    private static Map<String, Integer> total(Response report) {
        Map<String, Integer> counts = report.path("total.counts");
        return new TreeMap<>(counts);
    }

    private static Map<String, Integer> sumOfItems(Response report) {
        List<Map<String, Integer>> items = report.path("items.counts");
        Map<String, Integer> sum = new TreeMap<>();
        items.forEach(counts -> counts.forEach((name, n) -> sum.merge(name, n, Integer::sum)));
        return sum;
    }
}
