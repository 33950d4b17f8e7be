package vn.parindex.dossier.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The published rates, each with its numerator, denominator and formula so that anyone can reconcile them with
 * their own figures. Percentages are decimals rounded half-up to 2 places; a rate over nothing is {@code null}.
 */
public final class Rates {

    /** A rate and how it was computed. */
    public record Rate(BigDecimal value, long numerator, long denominator, String formula) {}

    public record All(
            Rate onTimeRateResolved,
            Rate onTimeRateWorkload,
            Rate onlineShare,
            Rate fullOnlineShare,
            Rate level34Share,
            Rate postalShare,
            BigDecimal averageProcessingWorkingDays) {}

    static final String ON_TIME_RESOLVED = "(early + onTime) / resolved × 100 (Decision 766/QĐ-TTg convention)";
    static final String ON_TIME_WORKLOAD = "100 − (late + overdue) / (received + carriedOver) × 100 (workload basis)";
    static final String ONLINE = "online / received × 100";
    static final String FULL_ONLINE = "online dossiers of full-online (toàn trình) procedures / received × 100";
    static final String LEVEL34 = "online dossiers of level-3/4 procedures / received × 100 (Decree 43/2011 scale)";
    static final String POSTAL = "postal / received × 100";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Rates() {}

    public static All of(Counts c) {
        long workload = c.received() + c.carriedOver();
        long lateOrOverdue = c.late() + c.overdue();
        Rate workloadRate = workload == 0
                ? new Rate(null, lateOrOverdue, workload, ON_TIME_WORKLOAD)
                : new Rate(
                        HUNDRED.subtract(percent(lateOrOverdue, workload)),
                        workload - lateOrOverdue,
                        workload,
                        ON_TIME_WORKLOAD);
        BigDecimal avg = c.resolved() == 0
                ? null
                : BigDecimal.valueOf(c.processingWorkingDays())
                        .divide(BigDecimal.valueOf(c.resolved()), 2, RoundingMode.HALF_UP);
        return new All(
                rate(c.early() + c.onTime(), c.resolved(), ON_TIME_RESOLVED),
                workloadRate,
                rate(c.online(), c.received(), ONLINE),
                rate(c.fullOnline(), c.received(), FULL_ONLINE),
                rate(c.level34(), c.received(), LEVEL34),
                rate(c.postal(), c.received(), POSTAL),
                avg);
    }

    private static Rate rate(long numerator, long denominator, String formula) {
        return new Rate(denominator == 0 ? null : percent(numerator, denominator), numerator, denominator, formula);
    }

    private static BigDecimal percent(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator)
                .multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }
}
