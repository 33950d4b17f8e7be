package vn.parindex.registry.unit.readmodel;

import java.util.Comparator;
import vn.parindex.registry.unit.domain.NameFolding;

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

    Comparator<UnitView> comparator() {
        return Comparator.comparingInt(this::tier)
                .thenComparing(v -> v.validTo() != null)
                .thenComparing(UnitView::level)
                .thenComparingInt(v -> v.name().length())
                .thenComparing(UnitView::code)
                .thenComparing(UnitView::validFrom, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
}
