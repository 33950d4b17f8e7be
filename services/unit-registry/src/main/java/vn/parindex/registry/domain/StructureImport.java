package vn.parindex.registry.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.parindex.common.api.FieldError;

/**
 * Checks a unit CSV in the seed files' format ({@code code,name,type,level,parent_code}) against the registry
 * and says, row by row, what importing it on {@code validFrom} would do: create a unit, open a new version of one,
 * or nothing. Every problem is reported with its line; the caller stores nothing unless there is none.
 */
public final class StructureImport {

    static final List<String> HEADER = List.of("code", "name", "type", "level", "parent_code");

    /** The latest version of a code in the registry. */
    public record Existing(UnitAttributes unit, LocalDate validFrom, LocalDate validTo) {
        boolean validOn(LocalDate day) {
            return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
        }
    }

    public enum Outcome {
        CREATE,
        CHANGE,
        UNCHANGED
    }

    public record Planned(int line, UnitAttributes unit, Outcome outcome, ChangeKind kind) {}

    public record Result(List<Planned> rows, List<FieldError> errors) {
        public long count(Outcome outcome) {
            return rows.stream().filter(r -> r.outcome() == outcome).count();
        }
    }

    private StructureImport() {}

    public static Result check(List<Csv.Row> csv, LocalDate validFrom, Map<String, Existing> registry) {
        List<FieldError> errors = new ArrayList<>();
        if (csv.isEmpty()) {
            errors.add(FieldError.atLine(1, "header", "the file is empty; expected " + String.join(",", HEADER), null));
            return new Result(List.of(), errors);
        }
        List<String> header = csv.getFirst().fields().stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        if (!header.equals(HEADER)) {
            errors.add(FieldError.atLine(1, "header", "must be " + String.join(",", HEADER), String.join(",", header)));
            return new Result(List.of(), errors);
        }
        Map<String, UnitAttributes> inFile = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        List<Csv.Row> rows = csv.subList(1, csv.size());
        List<Csv.Row> parsedRows = new ArrayList<>();
        for (Csv.Row row : rows) {
            UnitAttributes unit = parse(row, errors);
            if (unit == null) {
                continue;
            }
            if (lineOf.containsKey(unit.code())) {
                errors.add(
                        FieldError.atLine(row.line(), "code", "also on line " + lineOf.get(unit.code()), unit.code()));
                continue;
            }
            inFile.put(unit.code(), unit);
            lineOf.put(unit.code(), row.line());
            parsedRows.add(row);
        }
        List<Planned> planned = new ArrayList<>();
        for (Csv.Row row : parsedRows) {
            UnitAttributes unit = inFile.get(row.get(0).strip());
            int before = errors.size();
            checkParent(row.line(), unit, inFile, registry, validFrom, errors);
            Existing existing = registry.get(unit.code());
            Outcome outcome = Outcome.CREATE;
            ChangeKind kind = ChangeKind.CREATE;
            if (existing != null) {
                if (existing.validTo() != null) {
                    errors.add(FieldError.atLine(
                            row.line(),
                            "code",
                            "was closed on " + existing.validTo() + "; official codes are never reused",
                            unit.code()));
                } else if (existing.validFrom() != null && !validFrom.isAfter(existing.validFrom())) {
                    errors.add(FieldError.atLine(
                            row.line(),
                            "code",
                            "has a version from " + existing.validFrom() + "; a new version must start after it",
                            unit.code()));
                } else if (existing.unit().level() != unit.level()) {
                    errors.add(FieldError.atLine(
                            row.line(),
                            "level",
                            "is " + existing.unit().level()
                                    + " in the registry; a level change is a merge or split event",
                            unit.level().name()));
                } else {
                    kind = unit.changeFrom(existing.unit());
                    outcome = kind == null ? Outcome.UNCHANGED : Outcome.CHANGE;
                }
            }
            if (errors.size() == before) {
                planned.add(new Planned(row.line(), unit, outcome, kind));
            }
        }
        errors.sort(java.util.Comparator.comparing(FieldError::line));
        return new Result(planned, errors);
    }

    private static UnitAttributes parse(Csv.Row row, List<FieldError> errors) {
        int line = row.line();
        if (row.fields().size() != HEADER.size()) {
            errors.add(FieldError.atLine(line, "row", "has " + row.fields().size() + " fields, expected 5", null));
            return null;
        }
        String code = row.get(0).strip();
        String name = Normalizer.normalize(row.get(1).strip(), Normalizer.Form.NFC);
        String type = Normalizer.normalize(row.get(2).strip(), Normalizer.Form.NFC);
        String parent = row.get(4).strip();
        Level level;
        try {
            level = Level.fromCsv(row.get(3));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.atLine(line, "level", "must be province, district, commune or agency", row.get(3)));
            return null;
        }
        int before = errors.size();
        String codeProblem = UnitCodes.problemFor(code, level);
        if (codeProblem != null) {
            errors.add(FieldError.atLine(line, "code", codeProblem, code));
        }
        if (name.isEmpty() || name.length() > 200) {
            errors.add(FieldError.atLine(line, "name", "must be 1 to 200 characters", name));
        }
        if (type.isEmpty() || type.length() > 64) {
            errors.add(FieldError.atLine(line, "type", "must be 1 to 64 characters", type));
        }
        if (errors.size() > before) {
            return null;
        }
        return new UnitAttributes(code, name, type, level, parent.isEmpty() ? null : parent);
    }

    private static void checkParent(
            int line,
            UnitAttributes unit,
            Map<String, UnitAttributes> inFile,
            Map<String, Existing> registry,
            LocalDate day,
            List<FieldError> errors) {
        String parent = unit.parentCode();
        if (parent == null) {
            if (unit.level().requiresParent()) {
                errors.add(FieldError.atLine(line, "parent_code", "is required for a " + unit.level(), null));
            }
            return;
        }
        if (!unit.level().requiresParent()) {
            errors.add(FieldError.atLine(line, "parent_code", "must be empty for a province", parent));
            return;
        }
        Level parentLevel = null;
        if (inFile.containsKey(parent)) {
            parentLevel = inFile.get(parent).level();
        } else if (registry.containsKey(parent) && registry.get(parent).validOn(day)) {
            parentLevel = registry.get(parent).unit().level();
        }
        if (parentLevel == null) {
            errors.add(FieldError.atLine(
                    line, "parent_code", "is neither in the file nor a unit valid on " + day, parent));
        } else if (!unit.level().allowedParents().contains(parentLevel)) {
            errors.add(FieldError.atLine(
                    line,
                    "parent_code",
                    "is a " + parentLevel + "; a " + unit.level() + " may only sit under "
                            + unit.level().allowedParents(),
                    parent));
        } else if (formsCycle(unit.code(), inFile)) {
            errors.add(FieldError.atLine(line, "parent_code", "makes the unit its own ancestor", parent));
        }
    }

    private static boolean formsCycle(String code, Map<String, UnitAttributes> inFile) {
        Set<String> seen = new HashSet<>();
        String current = code;
        while (current != null && inFile.containsKey(current)) {
            if (!seen.add(current)) {
                return true;
            }
            current = inFile.get(current).parentCode();
        }
        return false;
    }
}
