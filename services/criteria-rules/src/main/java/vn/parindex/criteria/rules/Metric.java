package vn.parindex.criteria.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * Metrics a rule may read. Dossier metrics come from the dossier-statistics service (their formulas are named
 * there); unit metrics are ratios the unit enters with numerator and denominator during self-assessment.
 */
public enum Metric {
    ON_TIME_RATE_RESOLVED(Origin.DOSSIER_STATS, "(early + on time) / resolved, % (Decision 766/QĐ-TTg convention)"),
    ON_TIME_RATE_WORKLOAD(Origin.DOSSIER_STATS, "100 − (late + overdue) / (received + carried over), %"),
    ONLINE_SHARE(Origin.DOSSIER_STATS, "online dossiers / dossiers received, %"),
    FULL_ONLINE_SHARE(Origin.DOSSIER_STATS, "full-online dossiers / dossiers received, % (Decree 42/2022 scale)"),
    LEVEL34_SHARE(
            Origin.DOSSIER_STATS,
            "online dossiers of level-3/4 services / dossiers received, % (Decree 43/2011 scale)"),
    POSTAL_SHARE(Origin.DOSSIER_STATS, "dossiers by public postal service / dossiers received, %"),
    // The service index's indicators of citizen-side facts (Decision 766/QĐ-TTg; dossier statistics' definition).
    SATISFACTION_RATE(
            Origin.DOSSIER_STATS, "ratings very satisfied or satisfied / ratings, % (unrated dossiers in neither)"),
    ONLINE_PAYMENT_RATE(
            Origin.DOSSIER_STATS, "dossiers with a fee paid online / dossiers with a fee > 0, % (zero fee in neither)"),
    DOSSIER_DIGITISATION_RATE(
            Origin.DOSSIER_STATS, "dossiers with every component digitised / dossiers with components, %"),
    RESULT_ELECTRONIC_RATE(Origin.DOSSIER_STATS, "results issued electronically / results issued, %"),
    DIGITISED_REUSE_RATE(Origin.DOSSIER_STATS, "dossiers reusing digitised data / dossiers with digitisation facts, %"),
    FEEDBACK_ON_TIME_RATE(
            Origin.DOSSIER_STATS,
            "feedback answered on or before its deadline day / feedback answered or past its deadline, %"),
    PLAN_TASK_COMPLETION(Origin.UNIT, "PAR plan tasks done / planned, % (e.g. 69/70 = 98.6 %)", 1),
    TTHC_AT_ONE_STOP_SHARE(Origin.UNIT, "procedures received at the one-stop desk / procedures in competence, %"),
    TTHC_PUBLISHED_ON_TIME(Origin.UNIT, "procedures announced within the deadline / procedures announced, %"),
    SIPAS_PERCENT(Origin.UNIT, "citizen satisfaction index of the unit (SIPAS), %"),
    UNIT_RATIO(Origin.UNIT, "a ratio the criterion defines, entered by the unit as numerator and denominator, %");

    /** Who supplies the metric's value. */
    public enum Origin {
        DOSSIER_STATS,
        UNIT
    }

    /** Decimals of a value as published when a metric does not say (dossier rates: 2). */
    public static final int DEFAULT_DISPLAY_DECIMALS = 2;

    private final Origin origin;
    private final String description;
    private final int displayDecimals;

    Metric(Origin origin, String description) {
        this(origin, description, DEFAULT_DISPLAY_DECIMALS);
    }

    Metric(Origin origin, String description, int displayDecimals) {
        this.origin = origin;
        this.description = description;
        this.displayDecimals = displayDecimals;
    }

    /** How many decimals published reports show (plan completion: 1, "98.6 %"); the value is kept unrounded. */
    public int displayDecimals() {
        return displayDecimals;
    }

    /** A percentage of {@code metric} rounded half-up for display; unknown metrics show 2 decimals. */
    public static java.math.BigDecimal display(String metric, java.math.BigDecimal percent) {
        if (percent == null) {
            return null;
        }
        int decimals = metric == null
                ? DEFAULT_DISPLAY_DECIMALS
                : byName(metric).map(Metric::displayDecimals).orElse(DEFAULT_DISPLAY_DECIMALS);
        return percent.setScale(decimals, java.math.RoundingMode.HALF_UP);
    }

    /** numerator / denominator × 100, unrounded (10 places); {@code null} unless both are given and den > 0. */
    public static java.math.BigDecimal percent(java.math.BigDecimal numerator, java.math.BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() <= 0) {
            return null;
        }
        return numerator
                .multiply(java.math.BigDecimal.valueOf(100))
                .divide(denominator, 10, java.math.RoundingMode.HALF_UP);
    }

    public Origin origin() {
        return origin;
    }

    public String description() {
        return description;
    }

    public static Optional<Metric> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst();
    }
}
