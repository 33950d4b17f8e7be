package vn.parindex.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.parindex.gateway.proxy.RouteTable;

class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiMerger.Info INFO =
            new OpenApiMerger.Info("ParIndex API", "1", "All services", "http://localhost:8080");

    /** Registry: Page of Unit. Scoring: its own, different Page, a Ranking that refers to it, an identical Problem. */
    private static final String REGISTRY = """
            {"openapi":"3.1.0","tags":[{"name":"Units","description":"registry"}],
             "paths":{"/api/units":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":
                {"schema":{"$ref":"#/components/schemas/Page"}}}}}}},
              "/q/internal":{"get":{"responses":{"200":{"description":"ok"}}}}},
             "components":{"schemas":{
               "Problem":{"type":"object","properties":{"code":{"type":"string"}}},
               "Page":{"type":"object","properties":{"total":{"type":"integer"}}},
               "Wrapper":{"type":"object","properties":{"page":{"$ref":"#/components/schemas/Page"}}}}}}
            """;

    private static final String SCORING = """
            {"openapi":"3.1.0","tags":[{"name":"Units","description":"scoring's duplicate tag"},{"name":"Rankings"}],
             "paths":{"/api/rankings/{code}":{"get":{"security":[{"SecurityScheme":["admin"]}],
                "responses":{"200":{"description":"ok","content":{"application/json":
                {"schema":{"$ref":"#/components/schemas/Wrapper"}}}},
                "404":{"description":"no","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
             "components":{
               "securitySchemes":{"SecurityScheme":{"type":"http","scheme":"bearer","bearerFormat":"JWT"}},
               "schemas":{
               "Problem":{"type":"object","properties":{"code":{"type":"string"}}},
               "Page":{"type":"object","properties":{"count":{"type":"integer"}}},
               "Wrapper":{"type":"object","properties":{"page":{"$ref":"#/components/schemas/Page"}}},
               "Shape":{"oneOf":[{"$ref":"#/components/schemas/Page"}],
                        "discriminator":{"propertyName":"kind","mapping":{"page":"#/components/schemas/Page"}}}}}}
            """;

    private static JsonNode merge() throws Exception {
        return OpenApiMerger.merge(
                INFO,
                List.of(
                        new OpenApiMerger.Source(
                                "unit-registry", JSON.readTree(REGISTRY), p -> RouteTable.routes(p, "unit-registry")),
                        new OpenApiMerger.Source(
                                "scoring", JSON.readTree(SCORING), p -> RouteTable.routes(p, "scoring"))));
    }

    @Test
    void shouldKeepIdenticalSchemasOnce() throws Exception {
        JsonNode schemas = merge().path("components").path("schemas");

        assertTrue(schemas.has("Problem"));
        assertFalse(schemas.has("ScoringProblem"));
        assertEquals(
                "#/components/schemas/Problem",
                merge().at(
                                "/paths/~1api~1rankings~1{code}/get/responses/404/content/application~1problem+json/schema/$ref")
                        .asText());
    }

    @Test
    void shouldRenameADifferingSchemaWithTheServicePrefixAndRewriteItsRefs() throws Exception {
        JsonNode merged = merge();
        JsonNode schemas = merged.path("components").path("schemas");

        assertTrue(schemas.path("Page").path("properties").has("total"));
        assertTrue(schemas.path("ScoringPage").path("properties").has("count"));
        assertEquals(
                "#/components/schemas/ScoringPage",
                schemas.at("/Shape/oneOf/0/$ref").asText());
        assertEquals(
                "#/components/schemas/ScoringPage",
                schemas.at("/Shape/discriminator/mapping/page").asText());
    }

    @Test
    void shouldRenameASchemaThatLooksTheSameButRefersToARenamedOne() throws Exception {
        JsonNode merged = merge();
        JsonNode schemas = merged.path("components").path("schemas");

        // Scoring's Wrapper is textually the registry's, but its Page is another Page.
        assertEquals(
                "#/components/schemas/Page",
                schemas.at("/Wrapper/properties/page/$ref").asText());
        assertEquals(
                "#/components/schemas/ScoringPage",
                schemas.at("/ScoringWrapper/properties/page/$ref").asText());
        assertEquals(
                "#/components/schemas/ScoringWrapper",
                merged.at("/paths/~1api~1rankings~1{code}/get/responses/200/content/application~1json/schema/$ref")
                        .asText());
    }

    @Test
    void shouldKeepOnlyRoutedPathsOneServerAndOneBearerScheme() throws Exception {
        JsonNode merged = merge();

        assertTrue(merged.path("paths").has("/api/units"));
        assertTrue(merged.path("paths").has("/api/rankings/{code}"));
        assertFalse(merged.path("paths").has("/q/internal"));
        assertEquals(1, merged.path("servers").size());
        assertEquals("http://localhost:8080", merged.at("/servers/0/url").asText());
        assertEquals(List.of("bearerAuth"), fieldNames(merged.path("components").path("securitySchemes")));
        assertEquals(
                "admin",
                merged.at("/paths/~1api~1rankings~1{code}/get/security/0/bearerAuth/0")
                        .asText());
    }

    @Test
    void shouldUniteTagsByName() throws Exception {
        JsonNode tags = merge().path("tags");

        assertEquals(2, tags.size());
        assertEquals("registry", tags.get(0).path("description").asText());
        assertEquals("Rankings", tags.get(1).path("name").asText());
    }

    @Test
    void shouldGiveADuplicateOperationIdTheServicePrefix() throws Exception {
        String one = "{\"paths\":{\"/api/units\":{\"get\":{\"operationId\":\"list\",\"responses\":{}}}}}";
        String two = "{\"paths\":{\"/api/campaigns\":{\"get\":{\"operationId\":\"list\",\"responses\":{}}}}}";

        JsonNode merged = OpenApiMerger.merge(
                INFO,
                List.of(
                        new OpenApiMerger.Source("unit-registry", JSON.readTree(one), p -> true),
                        new OpenApiMerger.Source("scoring", JSON.readTree(two), p -> true)));

        assertEquals("list", merged.at("/paths/~1api~1units/get/operationId").asText());
        assertEquals(
                "scoringList",
                merged.at("/paths/~1api~1campaigns/get/operationId").asText());
    }

    @Test
    void shouldDocumentTheGatewaysOwnAnswersOnProxiedOperationsOnly() throws Exception {
        String gateway = """
                {"paths":{"/auth/token":{"post":{"responses":{"200":{"description":"ok"}}}}},
                 "components":{"schemas":{"Problem":{"type":"object"}}}}
                """;
        JsonNode merged = OpenApiMerger.merge(
                INFO,
                List.of(
                        new OpenApiMerger.Source("gateway", JSON.readTree(gateway), p -> true),
                        new OpenApiMerger.Source(
                                "scoring", JSON.readTree(SCORING), p -> RouteTable.routes(p, "scoring"))));

        JsonNode ranking = merged.at("/paths/~1api~1rankings~1{code}/get/responses");
        assertEquals(
                "#/components/responses/GatewayInvalidToken",
                ranking.at("/401/$ref").asText());
        assertEquals(
                "#/components/responses/GatewayRateLimited",
                ranking.at("/429/$ref").asText());
        assertEquals(
                "#/components/responses/GatewayServiceUnavailable",
                ranking.at("/503/$ref").asText());
        // The service's own 404 stays; the token endpoint is the gateway's and documents its own answers.
        assertEquals("no", ranking.at("/404/description").asText());
        assertFalse(ranking.has("413"), "a read without a body cannot be too large");
        assertFalse(merged.at("/paths/~1auth~1token/post/responses").has("429"));
        assertEquals(
                "#/components/schemas/Problem",
                merged.at("/components/responses/GatewayRateLimited/content/application~1problem+json/schema/$ref")
                        .asText());
    }

    @Test
    void shouldDocumentTheGatewaysBodyLimitOnOperationsWithABody() throws Exception {
        String gateway = "{\"components\":{\"schemas\":{\"Problem\":{\"type\":\"object\"}}}}";
        String registry = """
                {"paths":{"/api/units":{
                  "post":{"requestBody":{"content":{"application/json":{}}},"responses":{"201":{"description":"ok"}}},
                  "get":{"responses":{"200":{"description":"ok"}}}},
                 "/api/units/import":{"post":{"requestBody":{"content":{"text/csv":{}}},
                  "responses":{"413":{"description":"the service's own"}}}}}}
                """;
        JsonNode merged = OpenApiMerger.merge(
                INFO,
                List.of(
                        new OpenApiMerger.Source("gateway", JSON.readTree(gateway), p -> true),
                        new OpenApiMerger.Source("unit-registry", JSON.readTree(registry), p -> true)));

        assertEquals(
                "#/components/responses/GatewayRequestTooLarge",
                merged.at("/paths/~1api~1units/post/responses/413/$ref").asText());
        assertFalse(merged.at("/paths/~1api~1units/get/responses").has("413"));
        assertEquals(
                "the service's own",
                merged.at("/paths/~1api~1units~1import/post/responses/413/description")
                        .asText());
    }

    @Test
    void shouldPrefixWithThePascalCaseServiceName() {
        assertEquals("DossierStats", OpenApiMerger.prefix("dossier-stats"));
        assertEquals("UnitRegistry", OpenApiMerger.prefix("unit-registry"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
