package vn.parindex.catalogue;

import vn.parindex.common.api.ErrorCode;

/** Stable error codes of the criteria catalogue. */
public final class CatalogueError {

    private CatalogueError() {}

    public static final ErrorCode CRITERIA_SET_NOT_FOUND =
            ErrorCode.of("CRITERIA_SET_NOT_FOUND", 404, "Criteria set not found");

    public static final ErrorCode NODE_NOT_FOUND =
            ErrorCode.of("NODE_NOT_FOUND", 404, "Node not found in the criteria set");

    public static final ErrorCode CRITERIA_SET_EXISTS =
            ErrorCode.of("CRITERIA_SET_EXISTS", 409, "A criteria set with this code exists");

    public static final ErrorCode CRITERIA_SET_PUBLISHED =
            ErrorCode.of("CRITERIA_SET_PUBLISHED", 409, "A published criteria set cannot change");

    public static final ErrorCode CRITERIA_SET_ARCHIVED =
            ErrorCode.of("CRITERIA_SET_ARCHIVED", 409, "An archived criteria set cannot change");

    public static final ErrorCode DUPLICATE_NODE_CODE =
            ErrorCode.of("DUPLICATE_NODE_CODE", 409, "Node code used twice in the criteria set");

    public static final ErrorCode POINTS_MISMATCH =
            ErrorCode.of("POINTS_MISMATCH", 400, "Maximum points do not add up");

    public static final ErrorCode UNKNOWN_METRIC = ErrorCode.of("UNKNOWN_METRIC", 400, "Unknown metric");

    public static final ErrorCode INVALID_RULE = ErrorCode.of("INVALID_RULE", 400, "Invalid scoring rule");

    public static final ErrorCode INVALID_CRITERIA_SET =
            ErrorCode.of("INVALID_CRITERIA_SET", 400, "Invalid criteria set");

    public static final ErrorCode SCORE_ABOVE_MAX =
            ErrorCode.of("SCORE_ABOVE_MAX", 400, "Points outside 0 and the maximum");

    public static final ErrorCode SCORE_NOT_ON_STEP =
            ErrorCode.of("SCORE_NOT_ON_STEP", 400, "Points not on the criterion's step");

    public static final ErrorCode UNKNOWN_NODE =
            ErrorCode.of("UNKNOWN_NODE", 400, "Input names a node the criteria set does not have");

    public static final ErrorCode INVALID_EVALUATION_INPUT =
            ErrorCode.of("INVALID_EVALUATION_INPUT", 400, "Invalid evaluation input");

    public static final ErrorCode REVISION_MISMATCH =
            ErrorCode.of("REVISION_MISMATCH", 412, "The criteria set changed since it was read");
}
