package vn.parindex.common.api;

/**
 * The roles of ParIndex tokens (claim {@code groups}), as in the security model: {@code unit-officer} is scoped to
 * the unit codes of the {@code units} claim, {@code appraiser} optionally to the campaign codes of
 * {@code campaigns}. Requests without a token are anonymous and read only reference data and published results.
 */
public final class Roles {

    private Roles() {}

    public static final String ADMIN = "admin";
    public static final String CATALOGUE_EDITOR = "catalogue-editor";
    public static final String UNIT_OFFICER = "unit-officer";
    public static final String APPRAISER = "appraiser";
    public static final String INTEGRATION = "integration";

    /** Token claim listing the unit codes a unit officer acts for. */
    public static final String UNITS_CLAIM = "units";

    /** Token claim listing the campaign codes an appraiser appraises (absent: every campaign). */
    public static final String CAMPAIGNS_CLAIM = "campaigns";
}
