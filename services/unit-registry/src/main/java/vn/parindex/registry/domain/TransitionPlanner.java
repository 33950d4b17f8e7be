package vn.parindex.registry.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns two snapshots of the administrative structure and the lineage between them into effective-dated
 * versions, change events and lineage edges.
 *
 * <p>Rules: a unit that keeps its code, name, type and parent and whose only predecessor is itself, whole,
 * continues in one version. Every other unit of the new structure opens a version on the effective date through
 * one event (MERGE when it has several predecessors, SPLIT when its one predecessor went only partly into it,
 * otherwise RENAME / RETYPE / REPARENT, CREATE without predecessors). Every unit of the old structure that does not
 * continue is closed the day before. A unit of the old structure that no lineage row names (the 2025 district
 * level) is DISSOLVEd, with lineage edges derived from its children's lineage and marked {@code derived}.
 */
public final class TransitionPlanner {

    /** One row of the lineage file: which old unit went (fully or partly) into which new unit. */
    public record LineageRow(String oldCode, String newCode, Part part) {}

    public record PlannedVersion(UnitAttributes unit, LocalDate validFrom, LocalDate validTo, Integer openedByEvent) {}

    public record PlannedEvent(ChangeKind kind, LocalDate effectiveDate, String legalBasis, String description) {}

    public record PlannedEdge(int event, String predecessorCode, String successorCode, Part part, boolean derived) {}

    public record Plan(List<PlannedVersion> versions, List<PlannedEvent> events, List<PlannedEdge> edges) {}

    /** Legal basis of an event, given the unit it opens (or, for DISSOLVE, the unit it closes). */
    public interface LegalBasis {
        String of(ChangeKind kind, UnitAttributes unit);
    }

    private TransitionPlanner() {}

    public static Plan plan(
            List<UnitAttributes> before,
            List<UnitAttributes> after,
            List<LineageRow> lineage,
            LocalDate effective,
            LegalBasis legalBasis) {
        Map<String, UnitAttributes> old = index(before);
        Map<String, UnitAttributes> neu = index(after);
        Map<String, List<LineageRow>> predecessors = new LinkedHashMap<>();
        Map<String, List<LineageRow>> successors = new LinkedHashMap<>();
        for (LineageRow row : lineage) {
            if (!old.containsKey(row.oldCode())) {
                throw new IllegalArgumentException(
                        "Lineage names " + row.oldCode() + ", which is not in the old structure");
            }
            if (!neu.containsKey(row.newCode())) {
                throw new IllegalArgumentException(
                        "Lineage names " + row.newCode() + ", which is not in the new structure");
            }
            predecessors.computeIfAbsent(row.newCode(), k -> new ArrayList<>()).add(row);
            successors.computeIfAbsent(row.oldCode(), k -> new ArrayList<>()).add(row);
        }

        LocalDate closing = effective.minusDays(1);
        List<PlannedVersion> versions = new ArrayList<>();
        List<PlannedEvent> events = new ArrayList<>();
        List<PlannedEdge> edges = new ArrayList<>();
        Set<String> continuing = new LinkedHashSet<>();
        Map<String, List<UnitAttributes>> childrenOf = new LinkedHashMap<>();
        for (UnitAttributes u : before) {
            if (u.parentCode() != null && u.level() != Level.AGENCY) {
                childrenOf
                        .computeIfAbsent(u.parentCode(), k -> new ArrayList<>())
                        .add(u);
            }
        }

        for (UnitAttributes unit : after) {
            List<LineageRow> preds = predecessors.getOrDefault(unit.code(), List.of());
            UnitAttributes sameCode = old.get(unit.code());
            if (sameCode != null && unit.sameVersionAs(sameCode) && isOnlyItself(unit.code(), preds)) {
                continuing.add(unit.code());
                continue;
            }
            ChangeKind kind = classify(unit, preds, old);
            int event = events.size();
            events.add(new PlannedEvent(kind, effective, legalBasis.of(kind, unit), describe(kind, unit, preds, old)));
            versions.add(new PlannedVersion(unit, effective, null, event));
            for (LineageRow p : preds) {
                edges.add(new PlannedEdge(event, p.oldCode(), unit.code(), p.part(), false));
            }
        }

        for (UnitAttributes unit : before) {
            boolean continues = continuing.contains(unit.code());
            versions.add(new PlannedVersion(unit, null, continues ? null : closing, null));
            if (!continues && !successors.containsKey(unit.code())) {
                int event = events.size();
                events.add(new PlannedEvent(
                        ChangeKind.DISSOLVE,
                        effective,
                        legalBasis.of(ChangeKind.DISSOLVE, unit),
                        "Dissolved: " + unit.name()));
                derivedSuccessors(childrenOf.getOrDefault(unit.code(), List.of()), successors)
                        .forEach((code, part) -> edges.add(new PlannedEdge(event, unit.code(), code, part, true)));
            }
        }
        return new Plan(versions, events, edges);
    }

    private static boolean isOnlyItself(String code, List<LineageRow> preds) {
        return preds.size() == 1
                && preds.getFirst().oldCode().equals(code)
                && preds.getFirst().part() == Part.FULL;
    }

    private static ChangeKind classify(UnitAttributes unit, List<LineageRow> preds, Map<String, UnitAttributes> old) {
        if (preds.isEmpty()) {
            return ChangeKind.CREATE;
        }
        if (preds.size() > 1) {
            return ChangeKind.MERGE;
        }
        LineageRow only = preds.getFirst();
        if (only.part() == Part.PARTIAL) {
            return ChangeKind.SPLIT;
        }
        UnitAttributes before = old.get(only.oldCode());
        if (!only.oldCode().equals(unit.code())) {
            return before.level() == unit.level() ? ChangeKind.RENAME : ChangeKind.RETYPE;
        }
        ChangeKind kind = unit.changeFrom(before);
        // Same attributes but a partial or repeated predecessor: the territory changed, which is a merge.
        return kind == null ? ChangeKind.MERGE : kind;
    }

    private static String describe(
            ChangeKind kind, UnitAttributes unit, List<LineageRow> preds, Map<String, UnitAttributes> old) {
        StringBuilder sb = new StringBuilder(unit.name());
        if (!preds.isEmpty()) {
            sb.append(" ← ");
            for (int i = 0; i < preds.size(); i++) {
                LineageRow p = preds.get(i);
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(old.get(p.oldCode()).name()).append(" (").append(p.oldCode());
                if (p.part() == Part.PARTIAL) {
                    sb.append(", một phần");
                }
                sb.append(')');
            }
        }
        return sb.toString();
    }

    /**
     * Successors of a unit that no lineage row names, through its children: for the districts of 2025, the new
     * communes that took their communes. Whole only when all of it went into a single successor.
     */
    private static Map<String, Part> derivedSuccessors(
            List<UnitAttributes> children, Map<String, List<LineageRow>> successors) {
        Map<String, Part> result = new LinkedHashMap<>();
        boolean allFull = true;
        for (UnitAttributes child : children) {
            for (LineageRow row : successors.getOrDefault(child.code(), List.of())) {
                result.put(row.newCode(), Part.PARTIAL);
                allFull &= row.part() == Part.FULL;
            }
        }
        if (result.size() == 1 && allFull) {
            result.replaceAll((k, v) -> Part.FULL);
        }
        return result;
    }

    private static Map<String, UnitAttributes> index(List<UnitAttributes> units) {
        Map<String, UnitAttributes> map = new LinkedHashMap<>();
        for (UnitAttributes u : units) {
            if (map.put(u.code(), u) != null) {
                throw new IllegalArgumentException("Duplicate code " + u.code());
            }
        }
        return map;
    }
}
