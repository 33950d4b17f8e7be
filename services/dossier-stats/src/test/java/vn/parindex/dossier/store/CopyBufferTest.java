package vn.parindex.dossier.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyBufferTest {

    @Test
    void shouldWriteTheBytesOfTheStringEncoding() {
        List<String> values = Arrays.asList(
                "plain",
                null,
                "",
                "tab\there, line\nfeed, return\r, back\\slash",
                "Hà Nội — Xã Đông Anh",
                "emoji 😀 and a lone \uD83D surrogate and \uDE00 another",
                "\u07ff\u0800\uffff",
                "x".repeat(5_000));
        CopyBuffer buffer = new CopyBuffer(4); // grows
        StringBuilder expected = new StringBuilder();
        for (String v : values) {
            buffer.value(v);
            buffer.separator('\t');
            CopyEncoding.value(expected, v);
            expected.append('\t');
        }
        buffer.separator('\n');
        expected.append('\n');
        assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), buffer.toByteArray());
    }
}
