package vn.parindex.registry.domain;

import java.util.Locale;
import java.util.Set;

/** The level of an administrative unit or agency, and which levels may stand above it. */
public enum Level {
    PROVINCE,
    DISTRICT,
    COMMUNE,
    AGENCY;

    /** Levels a unit of this level may have as its parent; empty means it has no parent. */
    public Set<Level> allowedParents() {
        return switch (this) {
            case PROVINCE -> Set.of();
            case DISTRICT -> Set.of(PROVINCE);
            // Since 2025-07-01 communes sit directly under provinces; before, under districts.
            case COMMUNE -> Set.of(DISTRICT, PROVINCE);
            // Sở, ban, ngành under a province; offices under a district; sub-agencies under an agency.
            case AGENCY -> Set.of(PROVINCE, DISTRICT, AGENCY);
        };
    }

    public boolean requiresParent() {
        return this != PROVINCE;
    }

    /** Reads the lower-case level names of the GSO-derived CSV files ({@code province}, …). */
    public static Level fromCsv(String raw) {
        return valueOf(raw.strip().toUpperCase(Locale.ROOT));
    }
}
