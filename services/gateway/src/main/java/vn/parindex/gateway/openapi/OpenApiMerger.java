package vn.parindex.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Folds the services' OpenAPI documents into the one integrators read at the gateway. Plain Jackson, no Quarkus.
 *
 * <ul>
 *   <li>Paths: each document contributes the paths the gateway routes to its service (anything else, such as a
 *       service's own {@code /q/...}, is not reachable through the gateway and is left out).
 *   <li>Components (schemas, responses, parameters, security schemes …): a name seen before with the same content
 *       is kept once ({@code Problem}, {@code FieldError}); with different content the later document's component
 *       is renamed with its service's prefix ({@code PageResponse} → {@code ScoringPageResponse}) and every
 *       {@code $ref} to it in that document is rewritten. A component that refers to a renamed one is renamed
 *       too, since it no longer means the same as its namesake.
 *   <li>Tags are united by name; one {@code servers} entry (the gateway); a {@code bearerAuth} scheme with
 *       optional security on every operation (anonymous reads are allowed; the services decide).
 *   <li>Every {@code /api/...} operation also lists what the gateway itself may answer on it — 401
 *       {@code INVALID_TOKEN}, 414 {@code URI_TOO_LONG}, 429 {@code RATE_LIMITED}, 503 {@code SERVICE_UNAVAILABLE},
 *       and on operations with a request body 413 {@code REQUEST_TOO_LARGE} — unless the service
 *       documents that status already.
 *   <li>An {@code operationId} already taken by an earlier document gets the service's prefix.
 * </ul>
 */
public final class OpenApiMerger {

    /** One document to merge: the service it comes from and which of its paths the gateway routes to it. */
    public record Source(String service, JsonNode document, Predicate<String> routedPath) {}

    /** The merged document's own texts. */
    public record Info(String title, String version, String description, String serverUrl) {}

    static final String BEARER_AUTH = "bearerAuth";
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String COMPONENTS_REF = "#/components/";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode merged;
    private final ObjectNode paths;
    private final ObjectNode components;
    private final ArrayNode tags;
    private final Set<String> tagNames = new HashSet<>();
    private final Set<String> operationIds = new HashSet<>();

    private OpenApiMerger(Info info) {
        merged = NODES.objectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode infoNode = merged.putObject("info");
        infoNode.put("title", info.title());
        infoNode.put("version", info.version());
        infoNode.put("description", info.description());
        ObjectNode server = merged.putArray("servers").addObject();
        server.put("url", info.serverUrl());
        server.put("description", "ParIndex gateway");
        ArrayNode security = merged.putArray("security");
        security.addObject(); // {}: anonymous requests are allowed (reference data, published rankings)
        security.addObject().putArray(BEARER_AUTH);
        tags = merged.putArray("tags");
        paths = merged.putObject("paths");
        components = merged.putObject("components");
        ObjectNode bearer = components.putObject("securitySchemes").putObject(BEARER_AUTH);
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        bearer.put(
                "description",
                "RS256 token of the local issuer (POST /auth/token, embedded mode) or of Keycloak. The gateway refuses"
                        + " a bad token with 401; each service checks the roles it needs (groups, units, campaigns).");
    }

    /** The merged document: {@code sources} in order, each one's components added after the previous ones'. */
    public static ObjectNode merge(Info info, List<Source> sources) {
        OpenApiMerger merger = new OpenApiMerger(info);
        for (Source source : sources) {
            merger.add(source);
        }
        merger.addGatewayResponses();
        return merger.merged;
    }

    /** The gateway's own answers, as shared responses referenced from every {@code /api/...} operation. */
    private void addGatewayResponses() {
        if (!components.path("schemas").has("Problem")) {
            return; // the gateway's own document (which brings Problem) is missing: nothing to refer to
        }
        ObjectNode responses = components.has("responses")
                ? (ObjectNode) components.get("responses")
                : components.putObject("responses");
        Map<String, String> byStatus = new LinkedHashMap<>();
        byStatus.put(
                "401",
                gatewayResponse(
                        responses,
                        "GatewayInvalidToken",
                        "INVALID_TOKEN (answered by the gateway): the bearer token is malformed, expired, from another issuer"
                                + " or not signed by a known key",
                        false));
        byStatus.put(
                "414",
                gatewayResponse(
                        responses,
                        "GatewayUriTooLong",
                        "URI_TOO_LONG (answered by the gateway): the request line (path and query) is over the gateway's limit",
                        false));
        byStatus.put(
                "429",
                gatewayResponse(
                        responses,
                        "GatewayRateLimited",
                        "RATE_LIMITED (answered by the gateway): too many requests from this client; retry after"
                                + " Retry-After seconds",
                        true));
        byStatus.put(
                "503",
                gatewayResponse(
                        responses,
                        "GatewayServiceUnavailable",
                        "SERVICE_UNAVAILABLE (answered by the gateway): the service named in context.service did not answer"
                                + " in time or is down; on a write without an Idempotency-Key that was sent to an instance"
                                + " which then failed, UPSTREAM_WRITE_UNCONFIRMED: it may or may not have been stored",
                        false));
        String tooLarge = gatewayResponse(
                responses,
                "GatewayRequestTooLarge",
                "REQUEST_TOO_LARGE (answered by the gateway): the body is over the service's limit (context.maxBytes),"
                        + " refused before the service gets it",
                false);
        paths.fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(operation -> {
                if (!HTTP_METHODS.contains(operation.getKey())
                        || !operation.getValue().isObject()) {
                    return;
                }
                ObjectNode operationNode = (ObjectNode) operation.getValue();
                ObjectNode operationResponses = operationNode.has("responses")
                        ? (ObjectNode) operationNode.get("responses")
                        : operationNode.putObject("responses");
                byStatus.forEach((status, name) -> {
                    if (!operationResponses.has(status)) {
                        operationResponses.putObject(status).put("$ref", COMPONENTS_REF + "responses/" + name);
                    }
                });
                if (operationNode.has("requestBody") && !operationResponses.has("413")) {
                    operationResponses.putObject("413").put("$ref", COMPONENTS_REF + "responses/" + tooLarge);
                }
            });
        });
    }

    private static String gatewayResponse(ObjectNode responses, String name, String description, boolean retryAfter) {
        ObjectNode response = responses.putObject(name);
        response.put("description", description);
        if (retryAfter) {
            ObjectNode header = response.putObject("headers").putObject("Retry-After");
            header.put("description", "Seconds until the client may send again");
            header.putObject("schema").put("type", "integer");
        }
        response.putObject("content")
                .putObject("application/problem+json")
                .putObject("schema")
                .put("$ref", COMPONENTS_REF + "schemas/Problem");
        return name;
    }

    private void add(Source source) {
        JsonNode document = source.document().deepCopy();
        unifyBearerSchemes(document);
        Map<String, Map<String, String>> renames = renames(source.service(), document.path("components"));
        if (!renames.isEmpty()) {
            rewriteRefs(document, renames);
            renameComponents(document.path("components"), renames);
            renameSecurityRequirements(document, renames.getOrDefault("securitySchemes", Map.of()));
        }
        addTags(document.path("tags"));
        addComponents(document.path("components"));
        Iterator<Map.Entry<String, JsonNode>> entries = document.path("paths").fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> path = entries.next();
            if (source.routedPath().test(path.getKey()) && !paths.has(path.getKey())) {
                uniqueOperationIds(source.service(), path.getValue());
                paths.set(path.getKey(), path.getValue());
            }
        }
    }

    /** Operation ids must be unique in a document: a later service's duplicate gets its prefix. */
    private void uniqueOperationIds(String service, JsonNode pathItem) {
        pathItem.fields().forEachRemaining(operation -> {
            if (operation.getValue() instanceof ObjectNode node
                    && node.path("operationId").isTextual()) {
                String id = node.path("operationId").textValue();
                if (!operationIds.add(id)) {
                    String prefixed = Character.toLowerCase(prefix(service).charAt(0))
                            + prefix(service).substring(1)
                            + Character.toUpperCase(id.charAt(0))
                            + id.substring(1);
                    String unique = prefixed;
                    for (int n = 2; !operationIds.add(unique); n++) {
                        unique = prefixed + n;
                    }
                    node.put("operationId", unique);
                }
            }
        });
    }

    /**
     * For each component section, the names this document must use instead of its own: those whose content
     * differs from a component already merged under that name, then, until nothing changes, those that refer to a
     * renamed one.
     */
    private Map<String, Map<String, String>> renames(String service, JsonNode sourceComponents) {
        Set<String> renamed = new HashSet<>(); // "section/name"
        Map<String, JsonNode> candidates = new LinkedHashMap<>();
        sourceComponents
                .fields()
                .forEachRemaining(section -> section.getValue().fields().forEachRemaining(component -> {
                    String key = section.getKey() + "/" + component.getKey();
                    JsonNode existing = components.path(section.getKey()).get(component.getKey());
                    if (existing == null) {
                        return;
                    }
                    if (existing.equals(component.getValue())) {
                        candidates.put(key, component.getValue());
                    } else {
                        renamed.add(key);
                    }
                }));
        boolean changed = !renamed.isEmpty();
        while (changed) {
            changed = false;
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            candidates.entrySet().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> candidate = it.next();
                if (refersToAny(candidate.getValue(), renamed)) {
                    renamed.add(candidate.getKey());
                    it.remove();
                    changed = true;
                }
            }
        }
        Map<String, Map<String, String>> result = new HashMap<>();
        String prefix = prefix(service);
        for (String key : renamed) {
            int slash = key.indexOf('/');
            String section = key.substring(0, slash);
            String name = key.substring(slash + 1);
            String newName = prefix + name;
            int n = 2;
            while (components.path(section).has(newName)
                    || sourceComponents.path(section).has(newName)) {
                newName = prefix + name + n++;
            }
            result.computeIfAbsent(section, s -> new HashMap<>()).put(name, newName);
        }
        return result;
    }

    private static boolean refersToAny(JsonNode node, Set<String> keys) {
        if (node.isTextual()) {
            String text = node.textValue();
            return text.startsWith(COMPONENTS_REF) && keys.contains(text.substring(COMPONENTS_REF.length()));
        }
        for (JsonNode child : node) {
            if (refersToAny(child, keys)) {
                return true;
            }
        }
        return false;
    }

    /** Every string {@code #/components/<section>/<name>} ({@code $ref}s, discriminator mappings) of a renamed one. */
    private static void rewriteRefs(JsonNode node, Map<String, Map<String, String>> renames) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                if (child.isTextual()) {
                    String rewritten = rewrite(child.textValue(), renames);
                    if (rewritten != null) {
                        object.set(name, TextNode.valueOf(rewritten));
                    }
                } else {
                    rewriteRefs(child, renames);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isTextual()) {
                    String rewritten = rewrite(child.textValue(), renames);
                    if (rewritten != null) {
                        array.set(i, TextNode.valueOf(rewritten));
                    }
                } else {
                    rewriteRefs(child, renames);
                }
            }
        }
    }

    private static String rewrite(String text, Map<String, Map<String, String>> renames) {
        if (!text.startsWith(COMPONENTS_REF)) {
            return null;
        }
        String rest = text.substring(COMPONENTS_REF.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String newName =
                renames.getOrDefault(rest.substring(0, slash), Map.of()).get(rest.substring(slash + 1));
        return newName == null ? null : COMPONENTS_REF + rest.substring(0, slash) + "/" + newName;
    }

    private static void renameComponents(JsonNode sourceComponents, Map<String, Map<String, String>> renames) {
        renames.forEach((section, names) -> {
            if (sourceComponents.get(section) instanceof ObjectNode entries) {
                ObjectNode renamed = NODES.objectNode();
                entries.fields()
                        .forEachRemaining(e -> renamed.set(names.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
                entries.removeAll();
                entries.setAll(renamed);
            }
        });
    }

    /**
     * A service's own HTTP bearer scheme (Quarkus names it {@code SecurityScheme}) is the same token as the
     * gateway's: its requirements are pointed at {@code bearerAuth}, so Swagger UI asks for one token, not one per
     * service.
     */
    private static void unifyBearerSchemes(JsonNode document) {
        if (!(document.path("components").get("securitySchemes") instanceof ObjectNode schemes)) {
            return;
        }
        Map<String, String> toBearerAuth = new HashMap<>();
        schemes.fields().forEachRemaining(scheme -> {
            JsonNode value = scheme.getValue();
            if ("http".equalsIgnoreCase(value.path("type").asText())
                    && "bearer".equalsIgnoreCase(value.path("scheme").asText())) {
                toBearerAuth.put(scheme.getKey(), BEARER_AUTH);
            }
        });
        toBearerAuth.keySet().forEach(schemes::remove);
        renameSecurityRequirements(document, toBearerAuth);
    }

    /** Security requirements name schemes by key, not by {@code $ref}: {@code security: [{OldName: []}]}. */
    private static void renameSecurityRequirements(JsonNode document, Map<String, String> schemes) {
        if (schemes.isEmpty()) {
            return;
        }
        List<JsonNode> requirementLists = new ArrayList<>();
        requirementLists.add(document.path("security"));
        document.path("paths")
                .forEach(item -> item.forEach(operation -> {
                    if (operation.isObject()) {
                        requirementLists.add(operation.path("security"));
                    }
                }));
        for (JsonNode list : requirementLists) {
            for (JsonNode requirement : list) {
                if (requirement instanceof ObjectNode object) {
                    schemes.forEach((old, renamed) -> {
                        JsonNode scopes = object.remove(old);
                        if (scopes != null) {
                            object.set(renamed, scopes);
                        }
                    });
                }
            }
        }
    }

    private void addComponents(JsonNode sourceComponents) {
        sourceComponents.fields().forEachRemaining(section -> {
            if (!section.getValue().isObject()) {
                return;
            }
            ObjectNode target = components.has(section.getKey())
                    ? (ObjectNode) components.get(section.getKey())
                    : components.putObject(section.getKey());
            section.getValue().fields().forEachRemaining(component -> {
                if (!target.has(component.getKey())) {
                    target.set(component.getKey(), component.getValue());
                }
            });
        });
    }

    private void addTags(JsonNode sourceTags) {
        for (JsonNode tag : sourceTags) {
            String name = tag.path("name").asText("");
            if (!name.isEmpty() && tagNames.add(name)) {
                tags.add(tag);
            }
        }
    }

    /** {@code dossier-stats} → {@code DossierStats}: the prefix of a renamed component. */
    static String prefix(String service) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : service.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
