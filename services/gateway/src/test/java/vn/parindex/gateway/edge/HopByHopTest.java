package vn.parindex.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HopByHopTest {

    @Test
    void shouldDropTheFixedListAndWhatConnectionNamesKeepingTheRest() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("Host", "gateway:8080")
                .add("Connection", "keep-alive, X-Trace-Hop")
                .add("Keep-Alive", "timeout=5")
                .add("X-Trace-Hop", "1")
                .add("TE", "trailers")
                .add("Transfer-Encoding", "chunked")
                .add("Upgrade", "h2c")
                .add("Proxy-Authorization", "Basic x")
                .add("Authorization", "Bearer t")
                .add("Content-Type", "application/json");

        HopByHop.strip(headers);

        assertEquals(
                List.of(
                        Map.entry("Host", "gateway:8080"),
                        Map.entry("Authorization", "Bearer t"),
                        Map.entry("Content-Type", "application/json")),
                headers.entries().stream()
                        .map(e -> Map.entry(e.getKey(), e.getValue()))
                        .toList());
    }

    @Test
    void shouldLeaveAMessageWithoutHopByHopHeadersAlone() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Host", "h").add("Accept", "application/json");
        HopByHop.strip(headers);
        assertEquals(2, headers.size());
    }
}
