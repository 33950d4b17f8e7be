package vn.parindex.scoring.result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.scoring.domain.UnitResult;

/** A published ranking (one version): what the decision published, immutable once stored. */
@Schema(name = "Ranking")
public record RankingDocument(
        String campaignCode,
        String campaignName,
        int year,
        String criteriaSetCode,
        String unitGroupCode,
        int version,
        String decisionNumber,
        LocalDate decisionDate,
        String reason,
        OffsetDateTime publishedAt,
        String publishedBy,
        List<Item> items) {

    /** One unit's line: {@code rankLabel} reads "k/N" as published. */
    @Schema(name = "RankingItem")
    public record Item(
            String unitCode,
            String unitName,
            BigDecimal totalPoints,
            BigDecimal indexPercent,
            Integer rank,
            int rankOutOf,
            String rankLabel,
            String band,
            List<UnitResult.FieldResult> fields,
            Integer previousRank,
            BigDecimal pointsChange,
            Integer rankChange,
            String comparison) {

        public static Item of(UnitResult r) {
            return new Item(
                    r.unitCode(),
                    r.unitName(),
                    r.totalPoints(),
                    r.indexPercent(),
                    r.rank(),
                    r.rankOutOf(),
                    r.rank() == null ? null : r.rank() + "/" + r.rankOutOf(),
                    r.band(),
                    r.fields(),
                    r.previousRank(),
                    r.pointsChange(),
                    r.rankChange(),
                    r.comparison());
        }
    }
}
