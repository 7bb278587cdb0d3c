package fr.relais.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a request the server cannot read into a request for the matching error page, before Micronaut sees it.
 *
 * <p>Without it, a malformed address ({@code /bibliotheques/%zz}, a raw backslash or space) fails when Micronaut
 * builds its request object: the framework then answers through a bare substitute request (no cookies, the method
 * kept), so a GET became a 500 page and a POST the CSRF refusal. A request line too long for the decoder, or headers
 * it cannot parse, got a blank 413/400. Here, in the Netty pipeline just before Micronaut's handler, such a request
 * is rewritten to {@code GET /erreur/…} — its cookies kept when its headers could be read, so the page is in the
 * person's language with the way back to their own home — and its body, if any, is read and dropped. The error
 * pages are ordinary routes of {@link ErrorPages}, rendered by the usual filters (security headers included).
 *
 * <p>Only the kind of refusal is logged, never the address: query strings may hold personal data.
 */
@Singleton
@Requires(beans = NettyServerCustomizer.Registry.class)
class MalformedRequests implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    static final String BAD_ADDRESS = "/erreur/adresse";
    static final String ADDRESS_TOO_LONG = "/erreur/adresse-trop-longue";
    static final String BAD_REQUEST = "/erreur/requete";
    private static final Logger LOG = LoggerFactory.getLogger(MalformedRequests.class);
    private static final String HANDLER_NAME = "relais-malformed-requests";
    private final Check check = new Check();

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        NettyServerCustomizer.Registry registry = event.getBean();
        registry.register(new Installer(null));
        return registry;
    }

    /** Puts the check in front of Micronaut's handler on every HTTP connection (or stream) pipeline. */
    private final class Installer implements NettyServerCustomizer {
        private final Channel channel;

        Installer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Installer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null && pipeline.get(HANDLER_NAME) == null) {
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, HANDLER_NAME, check);
            }
        }
    }

    @ChannelHandler.Sharable
    static final class Check extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                inspect(request);
            }
            ctx.fireChannelRead(msg);
        }

        static void inspect(HttpRequest request) {
            DecoderResult decoded = request.decoderResult();
            if (decoded.isFailure()) {
                // The decoder gave up on this connection: nothing of the request can be trusted, and nothing more
                // will be read, so the answer closes the connection.
                boolean tooLong = decoded.cause() instanceof TooLongHttpLineException;
                LOG.info("Refused a request the server could not decode ({})", decoded.cause().getClass().getSimpleName());
                request.headers().clear();
                request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                request.setDecoderResult(DecoderResult.SUCCESS);
                rewrite(request, tooLong ? ADDRESS_TOO_LONG : BAD_REQUEST);
            } else if (!RequestTargets.readable(request.method().name(), request.uri())) {
                LOG.info("Refused a malformed address ({} request, {} characters)", request.method().name(), request.uri().length());
                rewrite(request, BAD_ADDRESS);
            }
        }

        private static void rewrite(HttpRequest request, String errorPage) {
            // HEAD stays HEAD (no body in the answer); anything else asks for the page. A body that was announced is
            // still read by the server (its length headers are kept) and ignored: GET routes take none.
            if (!HttpMethod.HEAD.equals(request.method())) {
                request.setMethod(HttpMethod.GET);
            }
            request.setUri(errorPage);
        }
    }
}
