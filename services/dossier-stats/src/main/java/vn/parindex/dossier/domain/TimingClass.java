package vn.parindex.dossier.domain;

import java.time.LocalDate;

/**
 * Timing of a dossier against its due date: finished ones are early (before the due date), on time (on it) or
 * late (after it); unfinished ones, on a given day, are within time or overdue; excluded ones do not count.
 */
public enum TimingClass {
    EARLY,
    ON_TIME,
    LATE,
    PENDING_WITHIN_TIME,
    OVERDUE,
    EXCLUDED;

    /** Class of a finished dossier, or {@code null} when it is not finished. */
    public static TimingClass ofFinished(DossierStatus status, LocalDate due, LocalDate finished) {
        if (status.isExcluded()) {
            return EXCLUDED;
        }
        if (!status.isFinished() || finished == null) {
            return null;
        }
        int cmp = finished.compareTo(due);
        return cmp < 0 ? EARLY : cmp == 0 ? ON_TIME : LATE;
    }

    /** Class of a dossier on {@code day}: unfinished ones are within time up to and including their due date. */
    public static TimingClass on(DossierStatus status, LocalDate due, LocalDate finished, LocalDate day) {
        if (status.isExcluded()) {
            return EXCLUDED;
        }
        if (status.isFinished() && finished != null && !finished.isAfter(day)) {
            return ofFinished(status, due, finished);
        }
        return day.isAfter(due) ? OVERDUE : PENDING_WITHIN_TIME;
    }
}
