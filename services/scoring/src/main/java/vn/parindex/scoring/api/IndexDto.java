package vn.parindex.scoring.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.scoring.domain.IndexKind;

/** Bodies of {@code /api/indices}: what the resource reads and answers, and what the service takes and gives. */
public final class IndexDto {

    private IndexDto() {}

    @Schema(name = "IndexValue")
    public record Value(
            // The registry's code syntax (UnitCodes there): a malformed code is this request's error, not a registry
            // failure (the registry refuses the whole lookup with 400, which read as 503 REGISTRY_UNAVAILABLE).
            @NotBlank
            @Size(max = 32)
            @jakarta.validation.constraints.Pattern(
                    regexp = "\\d{2}|\\d{3}|\\d{5}|[A-Z][A-Z0-9._-]{1,31}|\\d{2}\\.[A-Z0-9._-]{1,29}",
                    message = "must be a unit code (2, 3 or 5 digits, or such as 15.SNV)")
            @Schema(examples = "15", pattern = "\\d{2}|\\d{3}|\\d{5}|[A-Z][A-Z0-9._-]{1,31}|\\d{2}\\.[A-Z0-9._-]{1,29}")
            String unitCode,

            @Size(max = 300)
            @Schema(description = "Ignored: the registry's name of the unit is used", examples = "Tỉnh Lào Cai")
            String unitName,

            @NotNull
            @DecimalMin("-1000000000")
            @DecimalMax("1000000000")
            @Digits(integer = 10, fraction = 4)
            @Schema(examples = "84.12")
            BigDecimal value) {}

    @Schema(
            name = "IndexValuesRequest",
            description = "All values of the index for the year (replaces earlier ones). Units must be units of the"
                    + " registry on 31 December of the year. kind and lowerIsBetter describe the index (all years);"
                    + " when absent the stored description stays (default SCORE, higher is better).")
    public record Values(
            @Size(max = 300) @Schema(examples = "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)")
            String name,

            @Schema(description = "PERCENT: values are percentages 0–100; SCORE: any value", examples = "PERCENT")
            IndexKind kind,

            @Schema(description = "True when lower values rank first (e.g. a complaint rate)")
            Boolean lowerIsBetter,

            @NotNull @Size(min = 1, max = 20_000) List<@Valid @NotNull Value> values) {}

    @Schema(name = "RankedIndexValue")
    public record Ranked(
            String unitCode, String unitName, BigDecimal value, Integer rank, int rankOutOf, String rankLabel) {}

    @Schema(name = "IndexRanking")
    public record Ranking(
            String indexCode,
            String name,
            IndexKind kind,
            boolean lowerIsBetter,
            int year,
            int count,
            List<Ranked> items) {}
}
