package vn.parindex.scoring.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.scoring.Examples;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * The request-body examples of the OpenAPI document are what a developer copies first: each is in the document
 * and the server accepts it as it is, in the order of a campaign's journey.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldPublishEveryWriteExampleInTheDocument() throws Exception {
        JsonNode doc = JSON.readTree(given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Map<String, String> bodies = Map.of(
                "/api/campaigns", "post",
                "/api/campaigns/{code}/assessments/{unitCode}/scores", "put",
                "/api/campaigns/{code}/assessments/{unitCode}/appraisal", "put",
                "/api/campaigns/{code}/published-results", "post",
                "/api/campaigns/{code}/exclusions/{unitCode}", "put",
                "/api/campaigns/{code}/appraisers", "put",
                "/api/indices/{indexCode}/{year}", "put");
        bodies.forEach((path, method) -> {
            JsonNode examples = doc.at("/paths/" + path.replace("/", "~1") + "/" + method
                    + "/requestBody/content/application~1json/examples");
            assertTrue(examples.isObject() && examples.size() == 1, path + " has no example: " + examples);
        });
    }

    @Test
    void shouldAcceptEveryExampleAsItIs() {
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "code", "YB-DIST-2020",
                        "year", 2020,
                        "criteriaSetCode", FakeServices.DISTRICT_SET,
                        "unitGroupCode", "YB-DISTRICTS-2020",
                        "selfAssessmentDeadline", "2099-12-15T17:00:00+07:00"))
                .post("/api/campaigns")
                .then()
                .statusCode(201);
        send("POST", "/api/campaigns/YB-DIST-2020/published-results", Examples.PUBLISHED_RESULTS, 201);
        send("POST", "/api/campaigns", Examples.CAMPAIGN, 201);
        send("PUT", "/api/campaigns/YB-DIST-2021/assessments/132/scores", Examples.SELF_SCORES, 200);
        given().post("/api/campaigns/YB-DIST-2021/close-self-assessment").then().statusCode(200);
        given().post("/api/campaigns/YB-DIST-2021/start-appraisal").then().statusCode(200);
        send("PUT", "/api/campaigns/YB-DIST-2021/assessments/132/appraisal", Examples.APPRAISAL, 200);
        send("PUT", "/api/campaigns/YB-DIST-2021/exclusions/133", Examples.EXCLUSION, 200);
        send("PUT", "/api/campaigns/YB-DIST-2021/appraisers", Examples.COUNCIL, 200);
        send("PUT", "/api/indices/SIPAS/2024", Examples.INDEX_VALUES, 200);
        // The 2021 city is compared with the 2020 table it imported.
        given().get("/api/campaigns/YB-DIST-2021/results/132")
                .then()
                .statusCode(200)
                .body("result.comparison.rule", equalTo("SAME_UNIT"))
                .body("result.comparison.previousImported", equalTo(true))
                .body("result.previousIndexPercent", equalTo(91.41f));
    }

    private static void send(String method, String path, String body, int status) {
        int got = given().contentType(ContentType.JSON)
                .body(body)
                .request(method, path)
                .then()
                .extract()
                .statusCode();
        assertEquals(status, got, method + " " + path);
    }
}
