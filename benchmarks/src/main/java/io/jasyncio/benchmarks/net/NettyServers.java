package io.jasyncio.benchmarks.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * The Netty peer: the same echo and HTTP servers on Netty's NIO transport with ONE event loop
 * thread (accepting and serving), as the jasyncio loop has one thread.
 */
final class NettyServers {
    private static final byte[] BODY = "Hello from jasyncio\n".getBytes(StandardCharsets.UTF_8);

    private NettyServers() {}

    static NetServer.Running start(boolean http) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (http) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Http());
                        } else {
                            ch.pipeline().addLast(new Echo());
                        }
                    }
                });
        Channel server = b.bind("127.0.0.1", 0).sync().channel();
        int port = ((java.net.InetSocketAddress) server.localAddress()).getPort();
        return () -> port;
    }

    /** Writes back what it reads; closes when the client closes its side. */
    private static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** GET / is 200 with the same body as the jasyncio sample; keep-alive as HTTP/1.1 says. */
    private static final class Http extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            FullHttpRequest req = (FullHttpRequest) msg;
            try {
                boolean keepAlive = HttpUtil.isKeepAlive(req);
                HttpResponseStatus status = !req.decoderResult().isSuccess()
                        ? HttpResponseStatus.BAD_REQUEST
                        : req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD
                                ? HttpResponseStatus.METHOD_NOT_ALLOWED
                                : req.uri().equals("/") ? HttpResponseStatus.OK : HttpResponseStatus.NOT_FOUND;
                ByteBuf body = Unpooled.wrappedBuffer(
                        status == HttpResponseStatus.OK
                                ? BODY
                                : (status.reasonPhrase() + "\n").getBytes(StandardCharsets.UTF_8));
                FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
                res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
                res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
                if (status == HttpResponseStatus.BAD_REQUEST) {
                    keepAlive = false;
                }
                if (!keepAlive) {
                    res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                    ctx.write(res).addListener(ChannelFutureListener.CLOSE);
                } else {
                    ctx.write(res);
                }
            } finally {
                req.release();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
