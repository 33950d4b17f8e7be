package vn.parindex.scoring;

import vn.parindex.common.api.ErrorCode;

/** Stable error codes of scoring and ranking. */
public final class ScoringError {

    private ScoringError() {}

    public static final ErrorCode CAMPAIGN_NOT_FOUND = ErrorCode.of("CAMPAIGN_NOT_FOUND", 404, "Campaign not found");

    public static final ErrorCode CAMPAIGN_EXISTS = ErrorCode.of("CAMPAIGN_EXISTS", 409, "Campaign code in use");

    public static final ErrorCode UNIT_NOT_IN_CAMPAIGN =
            ErrorCode.of("UNIT_NOT_IN_CAMPAIGN", 404, "The unit is not a member of the campaign");

    public static final ErrorCode CRITERION_NOT_FOUND =
            ErrorCode.of("CRITERION_NOT_FOUND", 404, "No such leaf criterion in the campaign's criteria set");

    /** A body names a set the catalogue does not have (the catalogue's own read of it is 404 CRITERIA_SET_NOT_FOUND). */
    public static final ErrorCode UNKNOWN_CRITERIA_SET =
            ErrorCode.of("UNKNOWN_CRITERIA_SET", 400, "The criteria catalogue has no such criteria set");

    public static final ErrorCode CRITERIA_SET_NOT_PUBLISHED =
            ErrorCode.of("CRITERIA_SET_NOT_PUBLISHED", 409, "Only a published criteria set can be scored");

    /** A body names a group the registry does not have (the registry's own read of it is 404 GROUP_NOT_FOUND). */
    public static final ErrorCode UNKNOWN_GROUP =
            ErrorCode.of("UNKNOWN_GROUP", 400, "The unit registry has no such peer group");

    public static final ErrorCode SCORE_ABOVE_MAX = ErrorCode.of("SCORE_ABOVE_MAX", 400, "Points above the maximum");

    public static final ErrorCode SCORE_NOT_ON_STEP =
            ErrorCode.of("SCORE_NOT_ON_STEP", 400, "Points not on the criterion's step");

    public static final ErrorCode INVALID_SCORE = ErrorCode.of("INVALID_SCORE", 400, "Invalid score");

    public static final ErrorCode INVALID_TRANSITION =
            ErrorCode.of("INVALID_TRANSITION", 409, "The campaign is not in a state that allows this");

    public static final ErrorCode SELF_ASSESSMENT_LOCKED =
            ErrorCode.of("SELF_ASSESSMENT_LOCKED", 409, "Self-assessment is locked (deadline passed or closed)");

    public static final ErrorCode ASSESSMENT_SUBMITTED =
            ErrorCode.of("ASSESSMENT_SUBMITTED", 409, "The self-assessment is submitted; withdraw it to edit");

    public static final ErrorCode CAMPAIGN_PUBLISHED =
            ErrorCode.of("CAMPAIGN_PUBLISHED", 409, "The campaign is published; use a correction");

    public static final ErrorCode RANKING_NOT_FOUND =
            ErrorCode.of("RANKING_NOT_FOUND", 404, "No published ranking for this campaign");

    public static final ErrorCode INDEX_NOT_FOUND =
            ErrorCode.of("INDEX_NOT_FOUND", 404, "No values for this index and year");

    public static final ErrorCode INVALID_IMPORT = ErrorCode.of("INVALID_IMPORT", 400, "Nothing importable");

    public static final ErrorCode REGISTRY_UNAVAILABLE =
            ErrorCode.of("REGISTRY_UNAVAILABLE", 503, "The unit registry is unavailable");

    public static final ErrorCode CATALOGUE_UNAVAILABLE =
            ErrorCode.of("CATALOGUE_UNAVAILABLE", 503, "The criteria catalogue is unavailable");

    public static final ErrorCode DOSSIER_STATS_UNAVAILABLE =
            ErrorCode.of("DOSSIER_STATS_UNAVAILABLE", 503, "Dossier statistics is unavailable");

    public static final ErrorCode CRITERIA_SET_LEVEL_MISMATCH = ErrorCode.of(
            "CRITERIA_SET_LEVEL_MISMATCH", 400, "The criteria set scores another level than the group's units");

    public static final ErrorCode CAMPAIGN_YEAR_MISMATCH = ErrorCode.of(
            "CAMPAIGN_YEAR_MISMATCH", 400, "The criteria set, group or previous campaign is of another year");

    public static final ErrorCode MIXED_LEVELS =
            ErrorCode.of("MIXED_LEVELS", 400, "The group's members are not all of one level");

    public static final ErrorCode RESULTS_INCOMPLETE = ErrorCode.of(
            "RESULTS_INCOMPLETE", 409, "Units have missing scores; score them or exclude them with a reason");

    public static final ErrorCode UNKNOWN_UNITS =
            ErrorCode.of("UNKNOWN_UNITS", 400, "Unit codes the registry does not know on that date");

    public static final ErrorCode ASSESSMENT_CHANGED = ErrorCode.of(
            "ASSESSMENT_CHANGED", 412, "The assessment changed since it was read (If-Match names an older ETag)");

    public static final ErrorCode INVALID_RESULTS = ErrorCode.of("INVALID_RESULTS", 400, "Invalid published results");

    public static final ErrorCode SURVEY_SAMPLE_MISSING = ErrorCode.of(
            "SURVEY_SAMPLE_MISSING",
            409,
            "Survey results without a sample size or standard error; import them with one, or ask with"
                    + " surveyStandardError");

    public static final ErrorCode RESULTS_WITHOUT_PARTS = ErrorCode.of(
            "RESULTS_WITHOUT_PARTS",
            409,
            "Ranked results without part or field points (imported totals, or scores still being entered): no"
                    + " component to vary");

    public static final ErrorCode NOTHING_RANKED =
            ErrorCode.of("NOTHING_RANKED", 409, "The campaign has no ranked unit to analyse");

    public static final ErrorCode CONTEST_NOT_FOUND =
            ErrorCode.of("CONTEST_NOT_FOUND", 404, "No such contest in this campaign");

    public static final ErrorCode CONTEST_WINDOW_CLOSED = ErrorCode.of(
            "CONTEST_WINDOW_CLOSED", 409, "Contests are taken only on a preliminary ranking before its deadline");

    public static final ErrorCode CONTEST_DECIDED =
            ErrorCode.of("CONTEST_DECIDED", 409, "The contest is already decided or lapsed");

    public static final ErrorCode CONTESTS_OPEN =
            ErrorCode.of("CONTESTS_OPEN", 409, "Contests are undecided and the contest deadline has not passed");
}
