package vn.parindex.registry.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.parindex.registry.domain.LineageWalker.Link;
import vn.parindex.registry.domain.LineageWalker.Relative;
import vn.parindex.registry.domain.LineageWalker.VersionRef;
import vn.parindex.registry.service.LineageService;

/**
 * Lineage of many units over one window of dates, walked in memory over edges loaded once. The rules are those of
 * the single-unit walk ({@link LineageService#lineageOf}) with one more: only change events effective in
 * {@code (from, to]} are followed.
 *
 * <ul>
 *   <li>Backwards from a version: the events that took effect during it, to the predecessor version valid the day
 *       before each event; derived edges only when asked.
 *   <li>Forwards from a version: the events effective the day after a day of it, to the successor version valid
 *       on the event's date; derived edges always.
 *   <li>Links of one version are taken by effective date, then by the other unit's code; {@link LineageWalker}
 *       does the rest (nearest first, each version once, FULL over PARTIAL at the same depth).
 * </ul>
 *
 * Edges outside the window or not touching the walked units may be given: they are ignored.
 */
public final class WindowedLineage {

    /** One lineage edge with its event, as stored. */
    public record Edge(
            String predecessorCode,
            String successorCode,
            ChangeKind event,
            LocalDate effectiveDate,
            Part part,
            boolean derived) {}

    /** The answer for one requested code. */
    public record Answer(
            String code, UnitView unit, List<LineageWalker.Entry> predecessors, List<LineageWalker.Entry> successors) {}

    /** Answers in request order (each code once) and the codes with no version on either end of the window. */
    public record Result(List<Answer> items, List<String> unknown) {}

    private static final Comparator<Edge> BY_DATE_THEN_PREDECESSOR =
            Comparator.comparing(Edge::effectiveDate).thenComparing(Edge::predecessorCode);
    private static final Comparator<Edge> BY_DATE_THEN_SUCCESSOR =
            Comparator.comparing(Edge::effectiveDate).thenComparing(Edge::successorCode);

    private final UnitSnapshot versions;
    private final LocalDate from;
    private final LocalDate to;
    private final boolean includeDerived;
    private final Map<String, List<Edge>> bySuccessor = new HashMap<>();
    private final Map<String, List<Edge>> byPredecessor = new HashMap<>();

    public WindowedLineage(
            UnitSnapshot versions, LocalDate from, LocalDate to, boolean includeDerived, Collection<Edge> edges) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        this.versions = versions;
        this.from = from;
        this.to = to;
        this.includeDerived = includeDerived;
        for (Edge e : new LinkedHashSet<>(edges)) {
            if (e.effectiveDate().isAfter(from) && !e.effectiveDate().isAfter(to)) {
                bySuccessor
                        .computeIfAbsent(e.successorCode(), k -> new ArrayList<>())
                        .add(e);
                byPredecessor
                        .computeIfAbsent(e.predecessorCode(), k -> new ArrayList<>())
                        .add(e);
            }
        }
        bySuccessor.values().forEach(list -> list.sort(BY_DATE_THEN_PREDECESSOR));
        byPredecessor.values().forEach(list -> list.sort(BY_DATE_THEN_SUCCESSOR));
    }

    /**
     * For each distinct code, in order: the version valid on {@code to} with its predecessors, or else the version
     * valid on {@code from} (no predecessors); successors are walked from the version valid on {@code from}.
     */
    public Result answer(List<String> codes) {
        List<Answer> items = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String code : new LinkedHashSet<>(codes)) {
            Optional<UnitView> atTo = versions.find(code, to);
            Optional<UnitView> atFrom = versions.find(code, from);
            if (atTo.isEmpty() && atFrom.isEmpty()) {
                unknown.add(code);
                continue;
            }
            List<LineageWalker.Entry> preds = atTo.map(v -> resolve(LineageWalker.walk(ref(v), this::predecessorsOf)))
                    .orElse(List.of());
            List<LineageWalker.Entry> succs = atFrom.map(v -> resolve(LineageWalker.walk(ref(v), this::successorsOf)))
                    .orElse(List.of());
            items.add(new Answer(code, atTo.orElseGet(atFrom::get), preds, succs));
        }
        return new Result(items, unknown);
    }

    /** Direct predecessors of a version through events of the window. */
    public List<Link> predecessorsOf(VersionRef ref) {
        Optional<UnitView> found = version(ref);
        if (found.isEmpty()) {
            return List.of();
        }
        UnitView v = found.get();
        List<Link> links = new ArrayList<>();
        for (Edge e : bySuccessor.getOrDefault(v.code(), List.of())) {
            if ((includeDerived || !e.derived()) && within(v, e.effectiveDate())) {
                versions.find(e.predecessorCode(), e.effectiveDate().minusDays(1))
                        .ifPresent(p -> links.add(link(p, e)));
            }
        }
        return links;
    }

    /** Direct successors of a version through events of the window. */
    public List<Link> successorsOf(VersionRef ref) {
        Optional<UnitView> found = version(ref);
        if (found.isEmpty()) {
            return List.of();
        }
        UnitView v = found.get();
        List<Link> links = new ArrayList<>();
        for (Edge e : byPredecessor.getOrDefault(v.code(), List.of())) {
            if (within(v, e.effectiveDate().minusDays(1))) {
                versions.find(e.successorCode(), e.effectiveDate()).ifPresent(s -> links.add(link(s, e)));
            }
        }
        return links;
    }

    /** Codes whose predecessors are walked: those with a version on {@code to}. */
    public static List<String> backwardStarts(UnitSnapshot versions, Collection<String> codes, LocalDate to) {
        return codes.stream()
                .filter(c -> versions.find(c, to).isPresent())
                .distinct()
                .toList();
    }

    /** Codes whose successors are walked: those with a version on {@code from}. */
    public static List<String> forwardStarts(UnitSnapshot versions, Collection<String> codes, LocalDate from) {
        return codes.stream()
                .filter(c -> versions.find(c, from).isPresent())
                .distinct()
                .toList();
    }

    private static boolean within(UnitView v, LocalDate day) {
        return (v.validFrom() == null || !day.isBefore(v.validFrom()))
                && (v.validTo() == null || !day.isAfter(v.validTo()));
    }

    private static Link link(UnitView target, Edge e) {
        return new Link(ref(target), e.event(), e.effectiveDate(), e.part());
    }

    private static VersionRef ref(UnitView v) {
        return new VersionRef(v.code(), v.validFrom());
    }

    private Optional<UnitView> version(VersionRef ref) {
        return versions.versions(ref.code()).stream()
                .filter(v -> Objects.equals(v.validFrom(), ref.validFrom()))
                .findFirst();
    }

    private List<LineageWalker.Entry> resolve(List<Relative> relatives) {
        List<LineageWalker.Entry> entries = new ArrayList<>(relatives.size());
        for (Relative r : relatives) {
            version(r.version()).ifPresent(v -> entries.add(new LineageWalker.Entry(v, r)));
        }
        return entries;
    }
}
