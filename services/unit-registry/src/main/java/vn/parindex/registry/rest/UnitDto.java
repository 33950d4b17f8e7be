package vn.parindex.registry.rest;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.domain.UnitView;
import vn.parindex.registry.store.UnitVersion;

/** One version of a unit as clients see it. */
@Schema(name = "Unit", description = "One effective-dated version of an administrative unit or agency")
public record UnitDto(
        @Schema(description = "Official code (GSO code for administrative units)", examples = "04252")
        String code,

        @Schema(description = "Full official name with its type prefix", examples = "Phường Yên Ninh")
        String name,

        @Schema(description = "Unit type, lower-case Vietnamese", examples = "phường")
        String type,

        @Schema(examples = "COMMUNE") Level level,

        @Schema(description = "Code of the parent unit on the same dates; null for provinces", examples = "132")
        String parentCode,

        @Schema(description = "First day of this version; null when it predates the registry's records")
        LocalDate validFrom,

        @Schema(description = "Last day of this version; null while valid", examples = "2025-06-30")
        LocalDate validTo) {

    public static UnitDto of(UnitVersion v) {
        return new UnitDto(v.code, v.name, v.type, v.level, v.parentCode, v.validFrom, v.validTo);
    }

    public static UnitDto of(UnitView v) {
        return new UnitDto(v.code(), v.name(), v.type(), v.level(), v.parentCode(), v.validFrom(), v.validTo());
    }
}
