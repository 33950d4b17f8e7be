package vn.parindex.common.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Validates a request body after the caller's rights are checked, for operations whose access depends on the path
 * (a unit officer's own unit, an appraiser's own campaign): a caller without the right learns 403, not what the
 * body lacks. The violations answer exactly as {@code @Valid} ones do (400 VALIDATION_FAILED naming each field).
 */
public final class Bodies {

    private Bodies() {}

    public static <T> T valid(Validator validator, T body) {
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
