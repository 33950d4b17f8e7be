package vn.parindex.scoring.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Standard competition ranking ("1224"): the best value ranks 1, equal values share a rank and the next rank
 * skips the places they took. Best is highest unless the measure is one where lower is better (e.g. a share of
 * late dossiers). Callers rank by the unrounded value; a unit without a value is not ranked.
 */
public final class Ranking {

    private Ranking() {}

    /** The rank of each value (highest first), in the order given; {@code null} for a {@code null} value. */
    public static List<Integer> ranks(List<BigDecimal> values) {
        return ranks(values, false);
    }

    /** The rank of each value, in the order given; {@code null} for a {@code null} value. */
    public static List<Integer> ranks(List<BigDecimal> values, boolean lowerIsBetter) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                order.add(i);
            }
        }
        Comparator<Integer> ascending = Comparator.comparing(values::get);
        order.sort(lowerIsBetter ? ascending : ascending.reversed());
        Integer[] ranks = new Integer[values.size()];
        for (int place = 0; place < order.size(); place++) {
            int i = order.get(place);
            boolean tiedWithPrevious =
                    place > 0 && values.get(order.get(place - 1)).compareTo(values.get(i)) == 0;
            ranks[i] = tiedWithPrevious ? ranks[order.get(place - 1)] : place + 1;
        }
        return Arrays.asList(ranks);
    }

    /** How many values are ranked (the "N" of "k/N"). */
    public static int rankedCount(List<BigDecimal> values) {
        return (int) values.stream().filter(v -> v != null).count();
    }
}
