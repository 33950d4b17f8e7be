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
    PLAN_TASK_COMPLETION(Origin.UNIT, "PAR plan tasks done / planned, % (e.g. 69/70 = 98.6 %)"),
    TTHC_AT_ONE_STOP_SHARE(Origin.UNIT, "procedures received at the one-stop desk / procedures in competence, %"),
    TTHC_PUBLISHED_ON_TIME(Origin.UNIT, "procedures announced within the deadline / procedures announced, %"),
    SIPAS_PERCENT(Origin.UNIT, "citizen satisfaction index of the unit (SIPAS), %"),
    UNIT_RATIO(Origin.UNIT, "a ratio the criterion defines, entered by the unit as numerator and denominator, %");

    /** Who supplies the metric's value. */
    public enum Origin {
        DOSSIER_STATS,
        UNIT
    }

    private final Origin origin;
    private final String description;

    Metric(Origin origin, String description) {
        this.origin = origin;
        this.description = description;
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
