package vn.parindex.registry.domain;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An immutable picture of every unit version, answering the registry's reads without a database round trip:
 * a lookup by code and date, children, subtrees, ancestors, counts and the ranked name search. The whole
 * registry is small (about 14,000 versions, a few MB) and changes rarely, so a fresh picture replaces this one
 * after each change instead of being updated in place.
 */
public final class UnitSnapshot {

    /** Provinces first, then districts, communes, agencies; within a level by code. */
    public static final Comparator<UnitView> LEVEL_THEN_CODE =
            Comparator.comparing(UnitView::level).thenComparing(UnitView::code);

    private static final Comparator<UnitView> CODE_THEN_START = Comparator.comparing(UnitView::code)
            .thenComparing(UnitView::validFrom, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static final int MAX_DEPTH = 16;

    private final long revision;
    private final List<UnitView> all;
    private final Map<String, List<UnitView>> byCode = new HashMap<>();
    private final Map<String, List<UnitView>> byParent = new HashMap<>();
    /** Folded names joined by '\n', so that one indexOf scan finds every name containing a query. */
    private final String haystack;

    private final int[] starts;

    public UnitSnapshot(long revision, List<UnitView> versions) {
        this.revision = revision;
        this.all = versions.stream().sorted(CODE_THEN_START).toList();
        StringBuilder names = new StringBuilder(all.size() * 24);
        starts = new int[all.size()];
        for (int i = 0; i < all.size(); i++) {
            UnitView v = all.get(i);
            byCode.computeIfAbsent(v.code(), k -> new ArrayList<>()).add(v);
            if (v.parentCode() != null) {
                byParent.computeIfAbsent(v.parentCode(), k -> new ArrayList<>()).add(v);
            }
            starts[i] = names.length();
            names.append(v.searchName()).append('\n');
        }
        byParent.values().forEach(list -> list.sort(LEVEL_THEN_CODE));
        haystack = names.toString();
    }

    /** The event revision this picture was taken at. */
    public long revision() {
        return revision;
    }

    public int size() {
        return all.size();
    }

    public Optional<UnitView> find(String code, LocalDate day) {
        for (UnitView v : byCode.getOrDefault(code, List.of())) {
            if (v.validOn(day)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Every version of every unit, by code, then oldest first. */
    public List<UnitView> all() {
        return all;
    }

    /** Every version of a code, oldest first. */
    public List<UnitView> versions(String code) {
        return byCode.getOrDefault(code, List.of());
    }

    public List<UnitView> children(String code, LocalDate day, Level level) {
        return byParent.getOrDefault(code, List.of()).stream()
                .filter(v -> v.validOn(day) && (level == null || v.level() == level))
                .toList();
    }

    /** The subtree below a unit on a date, nearer levels first, each level by code. */
    public List<UnitView> descendants(String code, LocalDate day, Level level) {
        List<UnitView> found = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(code));
        Deque<String> queue = new ArrayDeque<>(List.of(code));
        int depth = 0;
        while (!queue.isEmpty() && depth++ < MAX_DEPTH) {
            List<UnitView> layer = new ArrayList<>();
            for (int n = queue.size(); n > 0; n--) {
                for (UnitView child : children(queue.poll(), day, null)) {
                    if (seen.add(child.code())) {
                        layer.add(child);
                    }
                }
            }
            layer.sort(LEVEL_THEN_CODE);
            for (UnitView v : layer) {
                queue.add(v.code());
                if (level == null || v.level() == level) {
                    found.add(v);
                }
            }
        }
        found.sort(LEVEL_THEN_CODE);
        return found;
    }

    /** Parent first, up to the root; stops at a missing parent or a cycle. */
    public List<UnitView> ancestors(UnitView unit, LocalDate day) {
        List<UnitView> result = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(unit.code()));
        String parent = unit.parentCode();
        while (parent != null && seen.add(parent)) {
            Optional<UnitView> p = find(parent, day);
            if (p.isEmpty()) {
                break;
            }
            result.add(p.get());
            parent = p.get().parentCode();
        }
        return result;
    }

    public Map<Level, Long> countByLevel(LocalDate day) {
        Map<Level, Long> counts = new EnumMap<>(Level.class);
        for (Level l : Level.values()) {
            counts.put(l, 0L);
        }
        for (UnitView v : all) {
            if (v.validOn(day)) {
                counts.merge(v.level(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** Filters of a listing; {@code asOf == null} means every version. */
    public record Filter(Level level, String parentCode, String type, String query, LocalDate asOf) {}

    /**
     * Units matching the filter. Without a query: by code. With a query, best match first (see
     * {@link SearchRanking}); a numeric query matches code prefixes.
     */
    public List<UnitView> list(Filter filter) {
        String type = filter.type() == null ? null : NameFolding.fold(filter.type());
        Predicate<UnitView> keep = v -> (filter.asOf() == null || v.validOn(filter.asOf()))
                && (filter.level() == null || v.level() == filter.level())
                && (filter.parentCode() == null || filter.parentCode().equals(v.parentCode()))
                && (type == null || NameFolding.fold(v.type()).equals(type));
        String folded = filter.query() == null ? "" : NameFolding.fold(filter.query());
        if (folded.isEmpty()) {
            return filter.parentCode() != null
                    ? byParent.getOrDefault(filter.parentCode(), List.of()).stream()
                            .filter(keep)
                            .sorted(CODE_THEN_START)
                            .toList()
                    : all.stream().filter(keep).toList();
        }
        if (folded.chars().allMatch(Character::isDigit)) {
            return all.stream()
                    .filter(v -> v.code().startsWith(folded) && keep.test(v))
                    .sorted(Comparator.comparing((UnitView v) -> !v.code().equals(folded))
                            .thenComparing(CODE_THEN_START))
                    .toList();
        }
        SearchRanking ranking = new SearchRanking(filter.query());
        List<UnitView> hits = new ArrayList<>();
        for (int at = haystack.indexOf(folded); at >= 0; ) {
            int row = rowAt(at);
            UnitView v = all.get(row);
            if (keep.test(v)) {
                hits.add(v);
            }
            // Continue after this name: one hit per version.
            at = row + 1 < starts.length ? haystack.indexOf(folded, starts[row + 1]) : -1;
        }
        return ranking.rank(hits);
    }

    private int rowAt(int offset) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
