package vn.parindex.registry.unit.domain;

import java.time.LocalDate;
import java.time.ZoneId;

/** "Today" for default {@code asOf} values is Vietnam's calendar day, whatever the server's zone. */
public final class Today {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private Today() {}

    public static LocalDate inVietnam() {
        return LocalDate.now(VIETNAM);
    }
}
