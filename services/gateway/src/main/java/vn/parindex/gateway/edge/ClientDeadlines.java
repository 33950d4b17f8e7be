package vn.parindex.gateway.edge;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time limits that keep slow clients (slowloris) from holding the edge's connections: a request head must
 * arrive whole within the header timeout of its first byte (on a new connection: of its opening), and a request
 * body may not pause longer than the body timeout while the gateway reads it, nor trickle in slower than the
 * minimum rate over any such period (a byte now and then keeps no connection). It sits before the HTTP decoder, so
 * it sees bytes before they make a message; when a limit runs out it sends an {@link Expired} event up the pipeline
 * and {@link ClientConnection} answers 408 or closes. Between exchanges only the idle timeout applies.
 *
 * <p>One timer per connection, moved on lazily: a read only notes the time, the timer looks when it fires. Time in
 * which the gateway does not read (a slow service holds the body back, a pipelined answer waits) is not counted.
 */
final class ClientDeadlines extends ChannelInboundHandlerAdapter {

    /** What ran out. */
    enum Expired {
        /** The request head did not arrive in time. */
        HEAD,
        /** The request body paused too long. */
        BODY,
        /** The request body came slower than the minimum rate. */
        SLOW_BODY
    }

    private enum Phase {
        /** Between exchanges: nothing of a next request has arrived. */
        IDLE,
        HEAD,
        BODY,
        /** The request is in; the service's answer is awaited or on its way. */
        EXCHANGE
    }

    private final long headNanos;
    private final long bodyNanos;
    private final long minBodyBytesPerSecond;
    private ChannelHandlerContext ctx;
    private Phase phase = Phase.IDLE;
    private long deadline;
    private boolean headStarted;
    private boolean readInExchange;
    private ScheduledFuture<?> timer;
    private long timerAt;

    // The body's progress, judged per period of the body timeout over the time the gateway was reading.
    private long windowStart;
    private long windowBytes;
    private long pausedInWindow;
    /** When the gateway stopped reading the client (0: it reads). */
    private long pausedSince;

    /** A zero or negative duration or rate turns its limit off. */
    ClientDeadlines(long headNanos, long bodyNanos, long minBodyBytesPerSecond) {
        this.headNanos = headNanos;
        this.bodyNanos = bodyNanos;
        this.minBodyBytesPerSecond = minBodyBytesPerSecond;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        enter(Phase.HEAD, false); // a connection that never sends a whole head is closed as well
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            switch (phase) {
                case IDLE -> enter(Phase.HEAD, true);
                case HEAD -> headStarted = true;
                case BODY -> {
                    deadline = System.nanoTime() + bodyNanos;
                    windowBytes += bytes.readableBytes();
                }
                case EXCHANGE -> readInExchange = true;
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        phase = Phase.EXCHANGE;
        ctx.fireChannelInactive();
    }

    /**
     * The gateway stops or starts reading the client (back-pressure, a token or connection awaited): time it does
     * not read is not the client's.
     */
    void reading(boolean reading) {
        long now = System.nanoTime();
        if (!reading && pausedSince == 0) {
            pausedSince = now | 1; // never 0
        } else if (reading && pausedSince != 0) {
            pausedInWindow += now - pausedSince;
            pausedSince = 0;
        }
    }

    /** Whether any byte of the head being awaited has arrived (a 408 is owed only then). */
    boolean headStarted() {
        return headStarted;
    }

    /** The request's head is in; its body follows or not. */
    void headReceived(boolean bodyFollows) {
        enter(bodyFollows ? Phase.BODY : Phase.EXCHANGE, false);
    }

    /** The request's body is in (or will not be read). */
    void bodyReceived() {
        if (phase == Phase.BODY) {
            enter(Phase.EXCHANGE, false);
        }
    }

    /** The exchange is over: the next head's clock starts with its first byte (or now, if bytes of it came). */
    void exchangeEnded() {
        boolean started = readInExchange;
        enter(started ? Phase.HEAD : Phase.IDLE, started);
    }

    private void enter(Phase next, boolean started) {
        phase = next;
        headStarted = started;
        readInExchange = false;
        long limit = limit(next);
        if (limit <= 0) {
            return; // no limit in this phase; a timer still set finds nothing to do
        }
        long now = System.nanoTime();
        deadline = now + limit;
        if (next == Phase.BODY) {
            newWindow(now);
        }
        // A timer already set for an earlier moment stays: it looks at the deadline when it fires. So a request
        // costs no scheduling at all on a busy keep-alive connection.
        if (timer == null || timerAt - deadline > 0) {
            cancel();
            schedule();
        }
    }

    private long limit(Phase of) {
        return of == Phase.HEAD ? headNanos : of == Phase.BODY ? bodyNanos : 0;
    }

    private void newWindow(long now) {
        windowStart = now;
        windowBytes = 0;
        pausedInWindow = 0;
        if (pausedSince != 0) {
            pausedSince = now | 1;
        }
    }

    private void schedule() {
        timerAt = phase == Phase.BODY ? Math.min(deadline, windowStart + bodyNanos) : deadline;
        timer = ctx.executor().schedule(this::check, Math.max(1, timerAt - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void check() {
        timer = null;
        long limit = limit(phase);
        if (limit <= 0 || !ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        if (!ctx.channel().config().isAutoRead()) {
            // The gateway holds the client back: its time starts again when reading does (what the client sent
            // meanwhile waits in the socket and counts as soon as it is read).
            deadline = now + limit;
        }
        boolean expired = now - deadline >= 0;
        if (expired) {
            expire(phase == Phase.HEAD ? Expired.HEAD : Expired.BODY);
            return;
        }
        if (phase == Phase.BODY && now - (windowStart + bodyNanos) >= 0) {
            if (tooSlow(now)) {
                expire(Expired.SLOW_BODY);
                return;
            }
            newWindow(now);
        }
        schedule();
    }

    /**
     * Whether the body came slower than the minimum rate over the period now ending, counted over the time the
     * gateway read (a period it mostly held the client back is not judged).
     */
    private boolean tooSlow(long now) {
        if (minBodyBytesPerSecond <= 0) {
            return false;
        }
        long paused = pausedInWindow + (pausedSince != 0 ? now - pausedSince : 0);
        long readingNanos = now - windowStart - paused;
        if (readingNanos < bodyNanos / 2) {
            return false;
        }
        return windowBytes < minBodyBytesPerSecond * (readingNanos / 1_000_000) / 1000;
    }

    private void expire(Expired expired) {
        phase = Phase.EXCHANGE;
        ctx.fireUserEventTriggered(expired);
    }
}
