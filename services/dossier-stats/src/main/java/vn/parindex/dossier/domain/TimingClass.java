package vn.parindex.dossier.domain;

import java.time.LocalDate;

/**
 * The timing rule, its only definition: finished dossiers are early (before the due date), on time (on it) or
 * late (after it); unfinished ones, on a given day, are within time up to and including their due date and
 * overdue after it; excluded ones do not count (Decision 766/QĐ-TTg practice). The finished classes are stored at
 * ingestion as {@code dossier.finish_class} with their explicit {@link #code()}; statistics' SQL reads those codes
 * and mirrors {@link #on} (checked against it on PostgreSQL by {@code TimingRuleSqlTest}).
 */
public enum TimingClass {
    EARLY(1),
    ON_TIME(2),
    LATE(3),
    PENDING_WITHIN_TIME(0),
    OVERDUE(0),
    EXCLUDED(0);

    private final int code;

    TimingClass(int code) {
        this.code = code;
    }

    /**
     * The stored {@code finish_class} of a finished class; never an ordinal, so reordering the constants cannot
     * change what stored rows mean.
     */
    public int code() {
        if (code == 0) {
            throw new IllegalStateException(this + " is not stored");
        }
        return code;
    }

    /** Class of a finished dossier, {@link #EXCLUDED}, or {@code null} while it is unfinished. */
    public static TimingClass ofFinished(DossierStatus status, LocalDate due, LocalDate finished) {
        if (status.isExcluded()) {
            return EXCLUDED;
        }
        if (!status.isFinished()) {
            return null;
        }
        int cmp = finished.compareTo(due);
        return cmp < 0 ? EARLY : cmp == 0 ? ON_TIME : LATE;
    }

    /**
     * Class of a dossier on {@code day}, or {@code null} when it is not received yet: finished ones by then keep
     * their finished class; the others are within time up to and including their due date, overdue after it.
     */
    public static TimingClass on(
            DossierStatus status, LocalDate received, LocalDate due, LocalDate finished, LocalDate day) {
        if (status.isExcluded()) {
            return EXCLUDED;
        }
        if (received.isAfter(day)) {
            return null;
        }
        if (status.isFinished() && !finished.isAfter(day)) {
            return ofFinished(status, due, finished);
        }
        return day.isAfter(due) ? OVERDUE : PENDING_WITHIN_TIME;
    }
}
