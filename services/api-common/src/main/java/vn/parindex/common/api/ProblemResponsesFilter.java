package vn.parindex.common.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes every documented error response of every service say what it is: an {@code application/problem+json}
 * {@code Problem}, and adds the answers any operation can give whatever its resource says — the input hygiene of
 * {@link RequestHygiene} and {@link StrictJson} (400), authentication and roles on secured operations (401, 403), a
 * path value that names nothing (404), content negotiation (406, 415), the body limit (413) and the 500. Resources
 * then only name their own statuses and error codes ({@code @APIResponse(responseCode = "404", description =
 * "UNIT_NOT_FOUND")}). Registered with {@code mp.openapi.filter=vn.parindex.common.api.ProblemResponsesFilter}.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    /** Query parameters every service reads as dates with {@link Params} (a date YYYY-MM-DD in the input limits). */
    private static final java.util.Set<String> DATE_PARAMETERS =
            java.util.Set.of("asOf", "from", "to", "receivedOn", "validFrom");

    private static final java.util.Set<String> BOOLEAN_PARAMETERS =
            java.util.Set.of("includeDerived", "includeDescendants", "dryRun", "async");

    /**
     * The resources take every parameter as text and parse it with {@link Params} and {@link PageRequest}, so the
     * generated schema says {@code string}; the names keep one meaning across the services, and say the type here.
     */
    @Override
    public org.eclipse.microprofile.openapi.models.parameters.Parameter filterParameter(
            org.eclipse.microprofile.openapi.models.parameters.Parameter parameter) {
        Schema schema = parameter.getSchema();
        String name = parameter.getName();
        if (name == null
                || schema == null
                || schema.getRef() != null
                || schema.getEnumeration() != null
                || schema.getFormat() != null
                || (schema.getType() != null && !schema.getType().equals(List.of(Schema.SchemaType.STRING)))) {
            return parameter;
        }
        boolean query = parameter.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY;
        if (query && DATE_PARAMETERS.contains(name)) {
            schema.format("date");
            describe(parameter, "A date YYYY-MM-DD, 1900-01-01 to 2199-12-31");
        } else if (query && BOOLEAN_PARAMETERS.contains(name)) {
            schema.type(List.of(Schema.SchemaType.BOOLEAN));
            describe(parameter, "true or false");
        } else if (query && name.equals("page")) {
            schema.type(List.of(Schema.SchemaType.INTEGER)).minimum(java.math.BigDecimal.ZERO);
            describe(parameter, "Page number, from 0 (default 0)");
        } else if (query && name.equals("size")) {
            schema.type(List.of(Schema.SchemaType.INTEGER)).minimum(java.math.BigDecimal.ONE);
            describe(
                    parameter,
                    "Items per page (default " + PageRequest.DEFAULT_SIZE + ", at most " + PageRequest.MAX_SIZE
                            + "; hierarchy reads default 500, at most 20,000)");
        } else if (name.equals("year")) {
            schema.type(List.of(Schema.SchemaType.INTEGER))
                    .minimum(java.math.BigDecimal.valueOf(InputLimits.MIN_DATE.getYear()))
                    .maximum(java.math.BigDecimal.valueOf(InputLimits.MAX_DATE.getYear()));
            describe(parameter, "A year");
        } else if (query && (name.equals("version") || name.equals("limit") || name.equals("workingDays"))) {
            schema.type(List.of(Schema.SchemaType.INTEGER)).minimum(java.math.BigDecimal.ZERO);
        }
        typedExample(parameter);
        return parameter;
    }

    /** An example written as text ({@code example = "2026"}) takes the type the parameter now has. */
    private static void typedExample(org.eclipse.microprofile.openapi.models.parameters.Parameter parameter) {
        Object example = parameter.getExample();
        List<Schema.SchemaType> types = parameter.getSchema().getType();
        if (!(example instanceof String text) || types == null) {
            return;
        }
        try {
            if (types.contains(Schema.SchemaType.INTEGER)) {
                parameter.setExample(Long.valueOf(text.strip()));
            } else if (types.contains(Schema.SchemaType.BOOLEAN)) {
                parameter.setExample(Boolean.valueOf(text.strip()));
            }
        } catch (NumberFormatException e) {
            // left as written: the lint names it
        }
    }

    private static void describe(org.eclipse.microprofile.openapi.models.parameters.Parameter parameter, String text) {
        if (parameter.getDescription() == null || parameter.getDescription().isBlank()) {
            parameter.setDescription(text);
        }
    }

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean body = operation.getRequestBody() != null;
        boolean pathParameters = operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(
                                p -> p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH);
        boolean secured = operation.getSecurity() != null
                && !operation.getSecurity().isEmpty()
                && operation.getSecurity().stream()
                        .noneMatch(r -> r.getSchemes() == null || r.getSchemes().isEmpty());
        addIfAbsent(
                responses,
                "400",
                body
                        ? "INVALID_PARAMETER (a path or query value is malformed, contains a control character or is too"
                                + " long), MALFORMED_BODY (not JSON, a repeated key, a value of the wrong type),"
                                + " VALIDATION_FAILED (a field missing or out of range)"
                        : "INVALID_PARAMETER: a path or query value is malformed, contains a control character or is"
                                + " too long");
        if (secured) {
            addIfAbsent(responses, "401", "NOT_AUTHENTICATED: no bearer token, or one that is not valid");
            addIfAbsent(responses, "403", "FORBIDDEN: the caller's roles do not allow this request");
        }
        if (pathParameters) {
            addIfAbsent(
                    responses,
                    "404",
                    "RESOURCE_NOT_FOUND: the path names nothing (e.g. a path value with an encoded '/')");
        }
        addIfAbsent(responses, "406", "NOT_ACCEPTABLE: the Accept header names no media type this operation answers");
        if (body) {
            addIfAbsent(responses, "413", "REQUEST_TOO_LARGE: the body is over the service's limit");
            addIfAbsent(responses, "415", "UNSUPPORTED_MEDIA_TYPE: the Content-Type is not one this operation reads");
        }
        addIfAbsent(responses, "500", "INTERNAL_ERROR");
        Map<String, APIResponse> all = responses.getAPIResponses();
        if (all != null) {
            all.forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    response.setContent(problemContent());
                }
            });
        }
        return operation;
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas != null) {
            schemas.values().forEach(ProblemResponsesFilter::optionalMeansNullable);
        }
        openAPI.getComponents().addSchema("FieldError", fieldErrorSchema());
        openAPI.getComponents().addSchema("Problem", problemSchema());
    }

    /**
     * A property an object does not list as required may be null: the services write absent values as
     * {@code null} (a unit's {@code validFrom} before the seed, a ranking's {@code previousRank} without a previous
     * campaign …) and read {@code null} as absent. Said in the schemas so that clients generated from them accept
     * what the services send.
     */
    private static void optionalMeansNullable(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new java.util.LinkedHashMap<>(schema.getProperties());
        properties.forEach((name, property) -> {
            if (!required.contains(name)) {
                schema.addProperty(name, nullable(property));
            }
            optionalMeansNullable(property);
            if (property != null && property.getItems() != null) {
                optionalMeansNullable(property.getItems());
            }
        });
    }

    private static Schema nullable(Schema property) {
        if (property == null) {
            return null;
        }
        List<Schema.SchemaType> types = property.getType();
        if (property.getRef() != null || property.getAllOf() != null) {
            if (property.getAnyOf() != null) {
                return property; // already a choice; left as declared
            }
            // {$ref} or {allOf: [$ref]} with a description: null is a second choice beside it.
            Schema value = property.getRef() != null
                    ? OASFactory.createSchema().ref(property.getRef())
                    : OASFactory.createSchema().allOf(property.getAllOf());
            Schema wrapper = OASFactory.createSchema()
                    .description(property.getDescription())
                    .addAnyOf(value)
                    .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
            if (property.getExamples() != null) {
                wrapper.examples(property.getExamples());
            }
            return wrapper;
        }
        if (types != null && !types.isEmpty() && !types.contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                property.addEnumeration(null);
            }
        }
        return property;
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details with a stable machine-readable code")
                .required(List.of("type", "title", "status", "code"))
                .addProperty("type", string("Problem type URI", "urn:parindex:problem:unit-not-found"))
                .addProperty("title", string("Short summary of the problem type", "Unit not found"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .description("HTTP status")
                                .examples(List.of(404)))
                .addProperty("detail", string("What went wrong this time", "No unit has code 99999"))
                .addProperty("instance", string("Path of the request", "/api/units/99999"))
                .addProperty("code", string("Stable error code", "UNIT_NOT_FOUND"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .description("Fields, parameters or file lines that are wrong")
                                .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .addProperty(
                        "context",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.OBJECT)
                                .description("Extra structured facts about this problem"));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One invalid field, parameter or row")
                .addProperty("field", string("Field, parameter or JSON path", "asOf"))
                .addProperty("message", string("What is wrong with it", "must be a date YYYY-MM-DD"))
                .addProperty("rejectedValue", string("The rejected value, when safe to echo", "2025-13-01"))
                .addProperty(
                        "line",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .description("Line in an uploaded file (1 = header)"));
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)
                .description(description)
                .examples(List.of(example));
    }
}
