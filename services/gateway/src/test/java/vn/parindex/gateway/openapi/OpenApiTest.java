package vn.parindex.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.parindex.gateway.StubUpstreams;

@QuarkusTest
@WithTestResource(value = StubUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiTest {

    /** Requests go to the gateway's public port (the edge), as clients' do. */
    @BeforeEach
    void sendToTheGateway() {
        StubUpstreams.sendToGateway();
    }

    @Inject
    MergedOpenApi merged;

    @BeforeEach
    void fetchEveryDocument() throws Exception {
        merged.refresh().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void restore() {
        StubUpstreams.restoreAll();
    }

    @Test
    void shouldMergeThePathsOfEveryServiceAndTheGatewaysOwn() {
        assertEquals(
                List.of("unit-registry", "criteria-catalogue", "scoring", "dossier-stats"), merged.servicesIncluded());
        given().get("/q/openapi")
                .then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("openapi", equalTo("3.1.0"))
                .body("info.title", equalTo("ParIndex API"))
                .body("paths", hasKey("/api/units/{code}"))
                .body("paths", hasKey("/api/criteria-sets/{code}"))
                .body("paths", hasKey("/api/campaigns"))
                .body("paths", hasKey("/api/procedures"))
                .body("paths", hasKey("/auth/token"))
                .body("paths", hasKey("/auth/jwks"))
                .body("paths", hasKey("/api/health"))
                // Not reachable through the gateway, so not documented by it.
                .body("paths", not(hasKey("/internal/scoring")))
                .body("servers.size()", equalTo(1))
                .body("servers[0].url", equalTo("/"))
                .body("components.securitySchemes.bearerAuth.scheme", equalTo("bearer"))
                .body("tags.name", hasItems("Authentication", "Gateway", "unit-registry-tag", "scoring-tag"))
                // What the gateway itself may answer is documented on every proxied operation.
                .body(
                        "paths.'/api/campaigns'.get.responses.'503'.'$ref'",
                        equalTo("#/components/responses/GatewayServiceUnavailable"))
                .body(
                        "paths.'/api/units/{code}'.get.responses.'401'.'$ref'",
                        equalTo("#/components/responses/GatewayInvalidToken"))
                .body("components.responses.GatewayRateLimited.headers", hasKey("Retry-After"));
    }

    @Test
    void shouldKeepSharedSchemasOnceAndRenameDifferingOnes() {
        given().get("/q/openapi")
                .then()
                .body("components.schemas", hasKey("LocalDate"))
                .body("components.schemas", not(hasKey("ScoringLocalDate")))
                .body("components.schemas", hasKey("Item"))
                .body("components.schemas", hasKey("PageResponse"))
                .body("components.schemas", hasKey("ScoringPageResponse"))
                .body("components.schemas", not(hasKey("UnitRegistryPageResponse")))
                .body(
                        "paths.'/api/campaigns'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ScoringPageResponse"))
                .body(
                        "paths.'/api/units'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/PageResponse"));
    }

    @Test
    void shouldServeYamlOnRequest() {
        given().get("/q/openapi?format=yaml")
                .then()
                .statusCode(200)
                .contentType(containsString("application/yaml"))
                .body(containsString("openapi: 3.1.0"))
                .body(containsString("/api/units/{code}:"));
    }

    @Test
    void shouldKeepTheLastGoodDocumentOfAServiceThatIsDown() throws Exception {
        StubUpstreams.refuse("dossier-stats");
        merged.refresh().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        given().get("/q/openapi").then().body("paths", hasKey("/api/procedures/{code}"));
    }

    @Test
    void shouldShowTheMergedDocumentInSwaggerUi() {
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .body(containsString("/q/openapi"))
                .body(not(containsString("/q/openapi-gateway")));
        given().get("/q/openapi-gateway?format=json").then().statusCode(200).body("paths", notNullValue());
    }
}
