package vn.parindex.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/** The services' log files: appended across runs, each run opened by a banner line. */
final class LogFiles {

    /** Enough bytes for 40 long log lines (stack traces included) without reading a large file whole. */
    private static final int TAIL_BYTES = 64 * 1024;

    private LogFiles() {}

    static void appendBanner(Path logFile, String text) throws IOException {
        Files.createDirectories(logFile.getParent());
        String banner = "%n===== %s %s =====%n".formatted(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS), text);
        Files.writeString(
                logFile, banner, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The last {@code count} lines of a file; empty if it cannot be read. */
    static List<String> tail(Path file, int count) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, TAIL_BYTES);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R", -1);
            int end = lines.length;
            if (end > 0 && lines[end - 1].isEmpty()) {
                end--;
            }
            // The first line may be cut in the middle when the file is longer than what was read.
            int firstWhole = size < length ? 1 : 0;
            int start = Math.max(firstWhole, end - count);
            return start >= end ? List.of() : Arrays.asList(lines).subList(start, end);
        } catch (IOException e) {
            return List.of();
        }
    }
}
