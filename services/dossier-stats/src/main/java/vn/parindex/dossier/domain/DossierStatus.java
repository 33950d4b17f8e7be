package vn.parindex.dossier.domain;

import java.util.Locale;

/** Where a dossier stands. Resolved and returned dossiers are finished; refused, withdrawn and cancelled are excluded. */
public enum DossierStatus {
    RECEIVED,
    PROCESSING,
    SUPPLEMENT_REQUESTED,
    PAUSED,
    RESOLVED,
    RETURNED,
    REFUSED,
    WITHDRAWN,
    CANCELLED;

    public boolean isFinished() {
        return this == RESOLVED || this == RETURNED;
    }

    /** Excluded from every denominator (Decision 766/QĐ-TTg practice). */
    public boolean isExcluded() {
        return this == REFUSED || this == WITHDRAWN || this == CANCELLED;
    }

    /** Accepts {@code supplement requested}, {@code supplement-requested} or {@code SUPPLEMENT_REQUESTED}. */
    public static DossierStatus parse(String raw) {
        return valueOf(raw.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
    }
}
