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
        long processingWorkingDays) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The counts of two disjoint sets of dossiers over the same period, taken together. */
    public Counts plus(Counts o) {
        return new Counts(
                received + o.received,
                carriedOver + o.carriedOver,
                resolved + o.resolved,
                early + o.early,
                onTime + o.onTime,
                late + o.late,
                pendingWithinTime + o.pendingWithinTime,
                overdue + o.overdue,
                excluded + o.excluded,
                online + o.online,
                fullOnline + o.fullOnline,
                level34 + o.level34,
                postal + o.postal,
                processingWorkingDays + o.processingWorkingDays);
    }
}
