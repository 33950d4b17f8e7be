package vn.parindex.common.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that is well-formed but outside {@link InputLimits}; Jackson adds the path of the field as the
 * exception travels up, and the problem mapper names it with {@link #reason()}.
 */
public final class RejectedInput extends MismatchedInputException {

    private final String reason;
    private final transient Object value;

    RejectedInput(JsonParser parser, String reason, Object value, Class<?> type) {
        super(parser, reason, type);
        this.reason = reason;
        this.value = value;
    }

    public String reason() {
        return reason;
    }

    public Object value() {
        return value;
    }
}
