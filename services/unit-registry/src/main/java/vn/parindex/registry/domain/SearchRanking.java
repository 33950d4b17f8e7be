package vn.parindex.registry.domain;

import java.util.Comparator;
import java.util.List;

/**
 * Orders name matches, best first: the query written with the same tones (either tone-mark placement) → the
 * exact name without diacritics → a name that starts with it → a word that starts with it → anywhere; then
 * current versions before historical ones, higher levels first, shorter names, codes.
 */
final class SearchRanking {

    private final String folded;
    private final String toneKey;

    SearchRanking(String query) {
        this.folded = NameFolding.fold(query);
        this.toneKey = NameFolding.hasMarks(query) ? NameFolding.toneKey(query) : null;
    }

    int tier(UnitView v) {
        if (toneKey != null && (v.toneKey().equals(toneKey) || v.toneKey().endsWith(" " + toneKey))) {
            return 0;
        }
        if (v.searchBare().equals(folded) || v.searchName().equals(folded)) {
            return 1;
        }
        if (v.searchBare().startsWith(folded)) {
            return 2;
        }
        if (v.searchName().contains(" " + folded)) {
            return 3;
        }
        return 4;
    }

    /** The hits, best first; each hit's tier is computed once. */
    List<UnitView> rank(List<UnitView> hits) {
        record Ranked(int tier, UnitView view) {}
        return hits.stream()
                .map(v -> new Ranked(tier(v), v))
                .sorted(Comparator.comparingInt(Ranked::tier)
                        .thenComparing(r -> r.view().validTo() != null)
                        .thenComparing(r -> r.view().level())
                        .thenComparingInt(r -> r.view().name().length())
                        .thenComparing(r -> r.view().code())
                        .thenComparing(r -> r.view().validFrom(), Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(Ranked::view)
                .toList();
    }
}
