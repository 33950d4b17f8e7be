package vn.parindex.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two replicas of the registry for {@link ReplicasTest}: raw HTTP/1.1 servers on loopback (keep-alive), so a test
 * can make one of them die like a killed process — every socket closed at once, nothing listening — or drop each
 * request after reading it whole, without answering (an instance dying mid-request). A healthy replica answers
 * {@code {"replica":"a","method":"GET","uri":...}}; {@code /q/health/ready} answers 200 unless the replica is down.
 */
public class ReplicaStubs implements QuarkusTestResourceLifecycleManager {

    static final Map<String, Replica> REPLICAS = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        Replica a = new Replica("a");
        Replica b = new Replica("b");
        a.listen(0);
        b.listen(0);
        REPLICAS.put("a", a);
        REPLICAS.put("b", b);
        return Map.of(
                "parindex.gateway.upstreams.unit-registry.instances",
                a.url() + "," + b.url(),
                "parindex.gateway.health-check-interval",
                "200ms");
    }

    @Override
    public void stop() {
        REPLICAS.values().forEach(Replica::kill);
        REPLICAS.clear();
    }

    static Replica replica(String name) {
        return REPLICAS.get(name);
    }

    static final class Replica {
        final String name;
        volatile int port;
        volatile boolean dropRequests;
        private volatile ServerSocket server;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        /** API requests read whole, by method. */
        final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

        Replica(String name) {
            this.name = name;
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        int received(String method) {
            AtomicInteger n = received.get(method);
            return n == null ? 0 : n.get();
        }

        void resetCounts() {
            received.clear();
        }

        void listen(int wanted) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 64);
                port = socket.getLocalPort();
                server = socket;
                Thread.ofVirtual().start(() -> accept(socket));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** As {@code kill -9}: the listener and every connection closed at once. */
        void kill() {
            ServerSocket running = server;
            server = null;
            try {
                if (running != null) {
                    running.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            for (Socket socket : open) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            open.clear();
        }

        /** Started again on the same port. */
        void restart() {
            listen(port);
        }

        private void accept(ServerSocket socket) {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    open.add(connection);
                    Thread.ofVirtual().start(() -> serve(connection));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket connection) {
            try (connection;
                    InputStream in = new BufferedInputStream(connection.getInputStream());
                    OutputStream out = connection.getOutputStream()) {
                while (true) {
                    String head = readHead(in);
                    if (head == null) {
                        return;
                    }
                    String[] lines = head.split("\r\n");
                    String[] requestLine = lines[0].split(" ");
                    String method = requestLine[0];
                    String uri = requestLine[1];
                    long length = 0;
                    for (String line : lines) {
                        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                            length = Long.parseLong(line.substring(15).trim());
                        }
                    }
                    in.readNBytes((int) length);
                    if (uri.startsWith("/q/health")) {
                        respond(out, 200, "{\"status\":\"UP\"}");
                        continue;
                    }
                    received.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
                    if (dropRequests) {
                        return; // read whole, never answered: the connection closes
                    }
                    respond(
                            out,
                            "POST".equals(method) ? 201 : 200,
                            "{\"replica\":\"" + name + "\",\"method\":\"" + method + "\",\"uri\":\"" + uri + "\"}");
                }
            } catch (IOException e) {
                // the gateway closed the connection, or the replica was killed
            } finally {
                open.remove(connection);
            }
        }

        private static void respond(OutputStream out, int status, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 " + status + (status == 201 ? " Created" : " OK")
                            + "\r\nContent-Type: application/json" + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                        ? matched + 1
                        : b == '\r' ? 1 : 0;
            }
            return head.toString(StandardCharsets.US_ASCII);
        }
    }

    static final Set<String> NAMES = Set.of("a", "b");
}
