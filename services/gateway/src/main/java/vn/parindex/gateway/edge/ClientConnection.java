package vn.parindex.gateway.edge;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
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
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
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
 * <p>Limits: a body over its service's limit is refused with 413 (by {@code Content-Length} before anything is
 * forwarded, a chunked one as soon as it passes the limit, counted in a {@link BodyLimit}); a request the decoder
 * could not read is 414, 431 or 400; a slow client is cut by {@link ClientDeadlines} with a 408. Every answer of the
 * gateway's own is problem+json in plain words, and so is a service's bare refusal (non-JSON 400/408/413/414/431).
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
    private final ClientDeadlines deadlines;
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
    private BodyLimit body;
    private UpstreamPool pool;
    private Channel upstream;
    private List<HttpContent> held;

    ClientConnection(Edge edge, ClientDeadlines deadlines) {
        this.edge = edge;
        this.deadlines = deadlines;
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
        if (event instanceof ClientDeadlines.Expired expired) {
            timedOut(expired);
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
        requestComplete = false;
        discarding = false;
        answered = false;
        closeAfter = false;
        silent = false;
        answerDone = false;
        body = new BodyLimit();
        pool = null;
        requestId = RequestIds.keepOrCreate(headers.get(X_REQUEST_ID));
        if (next.decoderResult().isFailure()) {
            // Its headers may be anything (a Content-Length that is no number): none is read. The decoder reads
            // nothing more of this connection: answer, then close once the client had time to read the answer (it
            // may still be sending the rest of its head).
            deadlines.headReceived(false);
            keepAlive = false;
            discarding = true;
            bodyless = false;
            request = null; // released with its (empty) content by content()
            path = null; // the target may be the decoder's placeholder, or the very thing that was too long
            api = false;
            origin = null;
            corsAllowed = false;
            unreadable(next.decoderResult().cause());
            return;
        }
        keepAlive = HttpUtil.isKeepAlive(next);
        bodyless = !HttpUtil.isTransferEncodingChunked(next) && HttpUtil.getContentLength(next, 0L) == 0L;
        deadlines.headReceived(!bodyless);
        String uri = next.uri();
        int query = uri.indexOf('?');
        path = query < 0 ? uri : uri.substring(0, query);
        api = path.startsWith("/api/") && !Edge.OWN_API_PATHS.contains(path);
        origin = headers.get(HttpHeaderNames.ORIGIN);
        forwardedFor = edge.trustsForwardedFor(clientAddress) ? headers.get(X_FORWARDED_FOR) : null;
        corsAllowed = api && edge.cors().allows(origin);

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
                    if (channel.isActive() && inExchange && !answered) {
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
        long max = target.upstream().maxBodyBytes();
        boolean over = body.limitTo(max); // what came while the token was checked
        long declared = HttpUtil.isTransferEncodingChunked(request) ? -1 : HttpUtil.getContentLength(request, -1L);
        if (declared > max) {
            // Refused unread, before anything goes to the service (and before a 100 Continue invites the body).
            tooLarge("this one declares " + declared + " bytes");
            return;
        }
        if (over) {
            tooLarge("this one is longer");
            return;
        }
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
        if (ctx.channel().isActive() && inExchange && !answered) {
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
            deadlines.bodyReceived();
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
        if (body.add(content.content().readableBytes())) {
            content.release();
            tooLarge("this one is longer");
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

    /**
     * Reads the client only when the current exchange can take what comes next. After a last answer whose unread
     * body is being dropped nothing is written any more (the output may be shut, which makes the channel unwritable):
     * the rest is read whatever the writability, or the client would be stuck sending it.
     */
    void updateAutoRead() {
        boolean want = later.isEmpty()
                && !awaiting
                && (ctx.channel().isWritable() || (answerDone && discarding))
                && (upstream == null || upstream.isWritable());
        if (want != reading) {
            reading = want;
            deadlines.reading(want);
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
            ErrorCode bare = EdgeMessages.bareError(response);
            if (bare != null) {
                ReferenceCountUtil.release(msg);
                replaceBareError(bare);
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
                if (close) {
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
        deadlines.exchangeEnded();
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
            // end the answer's direction at once (the client reads to its end), keep reading (and dropping) the rest
            // for a while, then close.
            deadlines.bodyReceived();
            Channel channel = ctx.channel();
            written.addListener(done -> {
                if (channel instanceof DuplexChannel duplex && duplex.isActive()) {
                    duplex.shutdownOutput();
                }
            });
            channel.eventLoop().schedule(() -> channel.close(), LINGER_MS, TimeUnit.MILLISECONDS);
            updateAutoRead();
        } else if (closeAfter || !keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        } else if (requestComplete) {
            endExchange();
        }
        // else: the end of the (empty) request body ends the exchange (content()).
    }

    /** A request the decoder could not read: 414, 431 or 400, in words without the decoder's own. */
    private void unreadable(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            problem(
                    GatewayError.URI_TOO_LONG,
                    "The request line (method, target and version) is longer than "
                            + edge.limits().maxInitialLineLength() + " bytes",
                    Map.of("maxBytes", edge.limits().maxInitialLineLength()));
        } else if (cause instanceof TooLongHttpHeaderException) {
            problem(
                    GatewayError.HEADERS_TOO_LARGE,
                    "The request headers are larger than " + edge.limits().maxHeaderSize() + " bytes",
                    Map.of("maxBytes", edge.limits().maxHeaderSize()));
        } else {
            LOG.debugf("unreadable request from %s: %s", clientAddress, String.valueOf(cause));
            problem(GatewayError.BAD_REQUEST, "The request line or headers are not valid HTTP/1.1 (RFC 9112)", null);
        }
    }

    /** The body is over the limit of the service it goes to: refused, and the service gets none of it whole. */
    private void tooLarge(String why) {
        long max = body.max();
        keepAlive = false;
        dropUpstream(); // without its last chunk: the service takes nothing of it for a whole body
        problem(
                GatewayError.REQUEST_TOO_LARGE,
                "Bodies sent to " + path + " may be at most " + Upstream.sizeText(max) + " (" + max + " bytes); " + why,
                Map.of("maxBytes", max));
    }

    /**
     * A slow client ran out of time: a head that did not arrive whole is answered 408 if any of it came (a
     * connection that never sent a byte is just closed); a stalled body is answered 408 unless the answer has begun.
     * The connection closes either way.
     */
    private void timedOut(ClientDeadlines.Expired expired) {
        if (expired == ClientDeadlines.Expired.HEAD) {
            if (inExchange) {
                return;
            }
            if (!deadlines.headStarted()) {
                ctx.close();
                return;
            }
            // No request was read: a fresh exchange of the gateway's own.
            inExchange = true;
            method = HttpMethod.GET;
            version = HttpVersion.HTTP_1_1;
            path = null;
            requestId = RequestIds.keepOrCreate(null);
            api = false;
            corsAllowed = false;
            keepAlive = false;
            bodyless = true;
            requestComplete = true;
            discarding = true;
            answered = false;
            closeAfter = false;
            answerDone = false;
            problem(
                    GatewayError.REQUEST_TIMEOUT,
                    "The request line and headers did not arrive within "
                            + Upstream.durationText(edge.limits().headerTimeout()),
                    null);
            return;
        }
        if (!inExchange || requestComplete) {
            return;
        }
        if (answered) {
            ctx.close();
            return;
        }
        keepAlive = false;
        discarding = true;
        requestComplete = true; // nothing more of it is read: the answer closes the connection
        dropUpstream();
        String detail = expired == ClientDeadlines.Expired.SLOW_BODY
                ? "The request body came slower than " + edge.limits().minBodyBytesPerSecond()
                        + " bytes per second over "
                        + Upstream.durationText(edge.limits().bodyTimeout())
                : "The request body stopped arriving: nothing came for "
                        + Upstream.durationText(edge.limits().bodyTimeout());
        problem(GatewayError.REQUEST_TIMEOUT, detail, null);
    }

    /**
     * A service refused the request with an error that is not problem+json (its HTTP layer's bare 413, 414, 431,
     * 400, 408): the client gets the gateway's problem of the same status instead.
     */
    private void replaceBareError(ErrorCode code) {
        Upstream target = pool.upstream();
        dropUpstream(); // its body is not read; the connection is not reusable
        String detail = switch (code.status()) {
            case 413 -> target.name() + " refused the request body as too large";
            case 414 -> target.name() + " refused the request line as too long";
            case 431 -> target.name() + " refused the request headers as too large";
            case 408 -> target.name() + " did not receive the request in time";
            default -> target.name() + " could not read the request";
        };
        problem(code, detail, Map.of("service", target.name()));
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
