package vn.parindex.catalogue.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.parindex.criteria.rules.demo.DemoCatalogues;
import vn.parindex.test.postgres.PostgresTestResource;

/** The test profile loads the demo sets ({@code %test.parindex.demo-data=true}): the check says they are there. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DemoDataCheckTest {

    @Inject
    DemoSetLoader loader;

    @Test
    void shouldReportEveryDemoSetLoaded() {
        int expected = DemoCatalogues.load().size();
        given().get("/q/health/group/demo-data")
                .then()
                .statusCode(200)
                .body("checks[0].name", equalTo("demo-data"))
                .body("checks[0].status", equalTo("UP"))
                .body("checks[0].data.status", equalTo("LOADED"))
                .body("checks[0].data.demoSets", equalTo(expected))
                .body("checks[0].data.demoSetsExpected", equalTo(expected))
                .body("checks[0].data.criteriaSets", greaterThanOrEqualTo(expected));
    }

    @Test
    void shouldLoadNothingTwice() {
        org.junit.jupiter.api.Assertions.assertEquals(0, loader.loadDemoSets());
    }
}
