package vn.parindex.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details with ParIndex's stable {@code code} and field-level {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(examples = "urn:parindex:problem:unit-not-found")
        String type,

        @Schema(examples = "Unit not found") String title,
        @Schema(examples = "404") int status,

        @Schema(examples = "No unit with code 99999 is valid on 2025-07-01")
        String detail,

        @Schema(examples = "/api/units/99999") String instance,

        @Schema(description = "Stable machine-readable error code", examples = "UNIT_NOT_FOUND")
        String code,

        @Schema(description = "Field, parameter or row violations")
        List<FieldError> errors,

        @Schema(description = "Extra structured facts about this problem")
        Map<String, Object> context) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static String typeUri(ErrorCode code) {
        return "urn:parindex:problem:"
                + code.code().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
