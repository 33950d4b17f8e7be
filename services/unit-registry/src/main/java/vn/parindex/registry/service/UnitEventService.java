package vn.parindex.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.FieldError;
import vn.parindex.registry.RegistryError;
import vn.parindex.registry.domain.ChangeKind;
import vn.parindex.registry.domain.Part;
import vn.parindex.registry.domain.UnitAttributes;
import vn.parindex.registry.domain.UnitCodes;
import vn.parindex.registry.domain.UnitsChanged;
import vn.parindex.registry.store.LineageEdge;
import vn.parindex.registry.store.UnitEvent;
import vn.parindex.registry.store.UnitRepository;
import vn.parindex.registry.store.UnitVersion;

/**
 * Merges, splits and dissolutions: several units change on one date under one legal basis. Predecessors close
 * the day before, successors open on the date, lineage edges link them, and children of closed units move to a
 * successor (by default the merged unit; for splits and dissolutions the request says where each child goes).
 */
@ApplicationScoped
public class UnitEventService {

    /** A predecessor and how much of it goes into the successors. */
    public record Predecessor(String code, Part part) {}

    /** A successor: an existing predecessor code that continues, or a new unit. */
    public record Successor(
            String code, String name, String type, vn.parindex.registry.domain.Level level, String parentCode) {}

    public record EventRequest(
            ChangeKind kind,
            LocalDate effectiveDate,
            String legalBasis,
            String description,
            List<Predecessor> predecessors,
            List<Successor> successors,
            Map<String, String> childMoves,
            String actor) {}

    public record Recorded(UnitEvent event, List<LineageEdge> edges) {}

    private final UnitRepository units;
    private final UnitChangeService changes;
    private final Event<UnitsChanged> changed;

    public UnitEventService(UnitRepository units, UnitChangeService changes, Event<UnitsChanged> changed) {
        this.units = units;
        this.changes = changes;
        this.changed = changed;
    }

    @Transactional
    public Recorded recordEvent(EventRequest request) {
        LocalDate day = request.effectiveDate();
        LocalDate eve = day.minusDays(1);
        List<Predecessor> preds = request.predecessors() == null ? List.of() : request.predecessors();
        List<Successor> succs = request.successors() == null ? List.of() : request.successors();
        checkShape(request.kind(), preds, succs);

        Map<String, UnitVersion> closing = new LinkedHashMap<>();
        for (int i = 0; i < preds.size(); i++) {
            Predecessor p = preds.get(i);
            UnitVersion latest = latestOpen(p.code(), day, "predecessors[" + i + "].code");
            if (closing.put(p.code(), latest) != null) {
                throw invalid("predecessors[" + i + "].code", "is listed twice", p.code());
            }
        }

        List<UnitAttributes> opening = new ArrayList<>();
        if (request.kind() != ChangeKind.DISSOLVE) {
            for (int i = 0; i < succs.size(); i++) {
                opening.add(successor(succs.get(i), closing, "successors[" + i + "]"));
            }
        } else {
            for (int i = 0; i < succs.size(); i++) {
                // Units that receive the territory of dissolved ones; they go on unchanged.
                String code = succs.get(i).code();
                String field = "successors[" + i + "].code";
                if (code == null || units.findAsOf(code, day).isEmpty() || closing.containsKey(code)) {
                    throw invalid(field, "must be a unit that is valid on " + day + " and not dissolved", code);
                }
            }
        }

        Map<String, String> moves = childMoves(request, closing, opening, day);

        String description =
                request.description() == null || request.description().isBlank()
                        ? request.kind() + " of " + String.join(", ", closing.keySet())
                        : request.description();
        UnitEvent event = UnitEvent.of(
                request.kind(), day, request.legalBasis(), description, UnitEvent.Source.API, request.actor());
        event.persist();
        for (UnitVersion v : closing.values()) {
            v.validTo = eve;
            v.closedByEvent = event.id;
        }
        UnitVersion.flush();
        for (UnitAttributes a : opening) {
            if (a.parentCode() != null && !closing.containsKey(a.parentCode())) {
                changes.checkParent(a, day);
            }
            UnitVersion.open(a, day, event.id).persist();
        }
        List<LineageEdge> edges = new ArrayList<>();
        List<String> targets = request.kind() == ChangeKind.DISSOLVE
                ? succs.stream().map(Successor::code).toList()
                : opening.stream().map(UnitAttributes::code).toList();
        for (Predecessor p : preds) {
            for (String target : targets) {
                Part part = request.kind() == ChangeKind.MERGE
                        ? Objects.requireNonNullElse(p.part(), Part.FULL)
                        : targets.size() == 1 ? Objects.requireNonNullElse(p.part(), Part.FULL) : Part.PARTIAL;
                LineageEdge edge = LineageEdge.of(event.id, p.code(), target, part);
                edge.persist();
                edges.add(edge);
            }
        }
        UnitVersion.flush();
        moves.forEach((child, parent) -> changes.changeUnit(
                child,
                new UnitChangeService.Change(
                        day, null, null, parent, request.legalBasis(), "moved by event " + event.id),
                request.actor()));
        changed.fire(new UnitsChanged(request.kind() + " event " + event.id));
        return new Recorded(event, edges);
    }

    private static void checkShape(ChangeKind kind, List<Predecessor> preds, List<Successor> succs) {
        if (kind == null) {
            throw invalid("kind", "is required: MERGE, SPLIT or DISSOLVE", null);
        }
        switch (kind) {
            case MERGE -> {
                if (preds.size() < 2) {
                    throw invalid(
                            "predecessors", "a merge needs at least two predecessors", String.valueOf(preds.size()));
                }
                if (succs.size() != 1) {
                    throw invalid("successors", "a merge has exactly one successor", String.valueOf(succs.size()));
                }
            }
            case SPLIT -> {
                if (preds.size() != 1) {
                    throw invalid("predecessors", "a split has exactly one predecessor", String.valueOf(preds.size()));
                }
                if (succs.size() < 2) {
                    throw invalid("successors", "a split needs at least two successors", String.valueOf(succs.size()));
                }
            }
            case DISSOLVE -> {
                if (preds.isEmpty()) {
                    throw invalid("predecessors", "name the units to dissolve", "0");
                }
            }
            default ->
                throw invalid(
                        "kind",
                        "must be MERGE, SPLIT or DISSOLVE here; create units with POST /api/units and rename, retype or"
                                + " re-parent them with POST /api/units/{code}/changes",
                        kind.name());
        }
    }

    private UnitVersion latestOpen(String code, LocalDate day, String field) {
        List<UnitVersion> versions = units.versionsOf(code);
        if (versions.isEmpty()) {
            throw new ApiException(
                    RegistryError.UNIT_NOT_FOUND,
                    "No unit has code " + code,
                    List.of(FieldError.of(field, "unknown unit", code)));
        }
        UnitVersion latest = versions.getLast();
        if (latest.validTo != null || (latest.validFrom != null && !day.isAfter(latest.validFrom))) {
            throw new ApiException(
                    RegistryError.VALIDITY_OVERLAP,
                    code + " must be open and have started before " + day + " (latest version " + latest.validFrom
                            + " .. " + (latest.validTo == null ? "open" : latest.validTo) + ")",
                    List.of(FieldError.of(field, "not open before the effective date", code)));
        }
        return latest;
    }

    private UnitAttributes successor(Successor s, Map<String, UnitVersion> closing, String field) {
        UnitVersion continued = closing.get(s.code());
        if (continued != null) {
            UnitAttributes before = continued.attributes();
            return new UnitAttributes(
                    s.code(),
                    s.name() == null ? before.name() : s.name(),
                    s.type() == null ? before.type() : s.type(),
                    s.level() == null ? before.level() : s.level(),
                    s.parentCode() == null ? before.parentCode() : s.parentCode());
        }
        if (s.level() == null
                || s.name() == null
                || s.name().isBlank()
                || s.type() == null
                || s.type().isBlank()) {
            throw invalid(field, "a new successor needs code, name, type and level", s.code());
        }
        String problem = UnitCodes.problemFor(s.code(), s.level());
        if (problem != null) {
            throw invalid(field + ".code", problem, s.code());
        }
        if (units.codeExists(s.code())) {
            throw new ApiException(
                    RegistryError.UNIT_CODE_EXISTS,
                    "Code " + s.code() + " is already used; a successor is a predecessor that continues or a new code",
                    List.of(FieldError.of(field + ".code", "already used", s.code())));
        }
        if (s.parentCode() != null && closing.containsKey(s.parentCode())) {
            throw invalid(field + ".parentCode", "is closed by this event", s.parentCode());
        }
        return new UnitAttributes(s.code(), s.name(), s.type(), s.level(), s.parentCode());
    }

    /** Where each open child of a closed unit goes; unplaced children are a conflict, not silently orphaned. */
    private Map<String, String> childMoves(
            EventRequest request, Map<String, UnitVersion> closing, List<UnitAttributes> opening, LocalDate day) {
        Map<String, String> given = request.childMoves() == null ? Map.of() : request.childMoves();
        Set<String> openingCodes = new LinkedHashSet<>();
        opening.forEach(a -> openingCodes.add(a.code()));
        Map<String, String> moves = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        for (String code : closing.keySet()) {
            for (UnitVersion child : units.childrenOn(code, day.minusDays(1))) {
                if (closing.containsKey(child.code)) {
                    continue;
                }
                String target = given.get(child.code);
                if (target == null && request.kind() == ChangeKind.MERGE) {
                    target = opening.getFirst().code();
                }
                if (target == null) {
                    unplaced.add(child.code);
                } else if (!target.equals(code) || !openingCodes.contains(code)) {
                    moves.put(child.code, target);
                }
            }
        }
        if (!unplaced.isEmpty()) {
            throw new ApiException(
                    RegistryError.UNIT_HAS_CHILDREN,
                    "Say in childMoves where these children of closed units go: " + String.join(", ", unplaced),
                    unplaced.stream()
                            .map(c -> FieldError.of("childMoves." + c, "no new parent given", c))
                            .toList());
        }
        return moves;
    }

    private static ApiException invalid(String field, String message, String value) {
        return new ApiException(
                RegistryError.INVALID_EVENT, field + ": " + message, List.of(FieldError.of(field, message, value)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Recorded findEvent(long id) {
        UnitEvent event = UnitEvent.findById(id);
        if (event == null) {
            throw new ApiException(RegistryError.EVENT_NOT_FOUND, "No change event " + id);
        }
        return new Recorded(event, LineageEdge.list("eventId", id));
    }
}
