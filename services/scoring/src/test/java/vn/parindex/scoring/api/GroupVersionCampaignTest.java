package vn.parindex.scoring.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/** A campaign takes its members from the group's version in force in its year, and says which version. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GroupVersionCampaignTest {

    private static Map<String, Object> campaign(String code, int year, String group) {
        return Map.of(
                "code",
                code,
                "year",
                year,
                "criteriaSetCode",
                "SMALL",
                "unitGroupCode",
                group,
                "selfAssessmentDeadline",
                "2099-12-31T17:00:00+07:00");
    }

    @Test
    void shouldSnapshotTheVersionInForceInTheCampaignYear() {
        given().contentType(ContentType.JSON)
                .body(campaign("GV-2024", 2024, FakeServices.VERSIONED_GROUP))
                .post("/api/campaigns")
                .then()
                .statusCode(201)
                .body("groupVersion", equalTo(1))
                .body("memberCount", equalTo(3))
                .body("unitGroupAsOf", equalTo("2024-12-31"));
        given().contentType(ContentType.JSON)
                .body(campaign("GV-2025", 2025, FakeServices.VERSIONED_GROUP))
                .post("/api/campaigns")
                .then()
                .statusCode(201)
                .body("groupVersion", equalTo(2))
                .body("members.unitCode", contains("15", "08"));
        // Read back: the version is stored with the campaign.
        given().get("/api/campaigns/GV-2025").then().statusCode(200).body("groupVersion", equalTo(2));
        given().get("/api/campaigns/GV-2024").then().body("groupVersion", equalTo(1));
    }

    @Test
    void shouldRefuseAYearBeforeTheGroupsFirstVersionAndLeaveOldGroupsWithoutAVersion() {
        // No version in force in 2023: the group as it stands (of 2025) is not the group of 2023.
        given().contentType(ContentType.JSON)
                .body(campaign("GV-2023", 2023, FakeServices.VERSIONED_GROUP))
                .post("/api/campaigns")
                .then()
                .statusCode(400)
                .body("code", equalTo("CAMPAIGN_YEAR_MISMATCH"))
                .body("errors[0].field", equalTo("unitGroupCode"));
        given().get("/api/campaigns/GV-2023").then().statusCode(404);
        // A registry answer without a version (groups before versions) leaves groupVersion empty.
        given().contentType(ContentType.JSON)
                .body(campaign("GV-OLD-2024", 2024, "PROVINCES-2024"))
                .post("/api/campaigns")
                .then()
                .statusCode(201)
                .body("groupVersion", nullValue());
    }
}
