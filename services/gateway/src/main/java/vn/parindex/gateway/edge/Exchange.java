package vn.parindex.gateway.edge;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import vn.parindex.gateway.proxy.Upstream;
import vn.parindex.gateway.proxy.UpstreamInstance;

/**
 * One request and its answer on a client connection: everything that belongs to it, in one object created when its
 * head arrives (or its head timed out) and dropped when it ends. Nothing is reset: the next request gets a new one.
 * Used on its connection's event loop only.
 */
final class Exchange implements UpstreamPool.Waiter {

    private final ClientConnection connection;

    final long started = System.nanoTime();
    final HttpMethod method;
    final HttpVersion version;
    /** The path without the query; null for a request whose head could not be read. */
    final String path;

    final String requestId;
    /** A service's path ({@code /api/...}): CORS and the gateway-owned headers apply. */
    final boolean api;

    final String origin;
    final boolean corsAllowed;
    /** The request declares no body (no Content-Length or 0, not chunked). */
    final boolean bodyless;
    /** What the admission rules decided on (null for a head that could not be read or did not arrive). */
    final RequestHead head;

    /** The client may keep the connection after this exchange. */
    boolean keepAlive;
    /** The last chunk of the request body arrived (or nothing more of it will be read). */
    boolean requestComplete;
    /** The rest of the request body is read and dropped. */
    boolean discarding;
    /** A token check or an upstream connection is awaited: the client is not read meanwhile. */
    boolean awaiting;
    /** The head of an answer went out (the service's or the gateway's own). */
    boolean answered;
    /** The client's connection closes after the answer. */
    boolean closeAfter;
    /** The service's answer allows reusing its connection. */
    boolean upstreamKeepAlive;
    /** The upstream connection went quiet for the service's timeout. */
    boolean silent;
    /** The request went upstream whole (its last chunk written): only then may the connection be reused. */
    boolean sentWhole;
    /** The whole answer has been written to the client. */
    boolean answerDone;

    final BodyLimit body = new BodyLimit();
    /** The service the request goes to, once admitted. */
    Upstream target;
    /** The pool of the instance the current attempt goes to. */
    UpstreamPool pool;
    /** The instance of the current attempt, while the request counts as pending there. */
    UpstreamInstance instance;
    /** The instances tried so far, the current one included. */
    final List<UpstreamInstance> tried = new ArrayList<>(2);
    /** Attempts that went out and failed without an answer. */
    int sentAttempts;
    /** GET, HEAD, OPTIONS, or a write with an Idempotency-Key (RetryPolicy). */
    boolean idempotent;
    /** The head and the body so far are kept ({@link #replayHead}, {@link #replay}): it may be sent again. */
    boolean replayable;
    /** The head as sent, kept while the request is replayable. */
    HttpRequest replayHead;
    /** Copies of the body chunks sent, kept while the request is replayable. */
    List<HttpContent> replay = new ArrayList<>(2);

    int replayBytes;

    /** The most body bytes kept for a replay; a larger idempotent request is not retried once sent. */
    static final int MAX_REPLAY_BYTES = 64 * 1024;
    /** The upstream connection while the exchange uses it. */
    Channel upstream;
    /** The request head until it is written upstream (released if it never is). */
    HttpRequest request;
    /** Body chunks that came before the upstream connection was there. */
    List<HttpContent> held;

    Exchange(
            ClientConnection connection,
            HttpMethod method,
            HttpVersion version,
            String path,
            String requestId,
            boolean api,
            String origin,
            boolean corsAllowed,
            boolean bodyless,
            RequestHead head) {
        this.connection = connection;
        this.method = method;
        this.version = version;
        this.path = path;
        this.requestId = requestId;
        this.api = api;
        this.origin = origin;
        this.corsAllowed = corsAllowed;
        this.bodyless = bodyless;
        this.head = head;
    }

    @Override
    public void acquired(Channel channel) {
        connection.acquired(this, channel);
    }

    @Override
    public void failed(Throwable cause) {
        connection.failed(this, cause);
    }
}
