package vn.parindex.gateway.edge;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import vn.parindex.common.api.CommonError;
import vn.parindex.common.api.ErrorCode;
import vn.parindex.gateway.GatewayError;
import vn.parindex.gateway.auth.TokenVerifier;
import vn.parindex.gateway.auth.TokenVerifier.VerifiedToken;
import vn.parindex.gateway.proxy.RequestIds;
import vn.parindex.gateway.proxy.Upstream;

/**
 * One client's connection to the gateway, and the exchanges on it one after the other (HTTP/1.1; pipelined
 * requests wait their turn).
 *
 * <p>For each request: a request id (the client's, or a new one); on {@code /api/*} the browser preflight answered
 * here, the bearer token checked (a bad one is a 401; a good one passes unchanged, the services authorise), the
 * client's rate limit (429), the route to a service (404 if none); on {@code /auth/*} a small body and the rate
 * limit by address. Then the request goes to its service, or to the gateway's own endpoints (Quarkus, on a
 * loopback port), and the answer comes back.
 *
 * <p>Upstream, the request keeps its method, target and the client's {@code Host} (so services build {@code
 * Location} headers that point at the gateway) and gets {@code X-Forwarded-For/-Proto/-Host/-Port} and the request
 * id. Downstream, a service's status and headers pass unchanged except the gateway's own (CORS, request id).
 * Hop-by-hop headers (RFC 9110 §7.6.1) stop here in both directions. Bodies stream in both directions with
 * back-pressure (a slow reader stops the reading of the other side); a body that breaks off is never passed on as
 * if it were complete. A service that cannot be reached, or stays silent for its timeout before answering, becomes
 * a 503 problem naming it.
 *
 * <p>Runs on one event loop; no field is shared with another thread.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter implements UpstreamPool.Waiter {

    private static final Logger LOG = Logger.getLogger(ClientConnection.class);

    private static final AsciiString X_FORWARDED_FOR = EdgeMessages.X_FORWARDED_FOR;
    private static final AsciiString X_REQUEST_ID = EdgeMessages.X_REQUEST_ID;
    /** How long a connection closed after an early answer keeps reading (and dropping) the unread body. */
    private static final long LINGER_MS = 2000;

    private final Edge edge;
    private ChannelHandlerContext ctx;
    private String clientAddress;
    private String clientKey;
    private boolean reading = true;

    /** Messages of requests after the current one (pipelining), handled when it ends. */
    private final ArrayDeque<Object> later = new ArrayDeque<>();

    // The current exchange.
    private boolean inExchange;
    private HttpRequest request;
    private HttpMethod method;
    private HttpVersion version;
    private String path;
    private String requestId;
    private boolean api;
    private boolean corsAllowed;
    private String origin;
    private String forwardedFor;
    private boolean keepAlive;
    private boolean bodyless;
    private boolean requestComplete;
    private boolean discarding;
    private boolean awaiting;
    private boolean answered;
    private boolean closeAfter;
    private boolean upstreamKeepAlive;
    private boolean silent;
    /** The request went upstream whole (its last chunk written): only then may the connection be reused. */
    private boolean sentWhole;
    /** The whole answer has been written to the client. */
    private boolean answerDone;

    private long started;
    private UpstreamPool pool;
    private Channel upstream;
    private List<HttpContent> held;

    ClientConnection(Edge edge) {
        this.edge = edge;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;

        SocketAddress remote = ctx.channel().remoteAddress();
        clientAddress = remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : "unknown";
        clientKey = Admission.addressKey(clientAddress);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!later.isEmpty() || (inExchange && msg instanceof HttpRequest)) {
            later.addLast(msg);
            updateAutoRead();
            return;
        }
        handle(msg);
    }

    private void handle(Object msg) {
        if (msg instanceof HttpRequest next) {
            begin(next);
        }
        if (msg instanceof HttpContent content) {
            content(content);
        } else if (!(msg instanceof HttpRequest)) {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (upstream != null) {
            upstream.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // A client that reads slowly holds back the service's answer and its own next requests, not the gateway's
        // memory.
        boolean writable = ctx.channel().isWritable();
        if (upstream != null) {
            upstream.config().setAutoRead(writable);
        }
        if (writable && !inExchange) {
            drainLater();
        } else {
            updateAutoRead();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && !inExchange) {
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debugf("client connection %s closed: %s", clientAddress, cause);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        dropUpstream(); // the answer cannot be delivered; the connection is mid-exchange
        releaseHeld();
        later.forEach(ReferenceCountUtil::release);
        later.clear();
        inExchange = false;
    }

    // ---- request side -------------------------------------------------------------------------------------------

    private void begin(HttpRequest next) {
        inExchange = true;
        started = System.nanoTime();
        request = next;
        method = next.method();
        version = next.protocolVersion();
        HttpHeaders headers = next.headers();
        keepAlive = HttpUtil.isKeepAlive(next);
        bodyless = !HttpUtil.isTransferEncodingChunked(next) && HttpUtil.getContentLength(next, 0L) == 0L;
        requestComplete = false;
        discarding = false;
        answered = false;
        closeAfter = false;
        silent = false;
        answerDone = false;
        pool = null;
        requestId = RequestIds.keepOrCreate(headers.get(X_REQUEST_ID));
        String uri = next.uri();
        int query = uri.indexOf('?');
        path = query < 0 ? uri : uri.substring(0, query);
        api = path.startsWith("/api/") && !Edge.OWN_API_PATHS.contains(path);
        origin = headers.get(HttpHeaderNames.ORIGIN);
        forwardedFor = edge.trustsForwardedFor(clientAddress) ? headers.get(X_FORWARDED_FOR) : null;
        corsAllowed = api && edge.cors().allows(origin);

        if (next.decoderResult().isFailure()) {
            keepAlive = false;
            discarding = true;
            // The headers were not read, so whether a body follows is unknown: linger before closing (local()),
            // else a client still sending one gets a reset instead of the answer.
            bodyless = false;
            request = null; // released with its (empty) content by content()
            Throwable cause = next.decoderResult().cause();
            if (cause instanceof io.netty.handler.codec.http.TooLongHttpLineException) {
                problem(GatewayError.URI_TOO_LONG, "The request line is longer than 8,192 bytes", null);
            } else if (cause instanceof io.netty.handler.codec.http.TooLongHttpHeaderException) {
                problem(GatewayError.HEADERS_TOO_LARGE, "The request headers are larger than 16 KB", null);
            } else {
                // The decoder's message names its classes: the client learns what, not how.
                problem(GatewayError.BAD_REQUEST, "The request could not be read as HTTP/1.1", null);
            }
            return;
        }
        if (!uri.startsWith("/")) {
            // Absolute-form (http://host/...) or '*': the gateway is no forward proxy.
            keepAlive = false;
            problem(GatewayError.BAD_REQUEST, "The request target must be a path starting with /", null);
            return;
        }
        if (!Edge.isNormalised(path)) {
            // Decided on the path as sent: dot segments and encoded dots could reach a service path outside the API
            // (/api/units/../../q/...) or pass /x/../auth/token for something else than /auth/token.
            problem(CommonError.RESOURCE_NOT_FOUND, "No resource at " + path + " (not a normalised path)", null);
            return;
        }
        if (api
                && origin != null
                && method == HttpMethod.OPTIONS
                && headers.contains(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD)
                && edge.cors().enabled()) {
            preflight(headers);
            return;
        }
        if (api) {
            String token = Admission.bearerToken(headers.get(HttpHeaderNames.AUTHORIZATION));
            if (token == null) {
                admitted(null);
                return;
            }
            Future<VerifiedToken> verification = edge.admission().verify(token);
            if (verification.isComplete()) {
                verified(verification);
                return;
            }
            // An unknown signing key is being fetched: hold the request (and its body) until it is known.
            awaiting = true;
            updateAutoRead();
            Channel channel = ctx.channel();
            verification.onComplete(result -> channel.eventLoop().execute(() -> {
                try {
                    awaiting = false;
                    updateAutoRead();
                    if (channel.isActive() && inExchange) {
                        verified(result);
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(e, "closing client connection %s", clientAddress);
                    channel.close();
                }
            }));
            return;
        }
        if (path.startsWith("/auth/")) {
            String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
            if (HttpUtil.isTransferEncodingChunked(next)
                    || (length != null && Admission.tooLongForOwnEndpoint(length))) {
                problem(
                        GatewayError.REQUEST_TOO_LARGE,
                        "Bodies sent to " + path + " must have a Content-Length of at most "
                                + Admission.MAX_OWN_BODY_BYTES + " bytes",
                        null);
                return;
            }
            if (limited(null)) {
                return;
            }
        }
        forward(edge.ownPool(ctx.channel().eventLoop()));
    }

    private void verified(AsyncResult<VerifiedToken> result) {
        if (result.succeeded()) {
            admitted(result.result().subject());
            return;
        }
        // A bad token still costs its sender a token of the address's bucket: guessing is rate limited too.
        if (limited(null)) {
            return;
        }
        String detail = result.cause() instanceof TokenVerifier.InvalidTokenException
                ? result.cause().getMessage()
                : "The token cannot be checked";
        problem(
                GatewayError.INVALID_TOKEN,
                detail,
                Map.of(),
                HttpHeaderNames.WWW_AUTHENTICATE,
                "Bearer error=\"invalid_token\", error_description=\"" + EdgeMessages.headerSafe(detail) + "\"");
    }

    private void admitted(String subject) {
        if (limited(subject)) {
            return;
        }

        UpstreamPool service = edge.servicePool(path, ctx.channel().eventLoop());
        if (service == null) {
            problem(CommonError.RESOURCE_NOT_FOUND, "No resource at " + path, null);
            return;
        }
        forward(service);
    }

    /** Takes a token of the client's bucket, or answers 429 and returns true. */
    private boolean limited(String subject) {
        long wait = edge.admission().acquire(subject != null ? Admission.subjectKey(subject) : anonymousKey());
        if (wait == 0) {
            return false;
        }
        long seconds = Admission.retryAfterSeconds(wait);
        problem(
                GatewayError.RATE_LIMITED,
                "Too many requests from this client; retry in " + seconds + " s",
                Map.of("retryAfterSeconds", seconds),
                HttpHeaderNames.RETRY_AFTER,
                Long.toString(seconds));
        return true;
    }

    /** The bucket of an anonymous client: its address, or behind a trusted balancer the one the balancer names. */
    private String anonymousKey() {
        if (edge.trustsForwardedFor(clientAddress)) {
            String client = Edge.lastForwardedFor(forwardedFor);
            if (client != null) {
                return Admission.addressKey(client);
            }
        }
        return clientKey;
    }

    private void forward(UpstreamPool target) {
        pool = target;
        boolean expectContinue = HttpUtil.is100ContinueExpected(request);
        EdgeMessages.prepareForService(request, clientAddress, target.upstream(), requestId);
        if (expectContinue) {
            // curl and others wait up to a second for "100 Continue" before sending a large body; the request is
            // admitted, so say so now.
            // Written below the HTTP encoder: it counts every response it encodes against a request, an interim
            // one too, and would then frame the answers of later pipelined requests by the wrong method.
            ctx.pipeline().firstContext().writeAndFlush(Unpooled.wrappedBuffer(EdgeMessages.CONTINUE));
        }
        awaiting = true;
        target.acquire(this);
        if (awaiting) {
            updateAutoRead(); // a connection is being opened: hold the body meanwhile
        }
    }

    @Override
    public void acquired(Channel channel) {
        awaiting = false;
        if (!ctx.channel().isActive() || !inExchange || request == null) {
            pool.release(channel);
            return;
        }
        upstream = channel;
        UpstreamHandler.of(channel).attach(this);
        upstreamKeepAlive = false;
        sentWhole = false;
        // A failed write reaches UpstreamHandler.exceptionCaught, which closes the connection: the exchange then
        // ends as with a service that hung up.
        channel.write(request, channel.voidPromise());
        request = null;
        if (held != null) {
            for (HttpContent content : held) {
                sentWhole |= content instanceof LastHttpContent;
                channel.write(content, channel.voidPromise());
            }
            held = null;
        }
        channel.flush();
        updateAutoRead();
    }

    @Override
    public void failed(Throwable cause) {
        awaiting = false;
        updateAutoRead();
        if (ctx.channel().isActive() && inExchange) {
            unavailable(cause);
        }
    }

    private void content(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (content.decoderResult().isFailure()) {
            content.release();
            if (!discarding) {
                requestBroken();
            }
            return;
        }
        if (last) {
            requestComplete = true;
        }
        if (discarding || answered) {
            content.release();
            if (last && answered) {
                if (!closeAfter) {
                    endExchange();
                } else if (answerDone) {
                    ctx.close(); // the unread rest of an early-answered body is read: now the close is clean
                }
            }
            return;
        }
        if (upstream != null) {
            if (last) {
                sentWhole = true;
                upstream.writeAndFlush(content, upstream.voidPromise());
            } else {
                upstream.write(content, upstream.voidPromise());
                if (!upstream.isWritable()) {
                    updateAutoRead();
                }
            }
            return;
        }
        if (held == null) {
            held = new ArrayList<>(2);
        }
        held.add(content);
    }

    /**
     * The request body is not valid HTTP (a broken chunk): nothing of it may pass as complete. The connection to
     * the service is dropped without the last chunk; the client gets a 400 if nothing was answered yet.
     */
    private void requestBroken() {
        keepAlive = false;
        discarding = true;
        requestComplete = true;
        dropUpstream();
        if (answered) {
            ctx.close();
        } else {
            problem(GatewayError.BAD_REQUEST, "The request body could not be read (broken chunked encoding)", null);
        }
    }

    /** Closes the upstream connection of an exchange that broke off: it is mid-exchange, not reusable. */
    private void dropUpstream() {
        if (upstream != null) {
            pool.discard(upstream);
            upstream = null;
        }
    }

    private void releaseHeld() {
        if (held != null) {
            held.forEach(ReferenceCountUtil::release);
            held = null;
        }
        if (request != null) {
            ReferenceCountUtil.release(request);
            request = null;
        }
    }

    /** Reads the client only when the current exchange can take what comes next. */
    void updateAutoRead() {
        boolean want = later.isEmpty()
                && !awaiting
                && ctx.channel().isWritable()
                && (upstream == null || upstream.isWritable());
        if (want != reading) {
            reading = want;
            ctx.channel().config().setAutoRead(want);
        }
    }

    // ---- answer side --------------------------------------------------------------------------------------------

    /** The service's answer, piece by piece (called by {@link UpstreamHandler} on this loop). */
    void fromUpstream(Object msg) {
        if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg);
            badAnswer(object.decoderResult().cause());
            return;
        }
        if (msg instanceof HttpResponse response) {
            if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                // Expect was not passed on; other interim answers (103 Early Hints) are dropped, with the empty
                // last chunk the decoder gives each of them.
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof FullHttpResponse full) {
                answerHead(new DefaultHttpResponse(full.protocolVersion(), full.status(), full.headers()));
                msg = new DefaultLastHttpContent(full.content(), full.trailingHeaders());
            } else {
                answerHead(response);
            }
        }
        if (msg instanceof HttpContent content && !answered) {
            content.release(); // the end of an interim answer
            return;
        }
        if (msg instanceof HttpContent content) {
            Channel client = ctx.channel();
            if (content instanceof LastHttpContent) {
                answerDone = true;
                var written = client.writeAndFlush(content);
                boolean close = closeAfter || !keepAlive;
                upstreamDone();
                if (close && !requestComplete) {
                    // The service answered before the whole body came (a 413 …): as for the gateway's own answers,
                    // keep reading and dropping the rest for a while, else the reset loses the client its answer.
                    Channel channel = ctx.channel();
                    channel.eventLoop().schedule(() -> channel.close(), LINGER_MS, TimeUnit.MILLISECONDS);
                    updateAutoRead();
                } else if (close) {
                    written.addListener(ChannelFutureListener.CLOSE);
                } else {
                    endExchange();
                }
            } else {
                client.write(content);
                if (!client.isWritable() && upstream != null) {
                    upstream.config().setAutoRead(false);
                }
            }
        }
    }

    private void answerHead(HttpResponse response) {
        answered = true;
        upstreamKeepAlive = HttpUtil.isKeepAlive(response);
        HttpHeaders headers = response.headers();
        HopByHop.strip(headers);
        if (api) {
            EdgeMessages.dropGatewayOwned(headers);
            cors(headers);
        }
        headers.set(X_REQUEST_ID, requestId);
        if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH)
                && EdgeMessages.mayHaveBody(method, response.status().code())) {
            if (version == HttpVersion.HTTP_1_0) {
                closeAfter = true; // no chunks in HTTP/1.0: the end of the body is the end of the connection
            } else {
                HttpUtil.setTransferEncodingChunked(response, true);
            }
        }
        if (!requestComplete) {
            // The service answered before the whole body arrived: the rest is not read, the connection ends.
            closeAfter = true;
            discarding = true;
        }
        connectionHeader(headers);
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
        ctx.write(response);
    }

    /** The service's answer is not valid HTTP: a 502 if nothing went out yet, else the client's connection closes. */
    private void badAnswer(Throwable cause) {
        Upstream target = pool.upstream();
        LOG.warnf("%s %s -> %s: invalid answer (%s)", method, path, target.name(), String.valueOf(cause));
        dropUpstream();
        if (answered) {
            ctx.close();
            return;
        }
        problem(
                GatewayError.BAD_GATEWAY,
                target.name() + " answered with something that is not valid HTTP",
                Map.of("service", target.name()),
                null,
                null);
    }

    void flushToClient() {
        ctx.flush();
    }

    /** The upstream connection went quiet for the service's timeout. */
    void upstreamSilent() {
        silent = true;
    }

    /** The upstream connection closed while this exchange used it. */
    void upstreamClosed(Throwable cause) {
        upstream = null;
        if (!inExchange) {
            return;
        }
        if (answered) {
            // Part of the answer is out: the client must not take it for the whole.
            ctx.close();
            return;
        }
        unavailable(cause);
    }

    private void upstreamDone() {
        Channel used = upstream;
        upstream = null;
        if (used == null) {
            return;
        }
        if (upstreamKeepAlive && sentWhole && !discarding) {
            pool.release(used);
        } else {
            pool.discard(used);
        }
    }

    private void endExchange() {
        inExchange = false;
        answered = false;
        discarding = false;
        releaseHeld();
        drainLater();
    }

    /** Pipelined messages: the next request and its body, until an exchange waits or the client reads too slowly. */
    private void drainLater() {
        while (!later.isEmpty()
                && !(inExchange && later.peekFirst() instanceof HttpRequest)
                && (inExchange || ctx.channel().isWritable())) {
            handle(later.pollFirst());
        }
        updateAutoRead();
    }

    private void cors(HttpHeaders headers) {
        if (corsAllowed) {
            EdgeMessages.cors(headers, edge.cors(), origin);
        }
    }

    private void connectionHeader(HttpHeaders headers) {
        if (closeAfter || !keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (version == HttpVersion.HTTP_1_0) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    // ---- answers of the gateway's own -----------------------------------------------------------------------------

    private void preflight(HttpHeaders asked) {
        if (!corsAllowed) {
            problem(
                    GatewayError.ORIGIN_NOT_ALLOWED,
                    "Origin " + origin + " may not call this API from a browser",
                    null);
            return;
        }
        FullHttpResponse response = EdgeMessages.preflight(edge.cors(), asked);
        cors(response.headers());
        local(response);
    }

    private void problem(ErrorCode code, String detail, Map<String, Object> context) {
        problem(code, detail, context == null ? Map.of() : context, null, null);
    }

    private void problem(
            ErrorCode code, String detail, Map<String, Object> context, CharSequence header, String value) {
        FullHttpResponse response = EdgeMessages.problem(code, detail, path, context, header, value);
        cors(response.headers());
        local(response);
    }

    /**
     * Ends the exchange with an answer of the gateway's own. A body that has not been read is not read: the
     * connection closes after the answer, so it is not parsed as the next request.
     */
    private void local(FullHttpResponse response) {
        releaseHeld();
        answered = true;
        response.headers().set(X_REQUEST_ID, requestId);
        if (!requestComplete && !bodyless) {
            closeAfter = true;
            discarding = true;
        }
        connectionHeader(response.headers());
        answerDone = true;
        var written = ctx.writeAndFlush(response);
        if (closeAfter && !requestComplete) {
            // Closing with unread bytes makes the kernel reset the connection, and the client may lose the answer:
            // keep reading (and dropping) the rest for a while, then close.
            Channel channel = ctx.channel();
            channel.eventLoop().schedule(() -> channel.close(), LINGER_MS, TimeUnit.MILLISECONDS);
            updateAutoRead();
        } else if (closeAfter || !keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        } else if (requestComplete) {
            endExchange();
        }
        // else: the end of the (empty) request body ends the exchange (content()).
    }

    /** The 503 that replaces a failed exchange: the service named, and why in words a caller can act on. */
    private void unavailable(Throwable cause) {
        Upstream target = pool.upstream();
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String detail = EdgeMessages.unavailableDetail(target, cause, elapsedMs, silent);
        LOG.warnf(
                "%s %s -> %s failed after %d ms: %s (%s)",
                method, path, target.name(), elapsedMs, detail, String.valueOf(cause));
        dropUpstream();
        problem(
                CommonError.SERVICE_UNAVAILABLE,
                detail,
                Map.of("service", target.name(), "url", target.baseUrl()),
                null,
                null);
    }
}
