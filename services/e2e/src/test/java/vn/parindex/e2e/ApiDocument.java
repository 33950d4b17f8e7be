package vn.parindex.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merged OpenAPI document as the fuzz suite reads it: parsed with swagger-parser (its operations, and the
 * messages a common tool has about the document), schemas taken from the JSON itself and validated as JSON Schema
 * 2020-12 (OpenAPI 3.1's dialect; an OpenAPI 3.0 {@code nullable: true} is honoured too).
 */
final class ApiDocument {

    /** One operation of the document. */
    record Op(String method, String path, String id, JsonNode node) {

        String label() {
            return method.toUpperCase() + " " + path;
        }

        boolean secured(JsonNode document) {
            JsonNode security = node.has("security") ? node.get("security") : document.path("security");
            if (!security.isArray() || security.isEmpty()) {
                return false;
            }
            for (JsonNode requirement : security) {
                if (requirement.isEmpty()) {
                    return false; // {}: anonymous allowed
                }
            }
            return true;
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final JsonNode json;
    final List<Op> operations = new ArrayList<>();
    final List<String> parserMessages;
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> compiled = new HashMap<>();

    ApiDocument(String text, ObjectMapper mapper) throws Exception {
        json = mapper.readTree(text);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        parserMessages = result.getMessages() == null ? List.of() : result.getMessages();
        OpenAPI api = result.getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new IllegalStateException("swagger-parser could not read the document: " + parserMessages);
        }
        api.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> e :
                    item.readOperationsMap().entrySet()) {
                String method = e.getKey().name().toLowerCase();
                operations.add(new Op(
                        method,
                        path,
                        e.getValue().getOperationId(),
                        json.path("paths").path(path).path(method)));
            }
        });
    }

    /** Follows {@code $ref}s to components (a few levels). */
    JsonNode resolve(JsonNode node) {
        for (int i = 0; i < 10 && node != null && node.has("$ref"); i++) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return node;
            }
            node = json.at(ref.substring(1));
        }
        return node;
    }

    /** The non-null type a schema declares ({@code type: [string, "null"]} → string), or null. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        return null;
    }

    /** Validation messages of {@code body} against {@code schema} (a node of this document). */
    Set<ValidationMessage> validate(JsonNode schema, JsonNode body) {
        String key = schema.toString();
        JsonSchema validator = compiled.computeIfAbsent(key, k -> {
            ObjectNode root = nullableAware(schema.deepCopy());
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            // $refs of the form #/components/schemas/X resolve against this root.
            root.set("components", nullableAware(json.path("components").deepCopy()));
            return schemas.getSchema(root);
        });
        return validator.validate(body);
    }

    /** OpenAPI 3.0 {@code nullable: true} as JSON Schema: the type list gains "null". */
    private static <T extends JsonNode> T nullableAware(T node) {
        if (node instanceof ObjectNode object) {
            if (object.path("nullable").asBoolean(false)) {
                JsonNode type = object.get("type");
                if (type != null && type.isTextual()) {
                    ArrayNode types = NODES.arrayNode().add(type.asText()).add("null");
                    object.set("type", types);
                } else if (object.has("$ref")) {
                    ObjectNode ref =
                            NODES.objectNode().put("$ref", object.get("$ref").asText());
                    object.remove("$ref");
                    object.putArray("anyOf").add(ref).addObject().put("type", "null");
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                nullableAware(fields.next().getValue());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(ApiDocument::nullableAware);
        }
        return node;
    }
}
