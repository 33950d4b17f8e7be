package vn.parindex.scoring.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a rank move is measured. Places ("up 3 places") only compare ranks out of the same number of units; across
 * groups of different sizes (63 provinces in 2024, 34 in 2025) the move is given as a change of percentile rank,
 * where the first of N is 100 and the last is 0: {@code (N − rank) / (N − 1) × 100} (a group of one is 100).
 */
public enum RankMeasure {
    /** Same group size: the change in places, positive = moved up. */
    PLACES,
    /** Different group sizes, or a comparison with predecessors: the change in percentile rank. */
    PERCENTILE,
    /** Nothing to compare with. */
    NONE;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The percentile rank of {@code rank} out of {@code outOf}, unrounded (scale 10); {@code null} unranked. */
    public static BigDecimal percentile(Integer rank, int outOf) {
        if (rank == null || outOf <= 0) {
            return null;
        }
        if (outOf == 1) {
            return HUNDRED.setScale(10);
        }
        return BigDecimal.valueOf(outOf - rank)
                .multiply(HUNDRED)
                .divide(BigDecimal.valueOf(outOf - 1), 10, RoundingMode.HALF_UP);
    }

    /** Rounded half-up to 2 places, for display. */
    public static BigDecimal display(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
