package vn.parindex.scoring.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.parindex.common.api.ApiException;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.api.AssessmentDto;
import vn.parindex.scoring.api.CampaignDto;
import vn.parindex.scoring.api.ContestDto;
import vn.parindex.scoring.api.IndexDto;
import vn.parindex.scoring.api.PublicationDto;
import vn.parindex.scoring.domain.CampaignStatus;
import vn.parindex.scoring.seed.DemoData.Value;
import vn.parindex.scoring.service.AssessmentService;
import vn.parindex.scoring.service.CampaignMembers;
import vn.parindex.scoring.service.CampaignService;
import vn.parindex.scoring.service.ContestService;
import vn.parindex.scoring.service.IndexService;
import vn.parindex.scoring.service.PublicationService;
import vn.parindex.scoring.service.ScoreImportService;
import vn.parindex.scoring.store.Campaign;

/**
 * Demo data (embedded mode, {@code parindex.demo-data}): the campaigns and external indices of
 * {@value DemoData#RESOURCE}, through scoring's own use cases. Yên Bái's districts 2019–2021 (2021 computed around
 * the worked example of Thành phố Yên Bái, 95.44), the city's communes 2021, Quảng Ninh's districts 2019 (Uông
 * Bí), Sơn La's 2020–2021 (Thành phố Sơn La), eight Yên Bái departments 2019–2020, the 63 provinces of 2024
 * (imported), the 34 of 2025 compared with the mean of their predecessors, and the communes of the new Lào Cai in
 * 2025. The campaigns marked {@code dossier_source: dossier-stats} (the computed district and agency campaigns of
 * 2019–2021, Lào Cai's communes 2025) take their dossier-fed criteria from dossier statistics, once its demo data
 * is LOADED (a bounded wait, {@code parindex.demo.dossier-wait}). Sơn La 2021 goes through the contest window: a
 * preliminary ranking, Thành phố Sơn La's officer contests a criterion, the council rejects it, the final ranking.
 *
 * <p>Runs in the background. It waits for the registry (groups, lineage) and the catalogue (criteria sets) with a
 * bounded retry ({@code parindex.demo.wait}, an attempt every {@code parindex.demo.retry-interval}); every attempt
 * resumes where the stored data stands, so a restart never duplicates and a half-loaded campaign is completed
 * from its stage. A campaign the services refuse is reported (log and {@code /q/health/group/demo-data}) without
 * stopping the others.
 */
@ApplicationScoped
public class DemoCampaignLoader {

    private static final Logger LOG = Logger.getLogger(DemoCampaignLoader.class);
    private static final String ACTOR = "demo-data";
    private static final String CUT = "Hội đồng thẩm định: tài liệu kiểm chứng chưa đầy đủ (minh họa)";
    private static final int UNEXPECTED_TRIES = 5;
    private static final String NO_DATA = "Không có dữ liệu demo cho đơn vị này trong tệp demo/campaigns.yaml";

    private final boolean enabled;
    private final Duration wait;
    private final Duration retry;
    private final Duration dossierWait;
    private final String dossierStatsUrl;
    private final CampaignService campaigns;
    private final AssessmentService assessments;
    private final ScoreImportService imports;
    private final PublicationService publications;
    private final CampaignMembers members;
    private final ContestService contests;
    private final IndexService indices;
    private final DemoStatus status;
    private final ObjectMapper json;
    /** Dossier statistics' demo data as last found: null until known, then LOADED or not (not asked again). */
    private volatile Boolean dossierDemo;

    public DemoCampaignLoader(
            @ConfigProperty(name = "parindex.demo-data", defaultValue = "false") boolean enabled,
            DemoSettings settings,
            @ConfigProperty(name = "quarkus.rest-client.dossier-stats.url", defaultValue = "http://localhost:8084")
                    String dossierStatsUrl,
            CampaignService campaigns,
            AssessmentService assessments,
            ScoreImportService imports,
            PublicationService publications,
            CampaignMembers members,
            ContestService contests,
            IndexService indices,
            DemoStatus status,
            ObjectMapper json) {
        this.enabled = enabled;
        this.wait = settings.readyWait();
        this.retry = settings.retryInterval();
        this.dossierWait = settings.dossierWait();
        this.dossierStatsUrl = dossierStatsUrl;
        this.campaigns = campaigns;
        this.assessments = assessments;
        this.imports = imports;
        this.publications = publications;
        this.members = members;
        this.contests = contests;
        this.indices = indices;
        this.status = status;
        this.json = json;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            Thread.ofVirtual().name("demo-campaigns").start(this::run);
        }
    }

    /** A refusal that another attempt will not change (bad demo data, a rule the services enforce). */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    void run() {
        DemoData data;
        try {
            data = DemoData.load();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Demo campaigns NOT loaded: %s is unreadable", DemoData.RESOURCE);
            status.set(DemoStatus.State.FAILED, "unreadable " + DemoData.RESOURCE + ": " + e, List.of());
            return;
        }
        List<String> codes =
                data.campaigns().stream().map(DemoData.Campaign::code).toList();
        status.set(DemoStatus.State.LOADING, "waiting for the registry and the catalogue", codes);
        long start = System.nanoTime();
        Instant deadline = Instant.now().plus(wait);
        Map<String, String> failed = new LinkedHashMap<>();
        Set<String> done = new HashSet<>();
        Map<String, Integer> strikes = new HashMap<>();
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                loadIndices(data, done, failed);
                for (DemoData.Campaign c : data.campaigns()) {
                    if (done.contains(c.code()) || failed.containsKey(c.code())) {
                        continue;
                    }
                    if (c.previous() != null && failed.containsKey(c.previous())) {
                        failed.put(c.code(), "its previous campaign " + c.previous() + " failed");
                        continue;
                    }
                    status.set(DemoStatus.State.LOADING, "loading " + c.code(), codes);
                    try {
                        long t = System.nanoTime();
                        int units = load(c);
                        done.add(c.code());
                        if (units > 0) {
                            LOG.infof(
                                    "Demo campaign %s published (%d units, %s) in %d ms",
                                    c.code(),
                                    units,
                                    c.how().name().toLowerCase(java.util.Locale.ROOT),
                                    (System.nanoTime() - t) / 1_000_000);
                        }
                    } catch (Refused e) {
                        failed.put(c.code(), e.getMessage());
                        LOG.errorf("Demo campaign %s NOT loaded: %s", c.code(), e.getMessage());
                    } catch (ApiException e) {
                        if (transientFailure(e)) {
                            throw e;
                        }
                        failed.put(c.code(), e.errorCode().code() + ": " + e.getMessage() + " " + e.errors());
                        LOG.errorf(
                                "Demo campaign %s NOT loaded: %s %s %s",
                                c.code(), e.errorCode().code(), e.getMessage(), e.errors());
                    } catch (RuntimeException e) {
                        // Not a refusal of the services: maybe a dependency hiccup, maybe a bug; a few tries.
                        int tries = strikes.merge(c.code(), 1, Integer::sum);
                        if (tries < UNEXPECTED_TRIES) {
                            throw e;
                        }
                        failed.put(c.code(), e.toString());
                        LOG.errorf(e, "Demo campaign %s NOT loaded after %d tries", c.code(), tries);
                    }
                }
                break;
            } catch (RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    String why = "the registry or the catalogue did not answer within " + wait + " (" + attempt
                            + " attempts); last: " + e.getMessage();
                    LOG.errorf("Demo campaigns NOT loaded: %s", why);
                    status.set(DemoStatus.State.FAILED, why, codes);
                    return;
                }
                LOG.debugf("Demo campaigns not loaded yet (%s); retrying", e.getMessage());
                status.set(DemoStatus.State.LOADING, "waiting: " + e.getMessage(), codes);
                try {
                    Thread.sleep(retry);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    status.set(DemoStatus.State.FAILED, "interrupted", codes);
                    return;
                }
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (failed.isEmpty()) {
            String message = "%d demo campaigns and %d index years ready in %d ms (%s)"
                    .formatted(
                            codes.size(),
                            data.indices().stream()
                                    .mapToInt(i -> i.years().size())
                                    .sum(),
                            ms,
                            String.join(", ", codes));
            LOG.infof("Demo data: %s", message);
            status.set(DemoStatus.State.LOADED, message, codes);
        } else {
            String message = failed.size() + " demo item(s) not loaded: " + failed;
            LOG.errorf("Demo data: %s", message);
            status.set(DemoStatus.State.FAILED, message, codes);
        }
    }

    /** Worth another attempt: a dependency that is down or not ready (a group or set not there yet). */
    static boolean transientFailure(ApiException e) {
        String code = e.errorCode().code();
        return e.errorCode().status() == 503
                || code.equals(ScoringError.UNKNOWN_GROUP.code())
                || code.equals(ScoringError.UNKNOWN_CRITERIA_SET.code());
    }

    // ---------------------------------------------------------------- external indices

    private void loadIndices(DemoData data, Set<String> done, Map<String, String> failed) {
        for (DemoData.Index index : data.indices()) {
            for (DemoData.IndexYear y : index.years()) {
                String key = index.code() + "/" + y.year();
                if (done.contains(key) || failed.containsKey(key)) {
                    continue;
                }
                if (!indexPresent(index.code(), y.year())) {
                    try {
                        indices.replaceValues(
                                index.code(),
                                y.year(),
                                new IndexDto.Values(
                                        index.name(),
                                        index.kind(),
                                        false,
                                        y.values().entrySet().stream()
                                                .map(e -> new IndexDto.Value(e.getKey(), null, e.getValue()))
                                                .toList()),
                                ACTOR);
                    } catch (ApiException e) {
                        if (transientFailure(e)) {
                            throw e;
                        }
                        failed.put(key, e.errorCode().code() + ": " + e.getMessage());
                        LOG.errorf("Demo index %s NOT loaded: %s %s", key, e.getMessage(), e.errors());
                        continue;
                    }
                }
                done.add(key);
            }
        }
    }

    private boolean indexPresent(String code, int year) {
        try {
            indices.ranking(code, year);
            return true;
        } catch (ApiException e) {
            if (e.errorCode().code().equals(ScoringError.INDEX_NOT_FOUND.code())) {
                return false;
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- campaigns

    /** Loads (or completes) one campaign; answers its member count, 0 when it was published already. */
    int load(DemoData.Campaign c) {
        Campaign stored = find(c.code());
        if (stored == null) {
            campaigns.createCampaign(
                    new CampaignDto.Create(
                            c.code(),
                            c.name(),
                            c.year(),
                            c.criteriaSet(),
                            c.group(),
                            c.previous(),
                            c.comparison(),
                            // The demo enters its scores long after the year's real deadline.
                            OffsetDateTime.parse(c.year() + "-12-15T17:00:00+07:00")
                                    .plusYears(100),
                            true),
                    ACTOR);
            stored = find(c.code());
        }
        if (stored.status == CampaignStatus.PUBLISHED) {
            return 0; // loaded on an earlier start
        }
        List<CampaignService.Member> all = campaigns.members(c.code());
        Set<String> given = c.how() == DemoData.How.IMPORTED
                ? c.results().keySet()
                : c.units().keySet();
        List<CampaignService.Member> scored = new ArrayList<>();
        for (CampaignService.Member m : all) {
            if (given.contains(m.unitCode())) {
                scored.add(m);
            } else if (m.excluded() == null) {
                members.exclude(c.code(), m.unitCode(), NO_DATA, ACTOR);
            }
        }
        if (c.how() == DemoData.How.IMPORTED) {
            importTable(c);
        } else {
            compute(c, scored);
        }
        return all.size();
    }

    private static Campaign find(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Campaign.findById(code));
    }

    private void importTable(DemoData.Campaign c) {
        List<PublicationDto.PublishedResult> rows = new ArrayList<>();
        c.results()
                .forEach((unit, r) -> rows.add(new PublicationDto.PublishedResult(
                        unit,
                        r.total(),
                        null,
                        r.rank(),
                        null,
                        c.fieldsGiven().containsKey(unit)
                                ? c.fieldsGiven().get(unit).entrySet().stream()
                                        .map(f -> new PublicationDto.PublishedSubtotal(f.getKey(), f.getValue()))
                                        .toList()
                                : null)));
        publications.importPublished(
                c.code(),
                new PublicationDto.PublishedResults(
                        c.decision().number(), c.decision().date(), c.decision().url(), note(c), rows),
                ACTOR);
    }

    private static String note(DemoData.Campaign c) {
        Object note = c.raw().get("note");
        String text = "Dữ liệu demo (demo data, " + c.raw().get("status") + "): "
                + (note == null ? "" : String.valueOf(note).replace('\n', ' '))
                + " Nguồn / sources: services/scoring/src/main/resources/" + DemoData.RESOURCE;
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }

    /**
     * Self-assessment → submission → appraisal → survey → dossier figures → approval → publication; with a
     * {@code contest_window}, the publication is a preliminary ranking, a contest and its decision, then the final one.
     */
    private void compute(DemoData.Campaign c, List<CampaignService.Member> scored) {
        Campaign stored = find(c.code());
        CriteriaSet set = campaigns.criteriaSet(stored);
        Map<String, DemoInputs.Entries> entries = new LinkedHashMap<>();
        for (CampaignService.Member m : scored) {
            entries.put(m.unitCode(), DemoInputs.entries(set, c, c.units().get(m.unitCode())));
        }
        if (stored.status == CampaignStatus.OPEN) {
            List<AssessmentDto.Evidence> evidence = List.of(new AssessmentDto.Evidence(
                    "Báo cáo kết quả thực hiện công tác CCHC năm " + c.year() + " (minh họa)",
                    null,
                    LocalDate.of(c.year(), 12, 10),
                    null));
            for (CampaignService.Member m : scored) {
                if ("SUBMITTED".equals(m.selfStatus())) {
                    continue; // an earlier start got this far
                }
                List<AssessmentDto.SelfScore> self = new ArrayList<>();
                entries.get(m.unitCode())
                        .self()
                        .forEach((leaf, v) -> self.add(new AssessmentDto.SelfScore(
                                leaf, v.points(), v.level(), v.numerator(), v.denominator(), null, null, evidence)));
                assessments.saveSelfScores(c.code(), m.unitCode(), self, null, ACTOR);
                assessments.submit(c.code(), m.unitCode(), true, null, ACTOR);
            }
            campaigns.transition(c.code(), CampaignStatus.OPEN, CampaignStatus.SELF_ASSESSMENT_CLOSED);
            stored = find(c.code());
        }
        if (stored.status == CampaignStatus.SELF_ASSESSMENT_CLOSED) {
            campaigns.transition(c.code(), CampaignStatus.SELF_ASSESSMENT_CLOSED, CampaignStatus.APPRAISAL);
            stored = find(c.code());
        }
        if (stored.status == CampaignStatus.APPRAISAL) {
            List<AssessmentDto.SurveyScore> survey = new ArrayList<>();
            Map<String, Integer> sizes = sampleSizes(c);
            entries.forEach((unit, e) -> {
                e.surveyPoints()
                        .forEach((leaf, p) ->
                                survey.add(new AssessmentDto.SurveyScore(unit, leaf, p, null, sizes.get(leaf), null)));
                e.surveyPercent()
                        .forEach((leaf, v) ->
                                survey.add(new AssessmentDto.SurveyScore(unit, leaf, null, v, sizes.get(leaf), null)));
            });
            List<ScoreImportService.SurveyLine> lines = new ArrayList<>();
            for (AssessmentDto.SurveyScore score : survey) {
                lines.add(new ScoreImportService.SurveyLine(lines.size() + 1, score, null));
            }
            AssessmentDto.ImportReport report = imports.importSurvey(c.code(), lines, ACTOR);
            if (report.rejected() > 0) {
                throw new Refused("survey rows rejected: " + report.errors());
            }
            Map<String, Set<String>> fetched = c.dossierFromStats() ? fetchDossierFigures(c) : Map.of();
            String reportReason = "Báo cáo kết quả giải quyết TTHC năm " + c.year() + " (số liệu minh họa)";
            String gapReason = "Hệ thống thống kê hồ sơ không có số liệu của đơn vị; theo báo cáo của đơn vị"
                    + " (số liệu minh họa)";
            for (Map.Entry<String, DemoInputs.Entries> e : entries.entrySet()) {
                List<AssessmentDto.AppraisalScore> scores = new ArrayList<>();
                e.getValue().appraisal().forEach((leaf, v) -> scores.add(appraisal(leaf, v, CUT)));
                Set<String> fromStats = fetched.getOrDefault(e.getKey(), Set.of());
                e.getValue().dossier().forEach((leaf, v) -> {
                    if (!fromStats.contains(leaf)) {
                        scores.add(appraisal(leaf, v, c.dossierFromStats() ? gapReason : reportReason));
                    }
                });
                assessments.appraise(c.code(), e.getKey(), new AssessmentDto.Appraisal(1, scores, true), null, ACTOR);
            }
            publications.approve(c.code());
            stored = find(c.code());
        }
        DemoData.ContestWindow window = DemoData.contestWindow(c);
        if (stored.status == CampaignStatus.APPROVED && window != null) {
            publications.publishPreliminary(
                    c.code(),
                    new PublicationDto.Preliminary(
                            window.preliminary().number(),
                            window.preliminary().date(),
                            // Like the assessment deadline: the demo plays the window long after the real one.
                            window.deadline().plusYears(100)),
                    ACTOR);
            stored = find(c.code());
        }
        if (stored.status == CampaignStatus.PRELIMINARY) {
            if (window == null) {
                throw new Refused("it is PRELIMINARY but the data file gives it no contest_window");
            }
            playContest(c.code(), window.contest());
        }
        if (stored.status == CampaignStatus.APPROVED || stored.status == CampaignStatus.PRELIMINARY) {
            publications.publishRanking(
                    c.code(),
                    new PublicationDto.Publish(
                            c.decision().number(), c.decision().date()),
                    ACTOR);
        }
    }

    /**
     * The contest of a preliminary ranking, as the API takes it: the unit's officer files it; an administrator
     * puts the deciding appraiser on the campaign's council (kept with whoever sits there); the council decides.
     * Each step is skipped when an earlier start stored it (the contest is found by unit, criterion and filer).
     */
    private void playContest(String code, DemoData.Contest x) {
        ContestDto.View filed = contests.list(code).stream()
                .filter(v -> v.unitCode().equals(x.unit())
                        && v.criterionCode().equals(x.criterion())
                        && v.filedBy().equals(x.filedBy()))
                .findFirst()
                .orElse(null);
        if (filed == null) {
            filed = contests.file(
                    code, new ContestDto.File(x.unit(), x.criterion(), x.reason(), x.evidence()), x.filedBy());
        }
        if (!filed.status().equals("OPEN")) {
            return; // decided on an earlier start
        }
        List<String> council = new ArrayList<>(members.council(code).stream()
                .map(CampaignDto.CouncilMember::appraiser)
                .toList());
        if (!council.contains(x.decidedBy())) {
            council.add(x.decidedBy());
            members.assignCouncil(code, council, ACTOR);
        }
        contests.decide(
                code,
                filed.id(),
                new ContestDto.Decision(x.outcome(), x.correctedPoints(), x.decisionReason()),
                x.decidedBy());
    }

    /**
     * The campaign's {@code survey_sample_sizes.sizes}: respondents per survey criterion (the same for every unit),
     * stored with the survey scores for the rank intervals; none when the campaign gives none.
     */
    static Map<String, Integer> sampleSizes(DemoData.Campaign c) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        if (c.raw().get("survey_sample_sizes") instanceof Map<?, ?> block
                && block.get("sizes") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> sizes.put(String.valueOf(k), ((Number) v).intValue()));
        }
        return sizes;
    }

    private static AssessmentDto.AppraisalScore appraisal(String leaf, Value v, String reason) {
        return new AssessmentDto.AppraisalScore(leaf, v.points(), v.level(), v.numerator(), v.denominator(), reason);
    }

    /**
     * The dossier-fed criteria of every member, from dossier statistics once its demo dossiers are loaded: answers
     * which (unit → criteria) got a value. Nothing when dossier statistics does not hold its demo data within
     * {@code parindex.demo.dossier-wait}: the data file's figures are entered instead.
     */
    private Map<String, Set<String>> fetchDossierFigures(DemoData.Campaign c) {
        if (!dossierDemoLoaded()) {
            LOG.warnf(
                    "Demo campaign %s: dossier statistics holds no demo dossiers (within %s); its dossier-fed"
                            + " criteria are entered from the data file",
                    c.code(), dossierWait);
            return Map.of();
        }
        AssessmentDto.AutoReport report;
        // The use case reads the campaign as a request would; this thread has no request of its own.
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            report = imports.fetchAutoScores(c.code(), null, ACTOR);
        } catch (ApiException e) {
            LOG.warnf(
                    "Demo campaign %s: dossier statistics did not answer (%s); figures from the data file",
                    c.code(), e.getMessage());
            return Map.of();
        } finally {
            request.terminate();
        }
        Map<String, Set<String>> got = new LinkedHashMap<>();
        for (AssessmentDto.AutoScore s : report.items()) {
            if (s.value() != null) {
                got.computeIfAbsent(s.unitCode(), k -> new HashSet<>()).add(s.criterionCode());
            }
        }
        LOG.infof(
                "Demo campaign %s: %d dossier figures of %d from dossier statistics",
                c.code(), report.stored(), report.items().size());
        return got;
    }

    /**
     * Waits (bounded) for dossier statistics' {@code demo-data} health check to say LOADED. The answer is kept:
     * once it has failed or the wait has run out, the other campaigns do not wait again.
     */
    private boolean dossierDemoLoaded() {
        Boolean known = dossierDemo;
        if (known == null) {
            known = awaitDossierDemo();
            if (!Thread.currentThread().isInterrupted()) {
                dossierDemo = known;
            }
        }
        return known;
    }

    private boolean awaitDossierDemo() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant until = Instant.now().plus(dossierWait);
        String last = "no answer";
        while (Instant.now().isBefore(until)) {
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(dossierStatsUrl + "/q/health/group/demo-data"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                for (JsonNode check : json.readTree(r.body()).path("checks")) {
                    if (check.path("name").asText().equals("demo-data")) {
                        last = check.path("data").path("status").asText();
                    }
                }
                if (last.equals("LOADED")) {
                    return true;
                }
                if (last.equals("FAILED") || last.equals("DISABLED")) {
                    return false;
                }
            } catch (java.io.IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(retry);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        LOG.debugf("dossier statistics demo data: %s", last);
        return false;
    }
}
