package vn.parindex.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import vn.parindex.common.api.ApiException;
import vn.parindex.scoring.api.UncertaintyDto;
import vn.parindex.scoring.domain.RankUncertainty;
import vn.parindex.scoring.domain.RankingDocument;
import vn.parindex.scoring.domain.UncertaintyInputs;
import vn.parindex.scoring.store.Campaign;
import vn.parindex.scoring.store.ScoreStore;

/**
 * Rank intervals of a campaign's live results or of one of its published versions: reads the results (or the
 * version's items), the stored survey sample sizes and the criteria set, then runs {@link RankUncertainty}.
 */
@ApplicationScoped
public class UncertaintyService {

    /**
     * The most runs × ranked units one request may ask for: the ranks are kept in memory (4 bytes each), so this
     * caps a request at 40 MB; 3,321 communes × 3,000 runs fit.
     */
    public static final long MAX_RUN_UNITS = 10_000_000L;

    /** What the request asks, already read from its parameters. */
    public record Request(long seed, int runs, BigDecimal weightSpread, BigDecimal surveyStandardError) {

        public RankUncertainty.Settings settings() {
            return new RankUncertainty.Settings(seed, runs, weightSpread);
        }
    }

    private final CampaignService campaigns;
    private final ResultsService results;
    private final ScoreStore scores;

    public UncertaintyService(CampaignService campaigns, ResultsService results, ScoreStore scores) {
        this.campaigns = campaigns;
        this.results = results;
        this.scores = scores;
    }

    /** Reads and checks the query parameters; every bad one is a 400 naming it. */
    public static Request request(String runs, String seed, String weightSpread, String surveyStandardError) {
        int r = runs == null || runs.isBlank() ? RankUncertainty.MIN_RUNS : parseInt("runs", runs);
        long s = RankUncertainty.DEFAULT_SEED;
        if (seed != null && !seed.isBlank()) {
            try {
                s = Long.parseLong(seed.trim());
            } catch (NumberFormatException e) {
                throw ApiException.invalidParameter("seed", "must be a whole number", seed);
            }
        }
        BigDecimal w = weightSpread == null || weightSpread.isBlank()
                ? RankUncertainty.DEFAULT_WEIGHT_SPREAD
                : decimal("weightPerturbation", weightSpread);
        if (w.signum() < 0 || w.compareTo(BigDecimal.ONE) >= 0) {
            throw ApiException.invalidParameter(
                    "weightPerturbation", "must be at least 0 and below 1 (0.20 = ±20 %)", weightSpread);
        }
        if (r < RankUncertainty.MIN_RUNS || r > RankUncertainty.MAX_RUNS) {
            throw ApiException.invalidParameter(
                    "runs", "must be between " + RankUncertainty.MIN_RUNS + " and " + RankUncertainty.MAX_RUNS, runs);
        }
        BigDecimal e = null;
        if (surveyStandardError != null && !surveyStandardError.isBlank()) {
            e = decimal("surveyStandardError", surveyStandardError);
            if (e.signum() < 0 || e.compareTo(BigDecimal.valueOf(50)) > 0) {
                throw ApiException.invalidParameter(
                        "surveyStandardError", "must be between 0 and 50 percentage points", surveyStandardError);
            }
        }
        return new Request(s, r, w, e);
    }

    /** Intervals of the campaign's live results. */
    public UncertaintyDto.Report ofResults(String code, Request request) {
        Campaign c = campaigns.campaign(code);
        List<UncertaintyInputs.Line> lines = results.rankCampaign(code).items().stream()
                .map(UncertaintyInputs.Line::of)
                .toList();
        return analyse(c, null, null, lines, request);
    }

    /** Intervals of a published version (its items as published; survey sample sizes as stored). */
    public UncertaintyDto.Report ofRanking(RankingDocument doc, Request request) {
        Campaign c = campaigns.campaign(doc.campaignCode());
        List<UncertaintyInputs.Line> lines =
                doc.items().stream().map(UncertaintyInputs.Line::of).toList();
        return analyse(c, doc.version(), doc.stage() == null ? "FINAL" : doc.stage(), lines, request);
    }

    private UncertaintyDto.Report analyse(
            Campaign c, Integer version, String stage, List<UncertaintyInputs.Line> lines, Request request) {
        long ranked = lines.stream().filter(l -> l.rank() != null).count();
        if (ranked * request.runs() > MAX_RUN_UNITS) {
            throw ApiException.invalidParameter(
                    "runs",
                    "runs × ranked units must be at most " + MAX_RUN_UNITS + "; " + ranked + " units allow at most "
                            + Math.max(RankUncertainty.MIN_RUNS, MAX_RUN_UNITS / Math.max(1, ranked)) + " runs",
                    String.valueOf(request.runs()));
        }
        UncertaintyInputs.Inputs inputs = UncertaintyInputs.of(
                campaigns.criteriaSet(c), lines, scores.surveySamples(c.code), request.surveyStandardError());
        RankUncertainty.Result r = RankUncertainty.simulate(inputs.components(), inputs.units(), request.settings());
        return new UncertaintyDto.Report(
                c.code,
                version,
                stage,
                UncertaintyDto.METHOD,
                r.seed(),
                r.runs(),
                r.weightSpread(),
                r.intervalPercent(),
                r.rankOutOf(),
                new UncertaintyDto.Inputs(inputs.described(), inputs.survey()),
                r.units());
    }

    private static int parseInt(String name, String raw) {
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter(name, "must be a whole number", raw);
        }
    }

    private static BigDecimal decimal(String name, String raw) {
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter(name, "must be a decimal number such as 0.20", raw);
        }
    }
}
