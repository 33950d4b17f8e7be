package vn.parindex.criteria.rules;

import java.util.Map;

/** One broken rule of a criteria set or of an evaluation input, with the path of the offending field. */
public record Violation(Kind kind, String path, String message, String rejectedValue, Map<String, Object> facts) {

    /** Kinds map to stable API error codes. */
    public enum Kind {
        POINTS_MISMATCH,
        DUPLICATE_NODE_CODE,
        UNKNOWN_METRIC,
        INVALID_RULE,
        INVALID_SET,
        SCORE_ABOVE_MAX,
        SCORE_NOT_ON_STEP,
        UNKNOWN_NODE,
        INVALID_INPUT
    }

    public static Violation of(Kind kind, String path, String message, Object rejected) {
        return new Violation(kind, path, message, rejected == null ? null : String.valueOf(rejected), Map.of());
    }
}
