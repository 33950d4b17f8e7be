package vn.parindex.scoring.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * {@code GET /api/rankings}: the public list of published campaigns the portal offers before sign-in. A campaign
 * appears once a ranking of it is published (here: imported from a decision), with its latest version; one still
 * being assessed does not; anonymous callers may read it; a malformed filter is a 400 naming the parameter.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PublishedCampaignsApiTest {

    private static final String PUBLISHED = "LIST-PUB-2024";
    private static final String OPEN = "LIST-OPEN-2024";

    private static Map<String, Object> campaign(String code) {
        return Map.of(
                "code", code,
                "year", 2024,
                "criteriaSetCode", "SMALL",
                "unitGroupCode", "PROVINCES-2024",
                "selfAssessmentDeadline", "2099-12-31T17:00:00+07:00");
    }

    @Test
    @Order(1)
    @TestSecurity(user = "test-admin", roles = "admin")
    void publishOneCampaignAndLeaveAnotherOpen() {
        for (String code : List.of(PUBLISHED, OPEN)) {
            given().contentType(ContentType.JSON)
                    .body(campaign(code))
                    .post("/api/campaigns")
                    .then()
                    .statusCode(201);
        }
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "decisionNumber",
                        "77/QĐ-LIST",
                        "decisionDate",
                        "2025-05-12",
                        "results",
                        List.of(
                                Map.of("unitCode", "10", "totalPoints", 80),
                                Map.of("unitCode", "15", "totalPoints", 90),
                                Map.of("unitCode", "08", "totalPoints", 70))))
                .post("/api/campaigns/" + PUBLISHED + "/published-results")
                .then()
                .statusCode(201);
    }

    @Test
    @Order(2)
    void shouldListThePublishedCampaignToAnonymousCallers() {
        String it = "find { it.code == '" + PUBLISHED + "' }";
        given().get("/api/rankings")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("code", hasItem(PUBLISHED))
                .body("code", not(hasItem(OPEN)))
                .body(it + ".year", equalTo(2024))
                .body(it + ".status", equalTo("PUBLISHED"))
                .body(it + ".unitGroupCode", equalTo("PROVINCES-2024"))
                .body(it + ".unitLevel", equalTo("PROVINCE"))
                .body(it + ".latestVersion", equalTo(1))
                .body(it + ".versionCount", equalTo(1))
                .body(it + ".decisionNumber", equalTo("77/QĐ-LIST"))
                .body(it + ".decisionDate", equalTo("2025-05-12"))
                .body(it + ".imported", equalTo(true))
                .body(it + ".publishedAt", notNullValue())
                .body(it + ".firstPublishedAt", notNullValue())
                .body(it + ".name", notNullValue());
        // Every listed campaign has a ranking to read.
        given().get("/api/rankings/" + PUBLISHED).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    @Order(3)
    void shouldFilterByYearAndLevel() {
        given().get("/api/rankings?year=2024&level=province")
                .then()
                .statusCode(200)
                .body("code", hasItem(PUBLISHED))
                .body("year", everyItem(equalTo(2024)))
                .body("unitLevel", everyItem(equalTo("PROVINCE")));
        given().get("/api/rankings?year=2023").then().statusCode(200).body("code", not(hasItem(PUBLISHED)));
        given().get("/api/rankings?level=COMMUNE").then().statusCode(200).body("code", not(hasItem(PUBLISHED)));
    }

    @Test
    @Order(4)
    void shouldNameTheMalformedParameter() {
        given().get("/api/rankings?year=twenty")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("errors[0].field", equalTo("year"));
        given().get("/api/rankings?level=DISTRICT;DROP")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("level"));
    }
}
