package vn.parindex.scoring.store;

import java.util.List;

/** The columns of the {@code score} row one stage of scoring writes, and the history action it records. */
public enum Stage {
    SELF(
            "SELF_SCORE",
            List.of(
                    "self_points",
                    "self_level",
                    "self_numerator",
                    "self_denominator",
                    "self_not_applicable",
                    "self_explanation",
                    "evidence")),
    APPRAISAL_1(
            "APPRAISAL_ROUND_1",
            List.of(
                    "appraisal1_points",
                    "appraisal1_level",
                    "appraisal1_numerator",
                    "appraisal1_denominator",
                    "appraisal1_reason")),
    EXPLANATION("UNIT_EXPLANATION", List.of("unit_explanation")),
    APPRAISAL_2("APPRAISAL_ROUND_2", Stage.round2()),
    CORRECTION("CORRECTION", Stage.round2()),
    SURVEY("SURVEY_SCORE", List.of("survey_points", "survey_value", "survey_sample_size", "survey_standard_error")),
    AUTO("AUTO_SCORE", List.of("auto_value", "auto_numerator", "auto_denominator", "auto_fetched_at"));

    private static List<String> round2() {
        return List.of(
                "appraisal2_points",
                "appraisal2_level",
                "appraisal2_numerator",
                "appraisal2_denominator",
                "appraisal2_reason");
    }

    final String action;
    final List<String> columns;

    Stage(String action, List<String> columns) {
        this.action = action;
        this.columns = columns;
    }
}
