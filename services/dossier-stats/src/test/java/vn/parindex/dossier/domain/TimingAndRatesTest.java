package vn.parindex.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimingAndRatesTest {

    private static final LocalDate DUE = LocalDate.of(2025, 2, 4);

    @Test
    void shouldClassifyFinishedDossiersAtTheEdgesOfTheDueDate() {
        assertEquals(TimingClass.EARLY, TimingClass.ofFinished(DossierStatus.RESOLVED, DUE, DUE.minusDays(1)));
        assertEquals(TimingClass.ON_TIME, TimingClass.ofFinished(DossierStatus.RESOLVED, DUE, DUE));
        assertEquals(TimingClass.LATE, TimingClass.ofFinished(DossierStatus.RETURNED, DUE, DUE.plusDays(1)));
        assertNull(TimingClass.ofFinished(DossierStatus.PROCESSING, DUE, null));
        assertEquals(TimingClass.EXCLUDED, TimingClass.ofFinished(DossierStatus.WITHDRAWN, DUE, DUE));
    }

    @Test
    void shouldClassifyUnfinishedDossiersOnADay() {
        LocalDate received = DUE.minusDays(5);
        assertEquals(
                TimingClass.PENDING_WITHIN_TIME, TimingClass.on(DossierStatus.PROCESSING, received, DUE, null, DUE));
        assertEquals(TimingClass.OVERDUE, TimingClass.on(DossierStatus.PAUSED, received, DUE, null, DUE.plusDays(1)));
        // Finished after the day asked about: on that day it was still pending.
        assertEquals(
                TimingClass.PENDING_WITHIN_TIME,
                TimingClass.on(DossierStatus.RESOLVED, received, DUE, DUE, DUE.minusDays(2)));
        // Not received yet on the day: no class at all.
        assertNull(TimingClass.on(DossierStatus.PROCESSING, received, DUE, null, received.minusDays(1)));
    }

    @Test
    void shouldStoreFinishedClassesUnderExplicitCodesNotOrdinals() {
        // dossier.finish_class holds these numbers; they must never move.
        assertEquals(1, TimingClass.EARLY.code());
        assertEquals(2, TimingClass.ON_TIME.code());
        assertEquals(3, TimingClass.LATE.code());
        assertThrows(IllegalStateException.class, TimingClass.OVERDUE::code);
    }

    @Test
    void shouldListLevelThreeAndFourFromTheRule() {
        assertEquals(java.util.List.of(ServiceLevel.LEVEL_3, ServiceLevel.LEVEL_4), ServiceLevel.level34());
    }

    @Test
    void shouldParseStatusesAsPortalsWriteThem() {
        assertEquals(DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.parse("supplement requested"));
        assertEquals(DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.parse("supplement-requested"));
    }

    @Test
    void shouldComputeBothOnTimeConventionsWithTheirParts() {
        // 10 received + 2 carried over; 8 resolved: 5 early, 2 on time, 1 late; 1 overdue; 4 online, 1 postal.
        Counts c = new Counts(10, 2, 8, 5, 2, 1, 3, 1, 1, 4, 3, 0, 1, 20);
        Rates.All r = Rates.of(c);
        assertEquals(new BigDecimal("87.50"), r.onTimeRateResolved().value());
        assertEquals(7, r.onTimeRateResolved().numerator());
        assertEquals(8, r.onTimeRateResolved().denominator());
        // 100 − (1 + 1) / 12 × 100 = 83.33
        assertEquals(new BigDecimal("83.33"), r.onTimeRateWorkload().value());
        assertEquals(12, r.onTimeRateWorkload().denominator());
        assertEquals(new BigDecimal("40.00"), r.onlineShare().value());
        assertEquals(new BigDecimal("30.00"), r.fullOnlineShare().value());
        assertEquals(new BigDecimal("10.00"), r.postalShare().value());
        assertEquals(new BigDecimal("2.50"), r.averageProcessingWorkingDays());
    }

    @Test
    void shouldLeaveRatesOverNothingEmpty() {
        Rates.All r = Rates.of(new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertNull(r.onTimeRateResolved().value());
        assertNull(r.onTimeRateWorkload().value());
        assertNull(r.averageProcessingWorkingDays());
    }
}
