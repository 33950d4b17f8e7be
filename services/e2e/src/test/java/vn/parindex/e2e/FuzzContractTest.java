package vn.parindex.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.parindex.e2e.Clients.GW;
import static vn.parindex.e2e.Clients.HTTP;
import static vn.parindex.e2e.Clients.JSON;
import static vn.parindex.e2e.Clients.healthySet;
import static vn.parindex.e2e.Clients.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the gateway's merged OpenAPI document, against the set started as the README starts it: first
 * a valid request built from the document's examples, then malformed inputs generated from the document — wrong
 * JSON types, nulls, control characters, 100,000-character strings, extreme numbers and dates, unknown enum values,
 * wrong content types, empty, repeated-key and oversized bodies, hostile path and query parameters — with an admin
 * token (validation, not authorisation, is exercised) and a sample without one.
 *
 * <p>Fails on any 5xx, any error answer that is not {@code application/problem+json} with {@code status} and
 * {@code title}, any body naming a Java class or quoting PostgreSQL, and any answer the document does not describe
 * (status not listed for the operation, body not valid against the declared schema). Runs last: its writes (the
 * valid pass replays the documented examples) must not disturb the other end-to-end classes.
 */
@Order(Integer.MAX_VALUE)
class FuzzContractTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Malformed inputs sent per operation at most (sampled across kinds, fixed seed). */
    private static final int PER_OPERATION = 40;
    /** Operations that also get an oversized (> 10 MB) body. */
    private static final int OVERSIZED_OPERATIONS = 3;

    private static final String LONG = "x".repeat(100_000);
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(java|javax|jakarta|io\\.netty|io\\.vertx|io\\.quarkus|io\\.smallrye|org\\.hibernate|org\\.postgresql"
                    + "|org\\.jboss|com\\.fasterxml|vn\\.parindex)\\.[a-z]|\\w*Exception\\b");
    private static final Pattern DATABASE_TEXT = Pattern.compile("ERROR:|SQLState|SQL state|violates|\\bpg_");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");

    private static RunningSet set;

    @BeforeAll
    static void startTheSet() throws Exception {
        set = healthySet();
        set.await(HTTP, GW + "/api/rankings/YB-DIST-2020", body -> true, Duration.ofMinutes(3));
        // Every demo campaign whole: a documented example (YB-DIST-2021's rank intervals) reads results the demo
        // loader may still be entering.
        set.await(HTTP, "http://localhost:8083/q/health/group/demo-data", body -> true, Duration.ofMinutes(8));
    }

    /** One request of the suite. */
    record Probe(String kind, String input, String method, String target, String contentType, byte[] body) {}

    /** One answer, with what it was the answer to. */
    record Seen(ApiDocument.Op op, Probe probe, boolean anonymous, int status, String contentType, String body) {}

    private ApiDocument doc;
    private String adminToken;
    private final Map<String, String> discovered = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();
    private final List<String> contractViolations = new ArrayList<>();
    private final List<String> refusedExamples = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final StringBuilder log = new StringBuilder();
    private int requests;

    @Test
    void everyOperationAnswersMalformedInputWithADocumentedProblem() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> document = HTTP.send(
                HttpRequest.newBuilder(URI.create(GW + "/q/openapi")).build(), HttpResponse.BodyHandlers.ofString());
        doc = new ApiDocument(document.body(), JSON);
        adminToken = token("admin");
        discover();
        for (String message : doc.parserMessages) {
            contractViolations.add("document: swagger-parser: " + message);
        }

        int oversized = 0;
        for (ApiDocument.Op op : doc.operations) {
            Probe valid = validProbe(op);
            Seen ok = send(op, valid, false);
            check(ok);
            if (ok.status() == 400 || ok.status() == 415 || ok.status() == 422) {
                refusedExamples.add(op.label() + " → " + ok.status() + " " + excerpt(ok.body()));
            }
            List<Probe> probes = malformed(op, valid);
            if (requestBodySchema(op) != null
                    && oversized < OVERSIZED_OPERATIONS
                    && !op.path().startsWith("/auth")) {
                oversized++;
                probes.add(new Probe(
                        "oversized",
                        "body of 11 MB",
                        op.method(),
                        valid.target(),
                        "application/json",
                        ("{\"x\":\"" + "y".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8)));
            }
            for (Probe probe : probes) {
                check(send(op, probe, false));
            }
            // A sample without a token: the valid request and two malformed ones.
            check(send(op, valid, true));
            for (int i = 0; i < Math.min(2, probes.size()); i++) {
                check(send(op, probes.get(i * (probes.size() - 1)), true));
            }
        }

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        StringBuilder summary = new StringBuilder();
        summary.append("Fuzz and contract: ")
                .append(requests)
                .append(" requests over ")
                .append(doc.operations.size())
                .append(" operations in ")
                .append(seconds)
                .append(" s; statuses ")
                .append(statuses)
                .append("; ")
                .append(violations.size())
                .append(" fuzz violations, ")
                .append(contractViolations.size())
                .append(" contract violations, ")
                .append(refusedExamples.size())
                .append(" documented examples refused\n");
        violations.forEach(v -> summary.append("FUZZ ").append(v).append('\n'));
        contractViolations.forEach(v -> summary.append("CONTRACT ").append(v).append('\n'));
        refusedExamples.forEach(v -> summary.append("EXAMPLE ").append(v).append('\n'));
        System.out.println(summary);
        Path report = Path.of("target", "fuzz-contract-report.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, summary);
        Files.writeString(report.resolveSibling("fuzz-requests.txt"), log);
        assertTrue(
                violations.isEmpty() && contractViolations.isEmpty() && refusedExamples.isEmpty(), summary.toString());
    }

    // ---------------------------------------------------------------------------------------------- the inputs

    /** Codes of the demo data the valid requests address (the document's examples where it has them). */
    private void discover() throws Exception {
        discovered.put("units", "04252");
        discovered.put("unitCode", "132");
        discovered.put("campaigns", "YB-DIST-2021");
        discovered.put("campaignCode", "YB-DIST-2021");
        discovered.put("criteria-sets", "PAR_DIST_YB_2021");
        discovered.put("otherCode", "PAR_DIST_YB_2020");
        discovered.put("indexCode", "SIPAS");
        discovered.put("year", "2025");
        discovered.put("id", "1");
        discovered.put("unit-groups", firstOf("/api/unit-groups", "code", "YB-DISTRICTS"));
        discovered.put("procedures", firstOf("/api/procedures", "code", "1.000001"));
        JsonNode set = get("/api/criteria-sets/PAR_DIST_YB_2021");
        discovered.put(
                "nodeCode",
                set == null ? "A" : set.path("nodes").path(0).path("code").asText("A"));
    }

    private String firstOf(String path, String field, String otherwise) throws Exception {
        JsonNode page = get(path);
        JsonNode first = page == null ? null : page.path("items").path(0).path(field);
        return first == null || !first.isTextual() ? otherwise : first.asText();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(GW + path))
                        .header("Authorization", "Bearer " + adminToken)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
    }

    private String validValue(ApiDocument.Op op, JsonNode parameter) {
        JsonNode schema = doc.resolve(parameter.path("schema"));
        JsonNode example = firstExample(parameter);
        if (example == null) {
            example = firstExample(schema);
        }
        if (example != null && !example.isContainerNode()) {
            return example.asText();
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0).asText();
        }
        String name = parameter.path("name").asText();
        if ("code".equals(name)) {
            String collection = op.path().split("/")[2];
            return discovered.getOrDefault(collection, "X");
        }
        if (discovered.containsKey(name)) {
            return discovered.get(name);
        }
        String type = ApiDocument.type(schema);
        if ("integer".equals(type) || "number".equals(type)) {
            return schema.has("minimum") ? schema.get("minimum").asText() : "1";
        }
        if ("boolean".equals(type)) {
            return "false";
        }
        if ("date".equals(schema.path("format").asText())) {
            return "2025-07-01";
        }
        return "X";
    }

    private static JsonNode firstExample(JsonNode node) {
        if (node.has("example")) {
            return node.get("example");
        }
        if (node.path("examples").isArray() && !node.path("examples").isEmpty()) {
            return node.path("examples").get(0);
        }
        if (node.path("examples").isObject() && node.path("examples").size() > 0) {
            return node.path("examples").elements().next().path("value");
        }
        return null;
    }

    private List<JsonNode> parameters(ApiDocument.Op op) {
        List<JsonNode> all = new ArrayList<>();
        doc.json.path("paths").path(op.path()).path("parameters").forEach(p -> all.add(doc.resolve(p)));
        op.node().path("parameters").forEach(p -> all.add(doc.resolve(p)));
        return all;
    }

    /** The target with every parameter at its valid value, one of them replaced by {@code raw} (already encoded). */
    private String target(ApiDocument.Op op, String replacedName, String replacedIn, String raw) {
        String path = op.path();
        StringBuilder query = new StringBuilder();
        for (JsonNode p : parameters(op)) {
            String name = p.path("name").asText();
            String in = p.path("in").asText();
            boolean replaced = name.equals(replacedName) && in.equals(replacedIn);
            String value = replaced ? raw : encode(validValue(op, p));
            if ("path".equals(in)) {
                path = path.replace("{" + name + "}", value);
            } else if ("query".equals(in) && (replaced || p.path("required").asBoolean(false) || p.has("example"))) {
                query.append(query.isEmpty() ? '?' : '&')
                        .append(encode(name))
                        .append('=')
                        .append(value);
            }
        }
        return path + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode requestBodySchema(ApiDocument.Op op) {
        JsonNode content = doc.resolve(op.node().path("requestBody")).path("content");
        JsonNode json = content.path("application/json");
        return json.isMissingNode() ? null : doc.resolve(json.path("schema"));
    }

    private Probe validProbe(ApiDocument.Op op) {
        String target = target(op, null, null, null);
        JsonNode content = doc.resolve(op.node().path("requestBody")).path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return new Probe("valid", "documented example", op.method(), target, null, null);
        }
        String mediaType = content.has("application/json")
                ? "application/json"
                : content.fieldNames().next();
        JsonNode media = content.get(mediaType);
        JsonNode example = firstExample(media);
        if (example == null) {
            example = firstExample(doc.resolve(media.path("schema")));
        }
        byte[] body;
        if (example != null && example.isTextual() && (!mediaType.endsWith("json") || looksLikeJson(example))) {
            body = example.asText().getBytes(StandardCharsets.UTF_8);
        } else if (example != null) {
            body = example.toString().getBytes(StandardCharsets.UTF_8);
        } else if (mediaType.contains("json")) {
            body = sample(media.path("schema"), 0).toString().getBytes(StandardCharsets.UTF_8);
        } else if (mediaType.equals("application/x-www-form-urlencoded")) {
            body = "grant_type=password&username=admin&password=admin".getBytes(StandardCharsets.UTF_8);
        } else {
            body = new byte[0];
        }
        return new Probe("valid", "documented example", op.method(), target, mediaType, body);
    }

    /** An example given as the text of a JSON document (an ExampleObject value SmallRye kept as text). */
    private static boolean looksLikeJson(JsonNode example) {
        String text = example.asText().strip();
        return text.startsWith("{") || text.startsWith("[");
    }

    /** A value the schema allows, from its examples where it has them. */
    private JsonNode sample(JsonNode schemaRef, int depth) {
        // An example beside a $ref (a property's own) wins over the referenced schema's.
        JsonNode example = firstExample(schemaRef);
        JsonNode schema = doc.resolve(schemaRef);
        if (example == null) {
            example = firstExample(schema);
        }
        if (example != null) {
            return example;
        }
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            schema.get("allOf").forEach(part -> {
                JsonNode s = sample(part, depth);
                if (s.isObject()) {
                    merged.setAll((ObjectNode) s);
                }
            });
            return merged;
        }
        for (String any : List.of("oneOf", "anyOf")) {
            if (schema.has(any)) {
                for (JsonNode option : schema.get(any)) {
                    if (!"null".equals(option.path("type").asText())) {
                        return sample(option, depth);
                    }
                }
            }
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        String type = ApiDocument.type(schema);
        if (type == null && schema.has("properties")) {
            type = "object";
        }
        if (type == null) {
            return NODES.objectNode();
        }
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties")
                            .fields()
                            .forEachRemaining(p -> object.set(p.getKey(), sample(p.getValue(), depth + 1)));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(sample(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(schema.path("minimum").asLong(1));
            case "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            default ->
                switch (schema.path("format").asText()) {
                    case "date" -> NODES.textNode("2025-07-01");
                    case "date-time" -> NODES.textNode("2025-07-01T08:00:00+07:00");
                    default -> NODES.textNode("X");
                };
        };
    }

    /** Malformed variants of the valid request, sampled across kinds. */
    private List<Probe> malformed(ApiDocument.Op op, Probe valid) {
        Map<String, List<Probe>> byKind = new LinkedHashMap<>();
        Function<String, List<Probe>> kind = k -> byKind.computeIfAbsent(k, x -> new ArrayList<>());
        for (JsonNode p : parameters(op)) {
            String name = p.path("name").asText();
            String in = p.path("in").asText();
            if (!"path".equals(in) && !"query".equals(in)) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("NUL", "a%00b");
            values.put("control character U+0001", "a%01b");
            values.put("line feed", "a%0Ab");
            values.put("space and quotes", "a%20%22%3C%7B");
            values.put("empty", "");
            values.put("encoded slash", "a%2Fb");
            values.put("5,000-character segment", "y".repeat(5_000));
            if ("query".equals(in)) {
                values.put("100,000 characters", "y".repeat(100_000));
            }
            values.put("not a number", "abc");
            values.put("1e20", "1e20");
            values.put("huge integer", "123456789012345678901234567890");
            values.put("-1", "-1");
            values.put("date -999999999-01-01", "-999999999-01-01");
            values.put("date +999999999-12-31", "%2B999999999-12-31");
            values.put("date 0000-00-00", "0000-00-00");
            values.put("unknown enum value", "NOT_A_VALUE");
            values.put("not a boolean", "maybe");
            values.forEach((what, raw) -> kind.apply(in + " parameter")
                    .add(new Probe(
                            in + " parameter",
                            name + ": " + what,
                            op.method(),
                            target(op, name, in, raw),
                            valid.contentType(),
                            valid.body())));
        }
        kind.apply("unknown query parameter")
                .add(new Probe(
                        "unknown query parameter",
                        "zz=%00",
                        op.method(),
                        valid.target() + (valid.target().contains("?") ? "&" : "?") + "zz=%00",
                        valid.contentType(),
                        valid.body()));
        JsonNode bodySchema = requestBodySchema(op);
        if (bodySchema != null && valid.body() != null) {
            String target = valid.target();
            JsonNode base;
            try {
                base = JSON.readTree(valid.body());
            } catch (IOException e) {
                base = NODES.objectNode();
            }
            List<Probe> whole = kind.apply("whole body");
            whole.add(bodyProbe(op, target, "whole body", "empty body", "application/json", ""));
            whole.add(bodyProbe(op, target, "whole body", "null", "application/json", "null"));
            whole.add(bodyProbe(op, target, "whole body", "not JSON", "application/json", "{\"a\":"));
            whole.add(bodyProbe(op, target, "whole body", "a string", "application/json", "\"text\""));
            whole.add(bodyProbe(op, target, "whole body", "a number", "application/json", "1e400"));
            whole.add(bodyProbe(
                    op, target, "whole body", "wrong container", "application/json", base.isArray() ? "{}" : "[]"));
            whole.add(bodyProbe(op, target, "whole body", "empty object", "application/json", "{}"));
            whole.add(bodyProbe(op, target, "whole body", "NUL byte", "application/json", "{\"a\u0000\":1}"));
            String text = base.toString();
            List<Probe> types = kind.apply("content type");
            types.add(bodyProbe(op, target, "content type", "text/plain", "text/plain", text));
            types.add(bodyProbe(op, target, "content type", "application/xml", "application/xml", "<a/>"));
            types.add(bodyProbe(op, target, "content type", "no content type", null, text));
            types.add(bodyProbe(op, target, "content type", "garbage", "no/such;;=", text));
            if (base.isObject() && base.size() > 0) {
                String key = base.fieldNames().next();
                String repeated = "{" + JSON.valueToTree(key) + ":" + base.get(key) + "," + text.substring(1);
                kind.apply("repeated key")
                        .add(bodyProbe(
                                op, target, "repeated key", "'" + key + "' twice", "application/json", repeated));
            }
            currentRoot = base;
            mutateFields(op, target, base, bodySchema, "", kind.apply("field"), 0);
        }
        // Sample: round-robin over the kinds (field mutations shuffled, fixed seed) up to PER_OPERATION.
        Random random = new Random(op.label().hashCode());
        byKind.values().forEach(list -> Collections.shuffle(list, random));
        List<Probe> sampled = new ArrayList<>();
        List<Iterator<Probe>> iterators =
                byKind.values().stream().map(List::iterator).collect(Collectors.toList());
        boolean any = true;
        while (sampled.size() < PER_OPERATION && any) {
            any = false;
            for (Iterator<Probe> it : iterators) {
                if (it.hasNext() && sampled.size() < PER_OPERATION) {
                    sampled.add(it.next());
                    any = true;
                }
            }
        }
        return sampled;
    }

    private void mutateFields(
            ApiDocument.Op op,
            String target,
            JsonNode base,
            JsonNode schemaRef,
            String at,
            List<Probe> out,
            int depth) {
        JsonNode schema = doc.resolve(schemaRef);
        if (depth > 3 || schema == null) {
            return;
        }
        if (base.isArray() && !base.isEmpty()) {
            mutateFields(op, target, base.get(0), schema.path("items"), at + "[0]", out, depth + 1);
            // A null item.
            out.add(mutated(op, target, at + "[1]", "null item", at, v -> ((ArrayNode) v).addNull()));
            return;
        }
        if (!base.isObject()) {
            return;
        }
        base.fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode propertySchema = doc.resolve(schema.path("properties").path(name));
            String path = at.isEmpty() ? name : at + "." + name;
            JsonNode value = field.getValue();
            Map<String, JsonNode> variants = new LinkedHashMap<>();
            variants.put("null", NODES.nullNode());
            if (value.isTextual()) {
                variants.put("a number", NODES.numberNode(12345));
                variants.put("true", NODES.booleanNode(true));
                variants.put("an object", NODES.objectNode().put("a", 1));
                variants.put("NUL", NODES.textNode("a\u0000b"));
                variants.put("control character U+0007", NODES.textNode("a\u0007b"));
                variants.put("100,000 characters", NODES.textNode(LONG));
                variants.put("empty", NODES.textNode(""));
                variants.put("date -999999999-01-01", NODES.textNode("-999999999-01-01"));
                variants.put("date +999999999-12-31", NODES.textNode("+999999999-12-31"));
                variants.put("date 0000-00-00", NODES.textNode("0000-00-00"));
                variants.put("unknown enum value", NODES.textNode("NOT_A_VALUE"));
            } else if (value.isNumber()) {
                variants.put("a string", NODES.textNode("12"));
                variants.put("1e20", NODES.numberNode(new java.math.BigDecimal("1e20")));
                variants.put("-1e20", NODES.numberNode(new java.math.BigDecimal("-1e20")));
                variants.put("1e-20", NODES.numberNode(new java.math.BigDecimal("1e-20")));
                variants.put(
                        "huge integer", NODES.numberNode(new BigInteger("123456789012345678901234567890123456789")));
                variants.put("-1", NODES.numberNode(-1));
                variants.put("true", NODES.booleanNode(true));
            } else if (value.isBoolean()) {
                variants.put("a string", NODES.textNode("true"));
                variants.put("a number", NODES.numberNode(1));
            } else if (value.isArray()) {
                variants.put("an object", NODES.objectNode());
                variants.put("a string", NODES.textNode("a"));
                variants.put("empty", NODES.arrayNode());
            } else if (value.isObject()) {
                variants.put("an array", NODES.arrayNode());
                variants.put("a string", NODES.textNode("a"));
            }
            variants.forEach((what, replacement) -> out.add(
                    mutated(op, target, path, what, at, v -> ((ObjectNode) v).set(name, replacement.deepCopy()))));
            if (value.isContainerNode()) {
                mutateFields(op, target, value, propertySchema, path, out, depth + 1);
            }
        });
        out.add(mutated(
                op,
                target,
                at.isEmpty() ? "body" : at,
                "unknown property",
                at,
                v -> ((ObjectNode) v).put("zzUnknown\u0001", 1)));
    }

    /** The whole valid body with the node at {@code at} (of the body's root) changed by {@code change}. */
    private Probe mutated(
            ApiDocument.Op op,
            String target,
            String field,
            String what,
            String at,
            java.util.function.Consumer<JsonNode> change) {
        JsonNode copy = currentRoot.deepCopy();
        JsonNode node = locate(copy, at);
        if (node != null) {
            change.accept(node);
        }
        return bodyProbe(op, target, "field", field + ": " + what, "application/json", copy.toString());
    }

    /** The valid body whose fields {@link #mutateFields} is changing. */
    private JsonNode currentRoot;

    private static JsonNode locate(JsonNode root, String at) {
        JsonNode node = root;
        if (at.isEmpty()) {
            return node;
        }
        for (String part : at.replace("[", ".[").split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            node = part.startsWith("[")
                    ? node.path(Integer.parseInt(part.substring(1, part.length() - 1)))
                    : node.path(part);
        }
        return node.isMissingNode() ? null : node;
    }

    private static Probe bodyProbe(ApiDocument.Op op, String target, String kind, String input, String type, String b) {
        return new Probe(kind, input, op.method(), target, type, b.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------------------------------------- sending

    private Seen send(ApiDocument.Op op, Probe probe, boolean anonymous) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b;
            try {
                b = HttpRequest.newBuilder(URI.create(GW + probe.target())).timeout(Duration.ofSeconds(60));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Cannot build " + probe, e);
            }
            if (!anonymous) {
                b.header("Authorization", "Bearer " + adminToken);
            }
            if (probe.contentType() != null && probe.body() != null) {
                b.header("Content-Type", probe.contentType());
            }
            b.header("Accept", "application/json, application/problem+json;q=0.9, */*;q=0.1");
            b.method(
                    probe.method().toUpperCase(),
                    probe.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
            requests++;
            HttpResponse<String> r;
            try {
                r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException e) {
                return new Seen(op, probe, anonymous, 599, "", "no answer within 60 s");
            } catch (IOException e) {
                // The server may close the connection on an oversized body after answering: count what it said.
                return new Seen(op, probe, anonymous, 0, "", "connection: " + e.getMessage());
            }
            if (r.statusCode() == 429 && attempt < 20) {
                long wait = r.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.min(wait, 3) * 1000);
                continue;
            }
            return new Seen(
                    op,
                    probe,
                    anonymous,
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(""),
                    r.body());
        }
    }

    // ---------------------------------------------------------------------------------------------- the checks

    private void check(Seen seen) {
        statuses.merge(seen.status(), 1, Integer::sum);
        String where = seen.op().label() + " [" + seen.probe().kind() + ": "
                + shorten(seen.probe().input()) + (seen.anonymous() ? ", anonymous" : "") + "] → " + seen.status();
        String body = seen.body() == null ? "" : seen.body();
        log.append(where).append(" ").append(shorten(excerpt(body))).append("\n");
        if (seen.status() >= 500 || seen.status() == 0) {
            violations.add(where + " server error or no answer: " + excerpt(body));
        }
        if (seen.status() >= 400 || seen.status() == 0) {
            if (!seen.contentType().startsWith("application/problem+json")) {
                violations.add(where + " not problem+json (" + seen.contentType() + "): " + excerpt(body));
            } else {
                try {
                    JsonNode problem = JSON.readTree(body);
                    if (problem.path("status").asInt() != seen.status()
                            || problem.path("title").asText("").isBlank()) {
                        violations.add(where + " problem without matching status/title: " + excerpt(body));
                    }
                } catch (IOException e) {
                    violations.add(where + " problem body is not JSON: " + excerpt(body));
                }
            }
        }
        // A signed token is random base64url text: it can spell "pg_" or a package path by chance, so it is left out.
        String words = JWT.matcher(body).replaceAll("<token>");
        var leak = CLASS_NAME.matcher(words);
        if (leak.find()) {
            violations.add(where + " names a class ('" + leak.group() + "'): " + excerpt(body));
        }
        var database = DATABASE_TEXT.matcher(words);
        if (database.find()) {
            violations.add(where + " quotes the database ('" + database.group() + "'): " + excerpt(body));
        }
        checkContract(seen, where, body);
    }

    private void checkContract(Seen seen, String where, String body) {
        if (seen.status() < 100 || seen.status() == 429 || seen.status() == 599) {
            return;
        }
        String input = seen.probe().input();
        if (seen.probe().kind().equals("path parameter")
                && (input.endsWith(": empty") || input.endsWith(": encoded slash"))) {
            return; // the path may now name another operation (/api/dossier-jobs/ is the list): checked as fuzz only
        }
        JsonNode responses = seen.op().node().path("responses");
        JsonNode response = responses.path(String.valueOf(seen.status()));
        if (response.isMissingNode()) {
            response = responses.path(seen.status() / 100 + "XX");
        }
        if (response.isMissingNode()) {
            response = responses.path("default");
        }
        if (response.isMissingNode()) {
            contractViolations.add(where + " status not documented (documented: " + iterable(responses.fieldNames())
                    + "): " + excerpt(body));
            return;
        }
        response = doc.resolve(response);
        if (body.isEmpty()) {
            return;
        }
        String mediaType = seen.contentType().split(";")[0].trim();
        JsonNode content = response.path("content");
        JsonNode media = content.path(mediaType);
        if (media.isMissingNode()) {
            media = content.path("*/*");
        }
        if (media.isMissingNode()) {
            contractViolations.add(where + " answers " + mediaType + " but the document declares "
                    + iterable(content.fieldNames()) + ": " + excerpt(body));
            return;
        }
        if (!mediaType.contains("json") || !media.has("schema")) {
            return;
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (IOException e) {
            contractViolations.add(where + " body is not JSON: " + excerpt(body));
            return;
        }
        Set<ValidationMessage> messages = doc.validate(media.get("schema"), parsed);
        if (!messages.isEmpty()) {
            contractViolations.add(where + " body does not match the schema: "
                    + messages.stream()
                            .limit(5)
                            .map(ValidationMessage::getMessage)
                            .collect(Collectors.joining("; ")));
        }
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        return all;
    }

    private static String excerpt(String body) {
        String flat = body.replace('\n', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
