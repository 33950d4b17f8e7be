package vn.parindex.catalogue;

import vn.parindex.common.api.ErrorCode;

/** Stable error codes of the criteria catalogue. */
public enum CatalogueError implements ErrorCode {
    CRITERIA_SET_NOT_FOUND(404, "Criteria set not found"),
    NODE_NOT_FOUND(404, "Node not found in the criteria set"),
    CRITERIA_SET_EXISTS(409, "A criteria set with this code exists"),
    CRITERIA_SET_PUBLISHED(409, "A published criteria set cannot change"),
    CRITERIA_SET_ARCHIVED(409, "An archived criteria set cannot change"),
    DUPLICATE_NODE_CODE(409, "Node code used twice in the criteria set"),
    POINTS_MISMATCH(400, "Maximum points do not add up"),
    UNKNOWN_METRIC(400, "Unknown metric"),
    INVALID_RULE(400, "Invalid scoring rule"),
    INVALID_CRITERIA_SET(400, "Invalid criteria set"),
    SCORE_ABOVE_MAX(400, "Points outside 0 and the maximum"),
    SCORE_NOT_ON_STEP(400, "Points not on the criterion's step"),
    UNKNOWN_NODE(400, "Input names a node the criteria set does not have"),
    INVALID_EVALUATION_INPUT(400, "Invalid evaluation input"),
    REVISION_MISMATCH(412, "The criteria set changed since it was read");

    private final int status;
    private final String title;

    CatalogueError(int status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
