package vn.parindex.gateway.edge;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * The end of an upstream connection's pipeline: hands the service's answer to the client connection whose exchange
 * currently uses the connection, and tells it when the service stops answering or hangs up.
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {

    private ClientConnection owner;
    private Throwable failure;

    static UpstreamHandler of(Channel channel) {
        return channel.pipeline().get(UpstreamHandler.class);
    }

    void attach(ClientConnection owner) {
        this.owner = owner;
        this.failure = null;
    }

    void detach() {
        this.owner = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (owner == null) {
            // Nothing was asked: a service does not talk on an idle connection. Drop it.
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        owner.fromUpstream(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (owner != null) {
            owner.flushToClient();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (owner != null) {
            owner.updateAutoRead();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            if (owner != null) {
                owner.upstreamSilent();
            }
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failure = cause;
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ClientConnection current = owner;
        owner = null;
        if (current != null) {
            current.upstreamClosed(failure);
        }
    }
}
