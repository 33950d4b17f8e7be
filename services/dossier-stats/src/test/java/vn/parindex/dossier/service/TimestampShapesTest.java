package vn.parindex.dossier.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** The usual timestamp shape read by hand gives what the formatter gives, and leaves every other shape to it. */
class TimestampShapesTest {

    @Test
    void shouldReadTheUsualShapeAsTheFormatterDoes() {
        for (String s : new String[] {
            "2025-07-01T08:30:00+07:00",
            "2025-07-01T00:00:00+07:00",
            "2025-12-31T23:59:59-03:30",
            "2024-02-29T12:00:00+00:00",
            "2024-02-29T12:00:00-00:00",
            "1900-01-01T00:00:00+07:00",
            "2199-12-31T23:59:59+14:00",
            "2025-07-01T08:30:00Z",
        }) {
            OffsetDateTime usual = DossierRowValidator.usualTime(s);
            assertNotNull(usual, s);
            assertEquals(OffsetDateTime.parse(s), usual, s);
            assertEquals(OffsetDateTime.parse(s).toString(), usual.toString(), s);
        }
    }

    @Test
    void shouldLeaveOtherShapesAndImpossibleValuesToTheFormatter() {
        for (String s : new String[] {
            "2025-07-01T08:30+07:00",
            "2025-07-01T08:30:00.5+07:00",
            "2025-07-01T08:30:00",
            "2025-07-01",
            "2025-02-30T08:30:00+07:00",
            "2025-07-01T24:00:00+07:00",
            "2025-07-01T08:30:00+19:00",
            "2025-07-01T08:30:00+07:60",
            "2025-07-01T08:30:00 07:00",
            "2025-07-01t08:30:00+07:00",
            "2025-07-0xT08:30:00+07:00",
            "+2025-07-01T08:30:00Z",
        }) {
            assertNull(DossierRowValidator.usualTime(s), s);
        }
    }

    @Test
    void shouldAnswerTheSameForEveryShapeThroughTime() {
        for (String s : new String[] {
            "2025-07-01T08:30:00+07:00",
            "2025-02-30T08:30:00+07:00",
            "2025-07-01T24:00:00+07:00",
            "1899-12-31T23:59:59+07:00",
            "2025-07-01T08:30:00",
            "2025-07-01",
        }) {
            assertEquals(formatterOnly(s), DossierRowValidator.time(s), s);
        }
    }

    /** What {@link DossierRowValidator#time} answered before the usual shape was read by hand. */
    private static OffsetDateTime formatterOnly(String s) {
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            try {
                at = java.time.LocalDateTime.parse(s)
                        .atZone(vn.parindex.common.api.VietnamTime.ZONE)
                        .toOffsetDateTime();
            } catch (DateTimeParseException e2) {
                try {
                    at = java.time.LocalDate.parse(s)
                            .atStartOfDay(vn.parindex.common.api.VietnamTime.ZONE)
                            .toOffsetDateTime();
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
        return vn.parindex.common.api.InputLimits.checkTimestamp(at) != null ? null : at;
    }
}
