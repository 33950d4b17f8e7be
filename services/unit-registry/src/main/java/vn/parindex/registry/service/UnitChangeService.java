package vn.parindex.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.CommonError;
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
 * Write use cases on single units: create a unit, record a dated change of it. History is never rewritten: a
 * change closes the open version the day before its effective date and opens a new one.
 */
@ApplicationScoped
public class UnitChangeService {

    private final UnitRepository units;
    private final Event<UnitsChanged> changed;

    public UnitChangeService(UnitRepository units, Event<UnitsChanged> changed) {
        this.units = units;
        this.changed = changed;
    }

    /** What a dated change sets; {@code null} fields keep their value. */
    public record Change(
            LocalDate effectiveDate, String name, String type, String parentCode, String legalBasis, String reason) {}

    @Transactional
    public UnitVersion createUnit(UnitAttributes unit, LocalDate validFrom, String legalBasis, String actor) {
        String codeProblem = UnitCodes.problemFor(unit.code(), unit.level());
        if (codeProblem != null) {
            throw new ApiException(
                    CommonError.VALIDATION_FAILED,
                    "code " + codeProblem,
                    List.of(FieldError.of("code", codeProblem, unit.code())));
        }
        if (units.codeExists(unit.code())) {
            throw new ApiException(
                    RegistryError.UNIT_CODE_EXISTS,
                    "Code " + unit.code() + " is already used; official codes are never reused",
                    List.of(FieldError.of("code", "already used", unit.code())));
        }
        checkParent(unit, validFrom);
        UnitEvent event = UnitEvent.of(
                ChangeKind.CREATE, validFrom, legalBasis, "Created: " + unit.name(), UnitEvent.Source.API, actor);
        event.persist();
        UnitVersion version = UnitVersion.open(unit, validFrom, event.id);
        version.persist();
        changed.fire(new UnitsChanged("created " + unit.code()));
        return version;
    }

    @Transactional
    public UnitVersion changeUnit(String code, Change change, String actor) {
        LocalDate day = change.effectiveDate();
        List<UnitVersion> versions = units.versionsOf(code);
        if (versions.isEmpty()) {
            throw new ApiException(RegistryError.UNIT_NOT_FOUND, "No unit has code " + code);
        }
        UnitVersion current = versions.getLast();
        if (current.validTo != null || (current.validFrom != null && !day.isAfter(current.validFrom))) {
            throw new ApiException(
                    RegistryError.VALIDITY_OVERLAP,
                    "A change of " + code + " must take effect after "
                            + (current.validFrom == null ? "the start of its records" : current.validFrom)
                            + " while its latest version is open; the latest version runs "
                            + current.validFrom + " .. " + (current.validTo == null ? "open" : current.validTo),
                    List.of(FieldError.of("effectiveDate", "overlaps an existing version", day.toString())));
        }
        UnitAttributes before = current.attributes();
        UnitAttributes after = new UnitAttributes(
                code,
                change.name() == null ? before.name() : change.name(),
                change.type() == null ? before.type() : change.type(),
                before.level(),
                change.parentCode() == null ? before.parentCode() : change.parentCode());
        ChangeKind kind = after.changeFrom(before);
        if (kind == null) {
            throw new ApiException(RegistryError.NO_CHANGE, "The change sets the values " + code + " already has");
        }
        if (!java.util.Objects.equals(after.parentCode(), before.parentCode())) {
            checkParent(after, day);
            if (units.isSelfOrDescendant(code, after.parentCode(), day)) {
                throw new ApiException(
                        RegistryError.PARENT_CYCLE,
                        after.parentCode() + " is " + code + " or below it on " + day + "; it cannot become its parent",
                        List.of(FieldError.of("parentCode", "would create a cycle", after.parentCode())));
            }
        }
        String description = describe(before, after, change.reason());
        UnitEvent event = UnitEvent.of(kind, day, change.legalBasis(), description, UnitEvent.Source.API, actor);
        event.persist();
        current.validTo = day.minusDays(1);
        current.closedByEvent = event.id;
        // The closing must reach the database before the new version, or the no-overlap constraint refuses it.
        UnitVersion.flush();
        UnitVersion next = UnitVersion.open(after, day, event.id);
        next.persist();
        LineageEdge.of(event.id, code, code, Part.FULL).persist();
        changed.fire(new UnitsChanged("changed " + code));
        return next;
    }

    /** The parent exists on {@code day} and its level may hold the unit's level. */
    public void checkParent(UnitAttributes unit, LocalDate day) {
        if (unit.parentCode() == null) {
            if (unit.level().requiresParent()) {
                throw invalidParent(unit, "is required for a unit of level " + unit.level());
            }
            return;
        }
        if (!unit.level().requiresParent()) {
            throw invalidParent(unit, "must be empty for a province");
        }
        Optional<UnitVersion> parent = units.findAsOf(unit.parentCode(), day);
        if (parent.isEmpty()) {
            throw invalidParent(unit, "is not a unit valid on " + day);
        }
        if (!unit.level().allowedParents().contains(parent.get().level)) {
            throw invalidParent(
                    unit,
                    "is a " + parent.get().level + "; a " + unit.level() + " may only sit under "
                            + unit.level().allowedParents());
        }
    }

    private static ApiException invalidParent(UnitAttributes unit, String message) {
        return new ApiException(
                RegistryError.INVALID_PARENT,
                "parentCode " + message,
                List.of(FieldError.of("parentCode", message, unit.parentCode())),
                Map.of());
    }

    private static String describe(UnitAttributes before, UnitAttributes after, String reason) {
        List<String> parts = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            parts.add("name: " + before.name() + " → " + after.name());
        }
        if (!before.type().equals(after.type())) {
            parts.add("type: " + before.type() + " → " + after.type());
        }
        if (!java.util.Objects.equals(before.parentCode(), after.parentCode())) {
            parts.add("parent: " + before.parentCode() + " → " + after.parentCode());
        }
        String text = before.code() + " " + String.join("; ", parts);
        return reason == null || reason.isBlank() ? text : text + " (" + reason + ")";
    }
}
