package vn.parindex.registry.domain;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Follows lineage links transitively from one unit version, breadth first, so that nearer relatives come first.
 * A version reached along several paths is listed once, nearest first, and counts as {@code FULL} when any path
 * to it is whole. Cycles (impossible in good data, but data is imported) end the walk instead of looping.
 */
public final class LineageWalker {

    /** A unit version: the code and the first day of the version ({@code null} = since records begin). */
    public record VersionRef(String code, LocalDate validFrom) {}

    /** One link from a version to a neighbouring version through a change event. */
    public record Link(VersionRef target, ChangeKind event, LocalDate effectiveDate, Part part) {}

    /** A relative resolved to the unit version it names. */
    public record Entry(UnitView unit, Relative relative) {}

    /** A relative found by the walk. */
    public record Relative(
            VersionRef version, ChangeKind event, LocalDate effectiveDate, Part part, int depth, String via) {}

    private static final int MAX_DEPTH = 32;

    private LineageWalker() {}

    /**
     * Walks from {@code start}; {@code step} answers the direct links of a version (its predecessors, or its
     * successors).
     */
    public static List<Relative> walk(VersionRef start, Function<VersionRef, List<Link>> step) {
        Map<VersionRef, Relative> found = new LinkedHashMap<>();
        Deque<Relative> queue = new ArrayDeque<>();
        queue.add(new Relative(start, null, null, Part.FULL, 0, null));
        while (!queue.isEmpty()) {
            Relative current = queue.poll();
            if (current.depth() >= MAX_DEPTH) {
                continue;
            }
            for (Link link : step.apply(current.version())) {
                if (link.target().equals(start)) {
                    continue;
                }
                Part part = current.part().then(link.part());
                Relative next = new Relative(
                        link.target(),
                        link.event(),
                        link.effectiveDate(),
                        part,
                        current.depth() + 1,
                        current.depth() == 0 ? null : current.version().code());
                Relative known = found.get(link.target());
                if (known == null) {
                    found.put(link.target(), next);
                    queue.add(next);
                } else if (known.part() == Part.PARTIAL && part == Part.FULL && known.depth() == next.depth()) {
                    found.put(link.target(), next);
                }
            }
        }
        return new ArrayList<>(found.values());
    }
}
