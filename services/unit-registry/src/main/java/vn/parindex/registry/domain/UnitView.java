package vn.parindex.registry.domain;

import java.time.LocalDate;

/** One unit version as the read model holds it, with its precomputed search keys. */
public record UnitView(
        String code,
        String name,
        String type,
        Level level,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        String searchName,
        String searchBare,
        String toneKey) {

    public static UnitView of(
            String code,
            String name,
            String type,
            Level level,
            String parentCode,
            LocalDate validFrom,
            LocalDate validTo) {
        return new UnitView(
                code,
                name,
                type,
                level,
                parentCode,
                validFrom,
                validTo,
                NameFolding.fold(name),
                NameFolding.foldBare(name),
                NameFolding.toneKey(name));
    }

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
    }
}
