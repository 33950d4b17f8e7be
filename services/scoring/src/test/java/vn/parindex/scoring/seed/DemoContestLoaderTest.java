package vn.parindex.scoring.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.parindex.scoring.api.CampaignDto;
import vn.parindex.scoring.api.ContestDto;
import vn.parindex.scoring.api.FakeServices;
import vn.parindex.scoring.domain.CampaignStatus;
import vn.parindex.scoring.domain.RankingDocument;
import vn.parindex.scoring.service.CampaignMembers;
import vn.parindex.scoring.service.CampaignService;
import vn.parindex.scoring.service.ContestService;
import vn.parindex.scoring.service.PublicationService;
import vn.parindex.scoring.service.PublishedRankings;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * The demo loader plays Sơn La 2021's contest window through scoring's use cases on real PostgreSQL: preliminary
 * ranking (version 1), officer-116's contest, the council's rejection by appraiser, final ranking (version 2) with
 * the same figures; a second start finds everything stored and adds nothing.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DemoContestLoaderTest {

    @Inject
    DemoCampaignLoader loader;

    @Inject
    CampaignService campaigns;

    @Inject
    ContestService contests;

    @Inject
    CampaignMembers members;

    @Inject
    PublishedRankings rankings;

    @Test
    void shouldPlayTheContestWindowOfSonLa2021OnceAcrossRestarts() {
        DemoData data = DemoData.load();
        assertEquals(12, loader.load(data.campaign("SL-DIST-2020")));
        assertEquals(12, loader.load(data.campaign("SL-DIST-2021")));
        assertEquals(CampaignStatus.PUBLISHED, campaigns.campaign("SL-DIST-2021").status);

        List<ContestDto.View> filed = contests.list("SL-DIST-2021");
        assertEquals(1, filed.size(), filed.toString());
        ContestDto.View contest = filed.get(0);
        assertEquals("116", contest.unitCode());
        assertEquals("S1.5", contest.criterionCode());
        assertEquals("REJECTED", contest.status());
        assertEquals("officer-116", contest.filedBy());
        assertEquals("appraiser", contest.decidedBy());
        assertNotNull(contest.filedAt());
        assertNotNull(contest.decidedAt());
        assertEquals(0, new BigDecimal("1.2").compareTo(contest.pointsBefore()), contest.toString());
        assertNull(contest.pointsAfter());
        assertTrue(members.council("SL-DIST-2021").stream()
                .anyMatch(
                        m -> m.appraiser().equals("appraiser") && m.assignedBy().equals("demo-data")));

        RankingDocument preliminary = document(1);
        RankingDocument fin = document(2);
        assertEquals(PublicationService.STAGE_PRELIMINARY, preliminary.stage());
        assertNotNull(preliminary.contestDeadline());
        assertEquals(PublicationService.STAGE_FINAL, fin.stage());
        assertEquals("demo-data", fin.publishedBy());
        for (RankingDocument doc : List.of(preliminary, fin)) {
            RankingDocument.Item city = doc.items().stream()
                    .filter(i -> i.unitCode().equals("116"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("2/12", city.rankLabel(), doc.stage());
            assertEquals(0, new BigDecimal("90.68").compareTo(city.totalPoints()), city.toString());
        }

        // Another start: published, nothing filed, decided or published again.
        assertEquals(0, loader.load(data.campaign("SL-DIST-2021")));
        assertEquals(1, contests.list("SL-DIST-2021").size());
        assertEquals(2, rankings.latestVersion("SL-DIST-2021"));
        List<CampaignDto.CouncilMember> council = members.council("SL-DIST-2021");
        assertEquals(1, council.size(), council.toString());
    }

    private RankingDocument document(int version) {
        return rankings.document(rankings.version("SL-DIST-2021", version).orElseThrow());
    }
}
