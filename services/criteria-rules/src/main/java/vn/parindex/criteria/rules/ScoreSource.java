package vn.parindex.criteria.rules;

/** Where a node's points come from in a campaign. */
public enum ScoreSource {
    /** Self-assessment with evidence, then appraisal. */
    APPRAISED,
    /** Sociological survey results, entered as points or a percentage. */
    SURVEY,
    /** Computed from a metric fed by another system (dossier statistics). */
    AUTO
}
