package vn.parindex.common.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Vietnam's clock, declared once for every service: "today" for default dates, the calendar day a timestamp falls on,
 * and the offset of timestamps the services write. Vietnam keeps UTC+7 all year (no daylight saving).
 */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(7);

    private VietnamTime() {}

    /** Vietnam's calendar day now, whatever the server's zone. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
