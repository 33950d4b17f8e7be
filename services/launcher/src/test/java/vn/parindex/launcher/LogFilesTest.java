package vn.parindex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @TempDir
    Path tmp;

    @Test
    void tailReturnsTheLastLines() throws IOException {
        Path log = tmp.resolve("a.log");
        Files.writeString(log, lines(1, 100));

        assertEquals(List.of("line 98", "line 99", "line 100"), LogFiles.tail(log, 3));
    }

    @Test
    void tailOfAShortFileIsTheWholeFile() throws IOException {
        Path log = tmp.resolve("a.log");
        Files.writeString(log, "only\nlines");

        assertEquals(List.of("only", "lines"), LogFiles.tail(log, 40));
    }

    @Test
    void tailOfALargeFileSkipsThePartialFirstLine() throws IOException {
        Path log = tmp.resolve("big.log");
        Files.writeString(log, "x".repeat(100_000) + "\n" + lines(1, 5));

        assertEquals(List.of("line 1", "line 2", "line 3", "line 4", "line 5"), LogFiles.tail(log, 40));
    }

    @Test
    void tailOfAMissingFileIsEmpty() {
        assertTrue(LogFiles.tail(tmp.resolve("missing.log"), 40).isEmpty());
    }

    @Test
    void bannersAreAppended() throws IOException {
        Path log = tmp.resolve("logs/s.log");
        LogFiles.appendBanner(log, "first");
        LogFiles.appendBanner(log, "second");

        List<String> tail = LogFiles.tail(log, 1);
        assertTrue(tail.getFirst().contains("second"), tail.toString());
        assertTrue(Files.readString(log).contains("first"));
    }

    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
    }
}
