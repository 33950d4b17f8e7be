package vn.parindex.dossier.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.parindex.dossier.domain.Channel;
import vn.parindex.dossier.domain.DossierRow;
import vn.parindex.dossier.domain.OfficialCalendar;
import vn.parindex.dossier.domain.Procedure;
import vn.parindex.dossier.domain.ServiceLevel;
import vn.parindex.dossier.domain.WorkingCalendar;
import vn.parindex.dossier.service.DossierRowValidator;
import vn.parindex.dossier.service.ProcedureService;

/**
 * Every target of the demo campaigns ({@value DemoTargets#RESOURCE}) gets dossiers whose counts, as ingestion
 * derives them and statistics counts them over the year, are exactly the target's; the rows look real.
 */
class TargetedDossiersTest {

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(OfficialCalendar.days());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldGiveEveryDemoTargetItsExactCounts() throws Exception {
        List<DemoTargets.Target> targets = DemoTargets.load(DemoTargets.RESOURCE);
        assertEquals(42, targets.size(), "the units of YB-DIST-2021, QN-DIST-2019, SL-DIST-2021, YB-AGENCY-2020");
        List<Procedure> procedures = TargetedDossiers.procedures(60, 2019);
        Map<String, ProcedureService.Terms> terms = new HashMap<>();
        procedures.forEach(
                p -> terms.put(p.code(), new ProcedureService.Terms(p.deadlineWorkingDays(), p.serviceLevel())));
        TargetedDossiers generator = new TargetedDossiers(CALENDAR, procedures);
        for (DemoTargets.Target t : targets) {
            check(generator, terms, t);
        }
    }

    @Test
    void shouldKeepDossiersReceivedButNotResolvedOpenUntilJanuary() throws Exception {
        List<Procedure> procedures = TargetedDossiers.procedures(20, 1);
        Map<String, ProcedureService.Terms> terms = new HashMap<>();
        procedures.forEach(
                p -> terms.put(p.code(), new ProcedureService.Terms(p.deadlineWorkingDays(), p.serviceLevel())));
        check(
                new TargetedDossiers(CALENDAR, procedures),
                terms,
                new DemoTargets.Target("999", 2020, 870, 900, 300, 1000, "TEST", "X", "Huyện Thử"));
    }

    private static void check(
            TargetedDossiers generator, Map<String, ProcedureService.Terms> terms, DemoTargets.Target t)
            throws Exception {
        StringWriter out = new StringWriter();
        long written = generator.writeNdjson(out, t);
        DossierRowValidator validator =
                new DossierRowValidator(terms, (unit, day) -> unit.equals(t.unitCode()), CALENDAR);
        LocalDate from = LocalDate.of(t.year(), 1, 1);
        LocalDate to = LocalDate.of(t.year(), 12, 31);
        long received = 0, resolved = 0, onTime = 0, online = 0, level34 = 0, excluded = 0, late = 0, postal = 0;
        Set<ServiceLevel> levels = new HashSet<>();
        Set<Integer> months = new HashSet<>();
        Set<String> ids = new HashSet<>();
        long line = 0;
        for (String json : out.toString().split("\n")) {
            line++;
            @SuppressWarnings("unchecked")
            Map<String, String> fields = JSON.readValue(json, Map.class);
            DossierRowValidator.Outcome o = validator.check(line, fields);
            assertNull(o.rejection(), () -> json + " " + o.rejection());
            DossierRow r = o.row();
            assertTrue(ids.add(r.dossierId()), r.dossierId());
            assertEquals(TargetedDossiers.SOURCE_SYSTEM, r.sourceSystem());
            boolean inYear =
                    !r.receivedDate().isBefore(from) && !r.receivedDate().isAfter(to);
            assertTrue(inYear, json);
            if (r.channel() != Channel.ONLINE) {
                assertTrue(CALENDAR.isWorkingDay(r.receivedDate()), "received at the desk on a working day: " + json);
            }
            if (r.excluded()) {
                excluded++;
                continue;
            }
            received++;
            months.add(r.receivedDate().getMonthValue());
            levels.add(r.serviceLevel());
            if (r.channel() == Channel.ONLINE) {
                online++;
                assertTrue(r.serviceLevel().isLevel34(), "online only where the service level allows: " + json);
            }
            if (r.channel() == Channel.POSTAL) {
                postal++;
            }
            if (r.channel() == Channel.ONLINE && r.serviceLevel().isLevel34()) {
                level34++;
            }
            if (r.finishClass() != null && !r.finishedDate().isAfter(to)) {
                resolved++;
                if (r.finishClass() <= 2) {
                    onTime++;
                } else {
                    late++;
                    assertTrue(r.finishedDate().isAfter(r.dueDate()), json);
                }
            }
        }
        String what = t.unitCode() + " " + t.year();
        assertEquals(written, line, what);
        assertEquals(t.received(), received, what + " received");
        assertEquals(t.resolved(), resolved, what + " resolved");
        assertEquals(t.onTime(), onTime, what + " on time");
        assertEquals(t.online(), online, what + " online");
        assertEquals(t.online(), level34, what + " online at level 3/4");
        assertEquals(Math.round(t.received() * 0.015), excluded, what + " excluded");
        assertEquals(12, months.size(), what + ": receipt spread over the year");
        assertTrue(received < 100 || levels.size() == 3, what + ": levels 2, 3 and 4 " + levels);
        assertTrue(t.received() - t.online() < 100 || postal > 0, what + ": some by post");
        assertEquals(t.resolved() - t.onTime(), late, what);
    }
}
