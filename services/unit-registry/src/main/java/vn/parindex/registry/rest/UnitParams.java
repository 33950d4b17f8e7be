package vn.parindex.registry.rest;

import java.time.LocalDate;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.Params;
import vn.parindex.common.api.VietnamTime;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.domain.UnitCodes;

/** Parsing of the registry's common query and path parameters. */
final class UnitParams {

    private UnitParams() {}

    static String code(String raw) {
        return code("code", raw);
    }

    static String code(String name, String raw) {
        if (!UnitCodes.isWellFormed(raw)) {
            throw ApiException.invalidParameter(
                    name, "must be an official unit code (2, 3 or 5 digits) or an agency code such as 15.SNV", raw);
        }
        return raw;
    }

    static LocalDate asOf(String raw) {
        return Params.dateOrDefault("asOf", raw, VietnamTime.today());
    }

    static Level level(String raw) {
        return Params.enumOrNull("level", raw, Level.class);
    }
}
