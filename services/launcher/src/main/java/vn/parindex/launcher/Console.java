package vn.parindex.launcher;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** What the person who ran the launcher reads. Services write to their own log files, not here. */
final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Console() {}

    static void info(String message) {
        System.out.println(prefix() + message);
    }

    static void error(String message) {
        System.out.flush();
        System.err.println(prefix() + "ERROR: " + message);
    }

    /** Text that keeps its own layout (address block, log excerpts, help). */
    static void block(String text) {
        System.out.println(text);
    }

    private static String prefix() {
        return LocalTime.now().format(TIME) + " parindex  ";
    }
}
