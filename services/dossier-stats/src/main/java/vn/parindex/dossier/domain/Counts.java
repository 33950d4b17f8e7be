package vn.parindex.dossier.domain;

/** Dossier counts of one statistics row (a unit, month, procedure, … over a period). */
public record Counts(
        long received,
        long carriedOver,
        long resolved,
        long early,
        long onTime,
        long late,
        long pendingWithinTime,
        long overdue,
        long excluded,
        long online,
        long fullOnline,
        long level34,
        long postal,
        long processingWorkingDays) {}
