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
 * {@code Problem}, and adds the 500 that any operation can answer. Resources then only name the status and the
 * error codes ({@code @APIResponse(responseCode = "404", description = "UNIT_NOT_FOUND")}). Registered with
 * {@code mp.openapi.filter=vn.parindex.common.api.ProblemResponsesFilter}.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (responses.getAPIResponse("500") == null) {
            responses.addAPIResponse("500", OASFactory.createAPIResponse().description("INTERNAL_ERROR"));
        }
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

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("FieldError", fieldErrorSchema());
        openAPI.getComponents().addSchema("Problem", problemSchema());
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
