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
import io.netty.util.ReferenceCounted;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import vn.parindex.common.api.CommonError;
import vn.parindex.common.api.ErrorCode;
import vn.parindex.gateway.GatewayError;
import vn.parindex.gateway.auth.TokenVerifier.VerifiedToken;
import vn.parindex.gateway.proxy.Balancer;
import vn.parindex.gateway.proxy.RequestIds;
import vn.parindex.gateway.proxy.RetryPolicy;
import vn.parindex.gateway.proxy.Upstream;
import vn.parindex.gateway.proxy.UpstreamInstance;

/**
 * One client's connection to the gateway: the byte relay between the client and the services, with the exchanges
 * on it one after the other (HTTP/1.1; pipelined requests wait their turn).
 *
 * <p>Each request head starts an {@link Exchange} (all of that request's state, dropped when it ends). What may
 * pass is decided by {@link AdmissionRules} on the head's facts ({@link RequestHead}): forward it, answer it now (a
 * problem, or a browser's preflight), or wait for the bearer token to be checked. This class carries the decision
 * out: it relays the request to its service's connection pool, or to the gateway's own endpoints (Quarkus, on a
 * loopback port), and the answer back, and answers by itself what the relay finds (a body over its limit, a slow
 * client, a service that fails).
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
final class ClientConnection extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(ClientConnection.class);

    private static final AsciiString X_FORWARDED_FOR = EdgeMessages.X_FORWARDED_FOR;
    private static final AsciiString X_REQUEST_ID = EdgeMessages.X_REQUEST_ID;
    private static final AsciiString IDEMPOTENCY_KEY = AsciiString.cached("Idempotency-Key");
    /** How long a connection closed after an early answer keeps reading (and dropping) the unread body. */
    private static final long LINGER_MS = 2000;

    private final Edge edge;
    private final ClientDeadlines deadlines;
    private ChannelHandlerContext ctx;
    private String clientAddress;
    private String clientKey;
    /** The client is a trusted load balancer: its X-Forwarded-For names the client for the rate limit. */
    private boolean trustedProxy;

    private boolean reading = true;

    /** Messages of requests after the current one (pipelining), handled when it ends. */
    private final ArrayDeque<Object> later = new ArrayDeque<>();

    /** The current exchange, null between two. */
    private Exchange exchange;

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
        trustedProxy = edge.trustsForwardedFor(clientAddress);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!later.isEmpty() || (exchange != null && msg instanceof HttpRequest)) {
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
        Exchange ex = exchange;
        if (ex != null && ex.upstream != null) {
            ex.upstream.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // A client that reads slowly holds back the service's answer and its own next requests, not the gateway's
        // memory.
        boolean writable = ctx.channel().isWritable();
        Exchange ex = exchange;
        if (ex != null && ex.upstream != null) {
            ex.upstream.config().setAutoRead(writable);
        }
        if (writable && ex == null) {
            drainLater();
        } else {
            updateAutoRead();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && exchange == null) {
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
        Exchange ex = exchange;
        if (ex != null) {
            dropUpstream(ex); // the answer cannot be delivered; the connection is mid-exchange
            releaseHeld(ex);
        }
        later.forEach(ReferenceCountUtil::release);
        later.clear();
        exchange = null;
    }

    // ---- request side -------------------------------------------------------------------------------------------

    /** A request head arrived: a new exchange, and what the admission rules decide on it. */
    private void begin(HttpRequest next) {
        HttpHeaders headers = next.headers();
        String requestId = RequestIds.keepOrCreate(headers.get(X_REQUEST_ID));
        if (next.decoderResult().isFailure()) {
            // Its headers may be anything (a Content-Length that is no number): none is read. The decoder reads
            // nothing more of this connection: answer, then close once the client had time to read the answer (it
            // may still be sending the rest of its head). The request itself is released with its (empty) content
            // by content(); the target may be the decoder's placeholder, or the very thing that was too long.
            deadlines.headReceived(false);
            Exchange ex = new Exchange(
                    this, next.method(), next.protocolVersion(), null, requestId, false, null, false, false, null);
            ex.keepAlive = false;
            ex.discarding = true;
            exchange = ex;
            unreadable(ex, next.decoderResult().cause());
            return;
        }
        boolean chunked = HttpUtil.isTransferEncodingChunked(next);
        boolean bodyless = !chunked && HttpUtil.getContentLength(next, 0L) == 0L;
        deadlines.headReceived(!bodyless);
        String uri = next.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        boolean api = path.startsWith("/api/") && !Edge.OWN_API_PATHS.contains(path);
        String origin = headers.get(HttpHeaderNames.ORIGIN);
        boolean corsAllowed = api && edge.cors().allows(origin);
        HttpMethod method = next.method();
        RequestHead head = new RequestHead(
                uri,
                path,
                api,
                method == HttpMethod.OPTIONS,
                headers.contains(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD),
                origin,
                corsAllowed,
                api ? headers.get(HttpHeaderNames.AUTHORIZATION) : null,
                chunked,
                headers.get(HttpHeaderNames.CONTENT_LENGTH),
                // A bodyless head declares 0 or nothing: either is within every limit.
                chunked ? -1 : bodyless ? 0 : HttpUtil.getContentLength(next, -1L),
                anonymousKey(headers));
        Exchange ex = new Exchange(
                this, method, next.protocolVersion(), path, requestId, api, origin, corsAllowed, bodyless, head);
        ex.keepAlive = HttpUtil.isKeepAlive(next);
        ex.request = next;
        exchange = ex;
        decided(ex, edge.rules().admit(head));
    }

    /** Carries out what the admission rules decided for {@code ex}. */
    private void decided(Exchange ex, AdmissionDecision decision) {
        if (decision instanceof AdmissionDecision.Forward forward) {
            forward(ex, forward.target());
        } else if (decision instanceof AdmissionDecision.Answer answer) {
            answer(ex, answer);
        } else if (decision instanceof AdmissionDecision.CheckToken check) {
            checkToken(ex, check.token());
        } else if (decision instanceof AdmissionDecision.Preflight) {
            preflight(ex);
        }
    }

    /** The bearer token is checked; the request (and its body) is held until it is (a signing key being fetched). */
    private void checkToken(Exchange ex, String token) {
        Future<VerifiedToken> verification = edge.admission().verify(token);
        if (verification.isComplete()) {
            verified(ex, verification);
            return;
        }
        ex.awaiting = true;
        updateAutoRead();
        Channel channel = ctx.channel();
        verification.onComplete(result -> channel.eventLoop().execute(() -> {
            try {
                ex.awaiting = false;
                updateAutoRead();
                if (channel.isActive() && exchange == ex && !ex.answered) {
                    verified(ex, result);
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "closing client connection %s", clientAddress);
                channel.close();
            }
        }));
    }

    private void verified(Exchange ex, AsyncResult<VerifiedToken> result) {
        decided(
                ex,
                result.succeeded()
                        ? edge.rules().tokenValid(ex.head, result.result().subject())
                        : edge.rules().tokenRefused(ex.head, result.cause()));
    }

    /** The bucket of an anonymous client: its address, or behind a trusted balancer the one the balancer names. */
    private String anonymousKey(HttpHeaders headers) {
        if (trustedProxy) {
            String client = Edge.lastForwardedFor(headers.get(X_FORWARDED_FOR));
            if (client != null) {
                return Admission.addressKey(client);
            }
        }
        return clientKey;
    }

    private void forward(Exchange ex, Upstream target) {
        ex.target = target;
        if (ex.body.limitTo(target.maxBodyBytes())) {
            // What came while the token was checked is already over the limit.
            tooLarge(ex, "this one is longer");
            return;
        }
        HttpRequest request = ex.request;
        boolean expectContinue = HttpUtil.is100ContinueExpected(request);
        EdgeMessages.prepareForService(request, clientAddress, target, ex.requestId);
        ex.idempotent = RetryPolicy.idempotent(
                request.method().name(), request.headers().contains(IDEMPOTENCY_KEY));
        // A head the decoder made reference-counted (never, from HttpServerCodec) is not kept for a replay.
        ex.replayable = ex.idempotent && !(request instanceof ReferenceCounted);
        if (expectContinue) {
            // curl and others wait up to a second for "100 Continue" before sending a large body; the request is
            // admitted, so say so now.
            // Written below the HTTP encoder: it counts every response it encodes against a request, an interim
            // one too, and would then frame the answers of later pipelined requests by the wrong method.
            ctx.pipeline().firstContext().writeAndFlush(Unpooled.wrappedBuffer(EdgeMessages.CONTINUE));
        }
        attempt(ex);
    }

    /**
     * Sends the request to the instance {@link Balancer} picks among those it has not tried: a connection of that
     * instance's pool is asked for, and {@link #acquired} or {@link #failed} follows.
     */
    private void attempt(Exchange ex) {
        UpstreamInstance instance = Balancer.pick(ex.target.instances(), ex.tried);
        ex.instance = instance;
        instance.begin();
        ex.tried.add(instance);
        ex.pool = edge.pool(ex.target, instance, ctx.channel().eventLoop());
        ex.awaiting = true;
        ex.pool.acquire(ex);
        if (ex.awaiting) {
            updateAutoRead(); // a connection is being opened: hold the body meanwhile
        }
    }

    /** The request no longer counts as pending at the instance it went to (exactly once per attempt). */
    private static void leave(Exchange ex) {
        UpstreamInstance instance = ex.instance;
        if (instance != null) {
            ex.instance = null;
            instance.end();
        }
    }

    /**
     * An attempt failed before any byte of an answer came: the {@link RetryPolicy} decides between another
     * instance, a 503 naming the service, and a 503 saying a write may have been stored.
     */
    private void attemptFailed(Exchange ex, Throwable cause, RetryPolicy.Failure failure) {
        UpstreamInstance failedAt = ex.instance;
        leave(ex);
        if (failure != RetryPolicy.Failure.NOT_SENT) {
            ex.sentAttempts++;
        }
        boolean another = ex.tried.size() < ex.target.instances().size();
        RetryPolicy.Outcome outcome =
                RetryPolicy.decide(failure, ex.idempotent, ex.replayable, ex.sentAttempts, another);
        switch (outcome) {
            case RETRY_ELSEWHERE -> {
                LOG.debugf(
                        "%s %s -> %s at %s failed (%s, %s): trying another instance",
                        ex.method, ex.path, ex.target.name(), failedAt.baseUrl(), failure, String.valueOf(cause));
                EdgeMetrics.retried(ex.target.name(), failure.name());
                if (failure != RetryPolicy.Failure.NOT_SENT) {
                    // The head and the body so far go out again, before whatever of the body is still to come.
                    ex.request = ex.replayHead;
                    ex.replayHead = null;
                    if (ex.held != null) {
                        ex.replay.addAll(ex.held);
                    }
                    ex.held = ex.replay;
                    ex.replay = new ArrayList<>(2);
                    ex.replayBytes = 0;
                }
                ex.silent = false;
                ex.sentWhole = false;
                ex.upstreamKeepAlive = false;
                attempt(ex);
            }
            case WRITE_UNCONFIRMED -> unconfirmed(ex, failedAt, failure);
            case UNAVAILABLE -> unavailable(ex, cause, failedAt);
        }
    }

    /** Keeps a copy of a body chunk going upstream while the request may still be sent again elsewhere. */
    private static void keepForReplay(Exchange ex, HttpContent content) {
        if (!ex.replayable) {
            return;
        }
        int bytes = content.content().readableBytes();
        if (ex.replayBytes + bytes > Exchange.MAX_REPLAY_BYTES) {
            // Too large to keep: this request is not retried after it went out.
            ex.replayable = false;
            ex.replay.forEach(ReferenceCountUtil::release);
            ex.replay.clear();
            ex.replayHead = null;
            return;
        }
        ex.replayBytes += bytes;
        ex.replay.add(content.retainedDuplicate());
    }

    /** An upstream connection for {@code ex} (called back by its pool through the exchange). */
    void acquired(Exchange ex, Channel channel) {
        ex.awaiting = false;
        if (!ctx.channel().isActive() || exchange != ex || ex.request == null) {
            ex.pool.release(channel);
            leave(ex);
            return;
        }
        ex.upstream = channel;
        UpstreamHandler.of(channel).attach(this);
        // A failed write reaches UpstreamHandler.exceptionCaught, which closes the connection: the exchange then
        // ends as with a service that hung up.
        HttpRequest head = ex.request;
        ex.request = null;
        if (ex.replayable) {
            ex.replayHead = head;
        }
        channel.write(head, channel.voidPromise());
        if (ex.held != null) {
            for (HttpContent content : ex.held) {
                ex.sentWhole |= content instanceof LastHttpContent;
                keepForReplay(ex, content);
                channel.write(content, channel.voidPromise());
            }
            ex.held = null;
        }
        channel.flush();
        updateAutoRead();
    }

    /** No upstream connection for {@code ex} (called back by its pool through the exchange). */
    void failed(Exchange ex, Throwable cause) {
        ex.awaiting = false;
        updateAutoRead();
        if (ctx.channel().isActive() && exchange == ex && !ex.answered) {
            if (refused(cause) && ex.instance != null) {
                // Refused or not opened in time: out of the balancing until its health check passes.
                if (!ex.instance.ejected()) {
                    EdgeMetrics.ejected(ex.target.name());
                }
                ex.instance.eject(String.valueOf(cause));
            }
            attemptFailed(ex, cause, RetryPolicy.Failure.NOT_SENT);
        } else {
            leave(ex);
        }
    }

    private static boolean refused(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private void content(HttpContent content) {
        Exchange ex = exchange;
        if (ex == null) {
            content.release(); // no request it belongs to (never sent by the decoder)
            return;
        }
        boolean last = content instanceof LastHttpContent;
        if (content.decoderResult().isFailure()) {
            content.release();
            if (!ex.discarding) {
                requestBroken(ex);
            }
            return;
        }
        if (last) {
            ex.requestComplete = true;
            deadlines.bodyReceived();
        }
        if (ex.discarding || ex.answered) {
            content.release();
            if (last && ex.answered) {
                if (!ex.closeAfter) {
                    endExchange();
                } else if (ex.answerDone) {
                    ctx.close(); // the unread rest of an early-answered body is read: now the close is clean
                }
            }
            return;
        }
        if (ex.body.add(content.content().readableBytes())) {
            content.release();
            tooLarge(ex, "this one is longer");
            return;
        }
        Channel upstream = ex.upstream;
        if (upstream != null) {
            keepForReplay(ex, content);
            if (last) {
                ex.sentWhole = true;
                upstream.writeAndFlush(content, upstream.voidPromise());
            } else {
                upstream.write(content, upstream.voidPromise());
                if (!upstream.isWritable()) {
                    updateAutoRead();
                }
            }
            return;
        }
        if (ex.held == null) {
            ex.held = new ArrayList<>(2);
        }
        ex.held.add(content);
    }

    /**
     * The request body is not valid HTTP (a broken chunk): nothing of it may pass as complete. The connection to
     * the service is dropped without the last chunk; the client gets a 400 if nothing was answered yet.
     */
    private void requestBroken(Exchange ex) {
        ex.keepAlive = false;
        ex.discarding = true;
        ex.requestComplete = true;
        dropUpstream(ex);
        if (ex.answered) {
            ctx.close();
        } else {
            problem(
                    ex,
                    GatewayError.BAD_REQUEST,
                    "The request body could not be read (broken chunked encoding)",
                    Map.of(),
                    null,
                    null);
        }
    }

    /** Closes the upstream connection of an exchange that broke off: it is mid-exchange, not reusable. */
    private void dropUpstream(Exchange ex) {
        if (ex.upstream != null) {
            ex.pool.discard(ex.upstream);
            ex.upstream = null;
        }
        leave(ex);
    }

    /** Releases what the exchange still holds (body chunks, the head, the copies kept for a replay). */
    private static void releaseHeld(Exchange ex) {
        leave(ex);
        if (ex.replay != null) {
            ex.replay.forEach(ReferenceCountUtil::release);
            ex.replay.clear();
        }
        ex.replayHead = null;
        if (ex.held != null) {
            ex.held.forEach(ReferenceCountUtil::release);
            ex.held = null;
        }
        if (ex.request != null) {
            ReferenceCountUtil.release(ex.request);
            ex.request = null;
        }
    }

    /**
     * Reads the client only when the current exchange can take what comes next. After a last answer whose unread
     * body is being dropped nothing is written any more (the output may be shut, which makes the channel unwritable):
     * the rest is read whatever the writability, or the client would be stuck sending it.
     */
    void updateAutoRead() {
        Exchange ex = exchange;
        boolean want = later.isEmpty()
                && (ex == null
                        ? ctx.channel().isWritable()
                        : !ex.awaiting
                                && (ctx.channel().isWritable() || (ex.answerDone && ex.discarding))
                                && (ex.upstream == null || ex.upstream.isWritable()));
        if (want != reading) {
            reading = want;
            deadlines.reading(want);
            ctx.channel().config().setAutoRead(want);
        }
    }

    // ---- answer side --------------------------------------------------------------------------------------------

    /** The service's answer, piece by piece (called by {@link UpstreamHandler} on this loop). */
    void fromUpstream(Object msg) {
        Exchange ex = exchange;
        if (ex == null) {
            ReferenceCountUtil.release(msg); // an upstream connection is attached only during an exchange
            return;
        }
        if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg);
            badAnswer(ex, object.decoderResult().cause());
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
                replaceBareError(ex, bare);
                return;
            }
            if (msg instanceof FullHttpResponse full) {
                answerHead(ex, new DefaultHttpResponse(full.protocolVersion(), full.status(), full.headers()));
                msg = new DefaultLastHttpContent(full.content(), full.trailingHeaders());
            } else {
                answerHead(ex, response);
            }
        }
        if (msg instanceof HttpContent content && !ex.answered) {
            content.release(); // the end of an interim answer
            return;
        }
        if (msg instanceof HttpContent content) {
            Channel client = ctx.channel();
            if (content instanceof LastHttpContent) {
                ex.answerDone = true;
                var written = client.writeAndFlush(content);
                boolean close = ex.closeAfter || !ex.keepAlive;
                upstreamDone(ex);
                if (close) {
                    written.addListener(ChannelFutureListener.CLOSE);
                } else {
                    endExchange();
                }
            } else {
                client.write(content);
                if (!client.isWritable() && ex.upstream != null) {
                    ex.upstream.config().setAutoRead(false);
                }
            }
        }
    }

    private void answerHead(Exchange ex, HttpResponse response) {
        ex.answered = true;
        EdgeMetrics.answered(
                ex.target == null ? "gateway" : ex.target.name(),
                response.status().code(),
                ex.started);
        ex.upstreamKeepAlive = HttpUtil.isKeepAlive(response);
        HttpHeaders headers = response.headers();
        HopByHop.strip(headers);
        if (ex.api) {
            EdgeMessages.dropGatewayOwned(headers);
            cors(ex, headers);
        }
        headers.set(X_REQUEST_ID, ex.requestId);
        if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH)
                && EdgeMessages.mayHaveBody(ex.method, response.status().code())) {
            if (ex.version == HttpVersion.HTTP_1_0) {
                ex.closeAfter = true; // no chunks in HTTP/1.0: the end of the body is the end of the connection
            } else {
                HttpUtil.setTransferEncodingChunked(response, true);
            }
        }
        if (!ex.requestComplete) {
            // The service answered before the whole body arrived: the rest is not read, the connection ends.
            ex.closeAfter = true;
            ex.discarding = true;
        }
        connectionHeader(ex, headers);
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
        ctx.write(response);
    }

    /** The service's answer is not valid HTTP: a 502 if nothing went out yet, else the client's connection closes. */
    private void badAnswer(Exchange ex, Throwable cause) {
        Upstream target = ex.target;
        LOG.warnf("%s %s -> %s: invalid answer (%s)", ex.method, ex.path, target.name(), String.valueOf(cause));
        dropUpstream(ex);
        if (ex.answered) {
            ctx.close();
            return;
        }
        problem(
                ex,
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
        if (exchange != null) {
            exchange.silent = true;
        }
    }

    /** The upstream connection closed while this exchange used it. */
    void upstreamClosed(Throwable cause) {
        Exchange ex = exchange;
        if (ex == null) {
            return;
        }
        ex.upstream = null;
        if (ex.answered) {
            // Part of the answer is out: the client must not take it for the whole.
            leave(ex);
            ctx.close();
            return;
        }
        attemptFailed(
                ex, cause, ex.silent ? RetryPolicy.Failure.SILENT_AFTER_SEND : RetryPolicy.Failure.BROKEN_AFTER_SEND);
    }

    private static void upstreamDone(Exchange ex) {
        Channel used = ex.upstream;
        ex.upstream = null;
        leave(ex);
        if (used == null) {
            return;
        }
        if (ex.upstreamKeepAlive && ex.sentWhole && !ex.discarding) {
            ex.pool.release(used);
        } else {
            ex.pool.discard(used);
        }
    }

    /** The exchange is over (answered, its request read): it is dropped, the next pipelined request may begin. */
    private void endExchange() {
        Exchange ex = exchange;
        exchange = null;
        deadlines.exchangeEnded();
        releaseHeld(ex);
        drainLater();
    }

    /** Pipelined messages: the next request and its body, until an exchange waits or the client reads too slowly. */
    private void drainLater() {
        while (!later.isEmpty()
                && !(exchange != null && later.peekFirst() instanceof HttpRequest)
                && (exchange != null || ctx.channel().isWritable())) {
            handle(later.pollFirst());
        }
        updateAutoRead();
    }

    private void cors(Exchange ex, HttpHeaders headers) {
        if (ex.corsAllowed) {
            EdgeMessages.cors(headers, edge.cors(), ex.origin);
        }
    }

    private static void connectionHeader(Exchange ex, HttpHeaders headers) {
        if (ex.closeAfter || !ex.keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (ex.version == HttpVersion.HTTP_1_0) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    // ---- answers of the gateway's own -----------------------------------------------------------------------------

    /** A browser's preflight from an allowed origin, answered here with the CORS policy. */
    private void preflight(Exchange ex) {
        FullHttpResponse response = EdgeMessages.preflight(edge.cors(), ex.request.headers());
        cors(ex, response.headers());
        local(ex, response);
    }

    /** An answer decided by the admission rules (or for a body over its limit). */
    private void answer(Exchange ex, AdmissionDecision.Answer answer) {
        if (answer.close()) {
            ex.keepAlive = false;
            dropUpstream(ex); // without its last chunk: the service takes nothing of it for a whole body
        }
        problem(ex, answer.code(), answer.detail(), answer.context(), answer.header(), answer.headerValue());
    }

    private void problem(
            Exchange ex,
            ErrorCode code,
            String detail,
            Map<String, Object> context,
            CharSequence header,
            String value) {
        FullHttpResponse response = EdgeMessages.problem(code, detail, ex.path, context, header, value);
        cors(ex, response.headers());
        local(ex, response);
    }

    /**
     * Ends the exchange with an answer of the gateway's own. A body that has not been read is not read: the
     * connection closes after the answer, so it is not parsed as the next request.
     */
    private void local(Exchange ex, FullHttpResponse response) {
        releaseHeld(ex);
        ex.answered = true;
        EdgeMetrics.answered("gateway", response.status().code(), ex.started);
        response.headers().set(X_REQUEST_ID, ex.requestId);
        if (!ex.requestComplete && !ex.bodyless) {
            ex.closeAfter = true;
            ex.discarding = true;
        }
        connectionHeader(ex, response.headers());
        ex.answerDone = true;
        var written = ctx.writeAndFlush(response);
        if (ex.closeAfter && !ex.requestComplete) {
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
        } else if (ex.closeAfter || !ex.keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        } else if (ex.requestComplete) {
            endExchange();
        }
        // else: the end of the (empty) request body ends the exchange (content()).
    }

    /** A request the decoder could not read: 414, 431 or 400, in words without the decoder's own. */
    private void unreadable(Exchange ex, Throwable cause) {
        AdmissionDecision.Unreadable why;
        if (cause instanceof TooLongHttpLineException) {
            why = AdmissionDecision.Unreadable.LINE_TOO_LONG;
        } else if (cause instanceof TooLongHttpHeaderException) {
            why = AdmissionDecision.Unreadable.HEADERS_TOO_LARGE;
        } else {
            LOG.debugf("unreadable request from %s: %s", clientAddress, String.valueOf(cause));
            why = AdmissionDecision.Unreadable.MALFORMED;
        }
        answer(ex, edge.rules().unreadable(why));
    }

    /** The body is over the limit of the service it goes to: refused, and the service gets none of it whole. */
    private void tooLarge(Exchange ex, String why) {
        answer(ex, AdmissionRules.tooLarge(ex.path, ex.body.max(), why));
    }

    /**
     * A slow client ran out of time: a head that did not arrive whole is answered 408 if any of it came (a
     * connection that never sent a byte is just closed); a stalled body is answered 408 unless the answer has begun.
     * The connection closes either way.
     */
    private void timedOut(ClientDeadlines.Expired expired) {
        if (expired == ClientDeadlines.Expired.HEAD) {
            if (exchange != null) {
                return;
            }
            if (!deadlines.headStarted()) {
                ctx.close();
                return;
            }
            // No request was read: a fresh exchange of the gateway's own.
            Exchange ex = new Exchange(
                    this,
                    HttpMethod.GET,
                    HttpVersion.HTTP_1_1,
                    null,
                    RequestIds.keepOrCreate(null),
                    false,
                    null,
                    false,
                    true,
                    null);
            ex.keepAlive = false;
            ex.requestComplete = true;
            ex.discarding = true;
            exchange = ex;
            problem(
                    ex,
                    GatewayError.REQUEST_TIMEOUT,
                    "The request line and headers did not arrive within "
                            + Upstream.durationText(edge.limits().headerTimeout()),
                    Map.of(),
                    null,
                    null);
            return;
        }
        Exchange ex = exchange;
        if (ex == null || ex.requestComplete) {
            return;
        }
        if (ex.answered) {
            ctx.close();
            return;
        }
        ex.keepAlive = false;
        ex.discarding = true;
        ex.requestComplete = true; // nothing more of it is read: the answer closes the connection
        dropUpstream(ex);
        String detail = expired == ClientDeadlines.Expired.SLOW_BODY
                ? "The request body came slower than " + edge.limits().minBodyBytesPerSecond()
                        + " bytes per second over "
                        + Upstream.durationText(edge.limits().bodyTimeout())
                : "The request body stopped arriving: nothing came for "
                        + Upstream.durationText(edge.limits().bodyTimeout());
        problem(ex, GatewayError.REQUEST_TIMEOUT, detail, Map.of(), null, null);
    }

    /**
     * A service refused the request with an error that is not problem+json (its HTTP layer's bare 413, 414, 431,
     * 400, 408): the client gets the gateway's problem of the same status instead.
     */
    private void replaceBareError(Exchange ex, ErrorCode code) {
        Upstream target = ex.target;
        dropUpstream(ex); // its body is not read; the connection is not reusable
        String detail = switch (code.status()) {
            case 413 -> target.name() + " refused the request body as too large";
            case 414 -> target.name() + " refused the request line as too long";
            case 431 -> target.name() + " refused the request headers as too large";
            case 408 -> target.name() + " did not receive the request in time";
            default -> target.name() + " could not read the request";
        };
        problem(ex, code, detail, Map.of("service", target.name()), null, null);
    }

    /** The 503 that replaces a failed exchange: the service named, and why in words a caller can act on. */
    private void unavailable(Exchange ex, Throwable cause, UpstreamInstance at) {
        Upstream target = ex.target;
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ex.started);
        String detail =
                EdgeMessages.unavailableDetail(target, at.baseUrl(), ex.tried.size(), cause, elapsedMs, ex.silent);
        LOG.warnf(
                "%s %s -> %s failed after %d ms: %s (%s)",
                ex.method, ex.path, target.name(), elapsedMs, detail, String.valueOf(cause));
        dropUpstream(ex);
        problem(
                ex,
                CommonError.SERVICE_UNAVAILABLE,
                detail,
                Map.of("service", target.name(), "url", at.baseUrl()),
                null,
                null);
    }

    /**
     * The 503 of a write without an {@code Idempotency-Key} that went out and got no answer: the instance may have
     * stored it before it failed, so it is not sent again (RetryPolicy), and the client is told to look first.
     */
    private void unconfirmed(Exchange ex, UpstreamInstance at, RetryPolicy.Failure failure) {
        Upstream target = ex.target;
        String what = failure == RetryPolicy.Failure.SILENT_AFTER_SEND
                ? " did not answer within " + target.timeoutText()
                : " closed the connection without answering";
        String detail = target.name() + " (" + at.baseUrl() + ")" + what + " after the " + ex.method
                + " was sent: it may or may not have been stored. It was not sent again; check before repeating it,"
                + " or send writes with an Idempotency-Key so the gateway may retry them";
        LOG.warnf("%s %s -> %s: write unconfirmed (%s)", ex.method, ex.path, target.name(), detail);
        dropUpstream(ex);
        problem(
                ex,
                GatewayError.UPSTREAM_WRITE_UNCONFIRMED,
                detail,
                Map.of("service", target.name(), "url", at.baseUrl()),
                null,
                null);
    }
}
