package vn.parindex.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One violation of a field, parameter or row, as listed in a problem's {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FieldError", description = "One invalid field, parameter or row")
public record FieldError(
        @Schema(description = "Field, parameter or JSON path that is wrong", examples = "asOf")
        String field,

        @Schema(description = "What is wrong with it", examples = "must be a date YYYY-MM-DD")
        String message,

        @Schema(description = "The rejected value, when it is safe to echo")
        String rejectedValue,

        @Schema(description = "Line number in an uploaded file (1 = header)")
        Integer line) {

    public static FieldError of(String field, String message) {
        return new FieldError(field, message, null, null);
    }

    public static FieldError of(String field, String message, String rejectedValue) {
        return new FieldError(field, message, rejectedValue, null);
    }

    public static FieldError atLine(int line, String field, String message, String rejectedValue) {
        return new FieldError(field, message, rejectedValue, line);
    }
}
