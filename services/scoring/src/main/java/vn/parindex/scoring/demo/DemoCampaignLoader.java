package vn.parindex.scoring.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.Evaluation.LeafInput;
import vn.parindex.criteria.rules.ScoreSource;
import vn.parindex.criteria.rules.demo.YenBai2021;
import vn.parindex.scoring.assessment.AssessmentDto;
import vn.parindex.scoring.assessment.AssessmentService;
import vn.parindex.scoring.assessment.LeafChecks;
import vn.parindex.scoring.assessment.ScoreImportService;
import vn.parindex.scoring.campaign.Campaign;
import vn.parindex.scoring.campaign.CampaignDto;
import vn.parindex.scoring.campaign.CampaignService;
import vn.parindex.scoring.campaign.CampaignStatus;
import vn.parindex.scoring.client.RegistryClient;
import vn.parindex.scoring.domain.ComparisonRule;
import vn.parindex.scoring.domain.ResultCalculator;
import vn.parindex.scoring.publication.PublicationDto;
import vn.parindex.scoring.publication.PublicationService;

/**
 * Demo data (embedded mode): the Yên Bái district campaigns of 2020 and 2021 on the district demo set, published,
 * with Thành phố Yên Bái at the worked example's 95.44 (rank 1, +4 on 2020) and the other eight districts a little
 * lower each. Runs in the background once the registry and the catalogue answer; does nothing when the campaigns
 * exist. The two dossier-fed criteria are entered as appraised points (reason says so): the demo dossiers cover
 * 2025–2026, not 2020–2021.
 */
@ApplicationScoped
public class DemoCampaignLoader {

    private static final Logger LOG = Logger.getLogger(DemoCampaignLoader.class);
    private static final String GROUP_PREFIX = "YB-DISTRICTS-";
    private static final String GROUP = GROUP_PREFIX + "2021";
    private static final String ACTOR = "demo-data";

    private final boolean enabled;
    private final CampaignService campaigns;
    private final AssessmentService assessments;
    private final ScoreImportService imports;
    private final PublicationService publications;
    private final RegistryClient registry;

    public DemoCampaignLoader(
            @ConfigProperty(name = "parindex.demo-data", defaultValue = "false") boolean enabled,
            CampaignService campaigns,
            AssessmentService assessments,
            ScoreImportService imports,
            PublicationService publications,
            RegistryClient registry) {
        this.enabled = enabled;
        this.campaigns = campaigns;
        this.assessments = assessments;
        this.imports = imports;
        this.publications = publications;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            Thread.ofVirtual().name("demo-campaigns").start(this::loadWithRetries);
        }
    }

    private void loadWithRetries() {
        for (int attempt = 1; attempt <= 60; attempt++) {
            try {
                load();
                return;
            } catch (RuntimeException e) {
                LOG.debugf("Demo campaigns not loaded yet (%s); retrying", e.getMessage());
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        LOG.warn("Demo campaigns were not loaded: the registry or the catalogue did not answer in 2 minutes");
    }

    void load() {
        if (registry.group(GROUP).isEmpty()) {
            // The registry creates the demo group after its seed; until then, try again.
            throw new IllegalStateException("The registry has no group " + GROUP + " yet");
        }
        long start = System.nanoTime();
        boolean any = campaign("YB-DIST-2020", 2020, null, new BigDecimal("4"));
        any |= campaign("YB-DIST-2021", 2021, "YB-DIST-2020", BigDecimal.ZERO);
        if (any) {
            LOG.infof(
                    "Demo campaigns YB-DIST-2020 and YB-DIST-2021 published in %d ms",
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static boolean exists(String code) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Campaign.findById(code) != null);
    }

    /** One campaign: every district scored; the city {@code cityShortfall} points under the worked example. */
    private boolean campaign(String code, int year, String previous, BigDecimal cityShortfall) {
        if (exists(code)) {
            // Loaded on an earlier start (a half-loaded one is left as it is: delete the data folder to redo it).
            return false;
        }
        Campaign c = campaigns
                .createCampaign(
                        new CampaignDto.Create(
                                code,
                                "Chỉ số CCHC cấp huyện tỉnh Yên Bái " + year + " (demo)",
                                year,
                                "PAR_DIST_YB_2021",
                                GROUP_PREFIX + year,
                                previous,
                                ComparisonRule.NONE,
                                OffsetDateTime.parse(year + "-12-15T17:00:00+07:00")
                                        .plusYears(100),
                                false),
                        ACTOR)
                .campaign();
        CriteriaSet set = campaigns.criteriaSet(c);
        Map<String, CriteriaNode> leaves = LeafChecks.leaves(set);
        List<CampaignService.Member> members = campaigns.members(code);
        List<AssessmentDto.SurveyScore> survey = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String unit = members.get(i).unitCode();
            int place = i + 1;
            // The city is first (code 132); each next district 0.5 survey points and 1 % satisfaction lower.
            BigDecimal drop =
                    unit.equals("132") ? cityShortfall : new BigDecimal("0.5").multiply(BigDecimal.valueOf(place));
            List<AssessmentDto.SelfScore> self = new ArrayList<>();
            Map<String, LeafInput> inputs = YenBai2021.leaves();
            inputs.forEach((leaf, in) -> {
                CriteriaNode node = leaves.get(leaf);
                if (node.scoreSource() == ScoreSource.SURVEY) {
                    BigDecimal points = in.points() == null ? null : in.points();
                    if (leaf.equals("D8.4")) {
                        points = points.subtract(drop).max(BigDecimal.ZERO);
                    }
                    BigDecimal value = in.value() == null || unit.equals("132")
                            ? in.value()
                            : in.value().subtract(BigDecimal.valueOf(place));
                    survey.add(new AssessmentDto.SurveyScore(unit, leaf, points, value));
                } else if (node.scoreSource() != ScoreSource.AUTO) {
                    YenBai2021.SelfEntry entry = YenBai2021.SelfEntry.of(in);
                    self.add(new AssessmentDto.SelfScore(
                            leaf,
                            entry.points(),
                            entry.level(),
                            entry.numerator(),
                            entry.denominator(),
                            null,
                            null,
                            List.of(new AssessmentDto.Evidence(
                                    "Báo cáo CCHC năm " + year + " (demo)", null, null, null))));
                }
            });
            assessments.saveSelfScores(code, unit, self, ACTOR);
        }
        imports.importSurvey(code, survey, ACTOR);
        campaigns.transition(code, CampaignStatus.OPEN, CampaignStatus.SELF_ASSESSMENT_CLOSED);
        campaigns.transition(code, CampaignStatus.SELF_ASSESSMENT_CLOSED, CampaignStatus.APPRAISAL);
        List<AssessmentDto.AppraisalScore> fed = new ArrayList<>();
        for (CriteriaNode leaf : ResultCalculator.leaves(set.nodes(), new ArrayList<>())) {
            if (leaf.scoreSource() == ScoreSource.AUTO) {
                fed.add(new AssessmentDto.AppraisalScore(
                        leaf.code(),
                        leaf.maxPoints(),
                        null,
                        null,
                        null,
                        "Demo: from the year's dossier report (no demo dossiers for " + year + ")"));
            }
        }
        for (CampaignService.Member m : members) {
            assessments.appraise(code, m.unitCode(), new AssessmentDto.Appraisal(1, fed, false), ACTOR);
        }
        publications.approve(code);
        publications.publishRanking(
                code, new PublicationDto.Publish("DEMO-" + year + "/QĐ-UBND", LocalDate.of(year + 1, 3, 1)), ACTOR);
        return true;
    }
}
