package dev.centrifugo4j.boot.autoconfigure;

import dev.centrifugo4j.boot.proxy.ProxyEndpoint;
import dev.centrifugo4j.boot.proxy.ProxyPaths;
import dev.centrifugo4j.boot.proxy.ProxyWebFilter;
import dev.centrifugo4j.boot.proxy.ReactivePrincipalScope;
import dev.centrifugo4j.boot.proxy.ReactiveProxyEndpoint;
import dev.centrifugo4j.dispatch.ChannelDispatcher;
import dev.centrifugo4j.dispatch.ConnectionDispatcher;
import dev.centrifugo4j.dispatch.RpcDispatcher;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The proxy endpoints of a WebFlux application: a web filter after every other web filter that
 * answers the proxy paths itself ({@link ProxyWebFilter}), and the executor that keeps synchronous
 * handlers off the event loop.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({WebFilter.class, Mono.class})
class ReactiveProxyConfiguration {

    /**
     * Which requests are proxy requests: the paths of the served proxies within the application
     * ({@code spring.webflux.base-path} is not part of them). The web filter and the starter's
     * Spring Security chain for WebFlux both match with it.
     */
    @Bean
    ProxyPaths centrifugoProxyPaths(CentrifugoProperties properties, ListableBeanFactory beanFactory) {
        return CentrifugoAutoConfiguration.ProxyEndpointConfiguration.proxyPaths(properties, beanFactory, "");
    }

    /**
     * Where synchronous (plain-return) handlers run, never on a Netty event loop: a new virtual
     * thread per call with {@code spring.threads.virtual.enabled=true} (on Java 21 and later), else a
     * pool of their own ({@code centrifugo-handler-*} threads, {@link ProxyConcurrencyLimits#blockingThreads
     * as many as the concurrency limits let run}, none queued: a call it refuses is answered with error
     * 429, temporary). Not Reactor's shared bounded-elastic scheduler: its ten threads per core would
     * be fewer than one handler's default limit, so a handler that hangs would take every one of them,
     * from the other handlers and from the application's own blocking work. Handlers that answer
     * later (a {@code CompletionStage}, a {@code Mono}, a {@code suspend fun}) complete on their own
     * threads.
     */
    @Bean(CentrifugoAutoConfiguration.ProxyEndpointConfiguration.BLOCKING_HANDLER_EXECUTOR)
    @ConditionalOnMissingBean(name = CentrifugoAutoConfiguration.ProxyEndpointConfiguration.BLOCKING_HANDLER_EXECUTOR)
    Executor centrifugoBlockingHandlerExecutor(Environment environment, CentrifugoProperties properties) {
        if (Threading.VIRTUAL.isActive(environment)) {
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("centrifugo-handler-");
            executor.setVirtualThreads(true);
            return executor;
        }
        return new HandlerThreads(ProxyConcurrencyLimits.blockingThreads(properties));
    }

    /** The proxy endpoints, served by a web filter that runs after every other one. */
    @Bean
    ProxyWebFilter centrifugoProxyWebFilter(
            ProxyPaths paths,
            ObjectProvider<RpcDispatcher> rpc,
            ChannelDispatcher channels,
            ConnectionDispatcher connections,
            ProxyEndpoint.Settings settings,
            ObjectProvider<ReactivePrincipalScope> principalScope) {
        ReactivePrincipalScope scope = principalScope.getIfUnique(() -> ReactivePrincipalScope.NONE);
        return new ProxyWebFilter(
                paths,
                CentrifugoAutoConfiguration.ProxyEndpointConfiguration.endpoints(
                        paths,
                        rpc,
                        channels,
                        connections,
                        (type, dispatcher) -> new ReactiveProxyEndpoint(
                                type, dispatcher, settings, Objects.requireNonNull(paths.pattern(type)), scope)));
    }

    /**
     * The pool of {@code centrifugo-handler-*} threads: made as calls come, ended after a minute
     * without one, none queued (a task over the pool is refused). Daemon threads, as a web server's
     * are, so that a handler that never returns does not keep the JVM from exiting; shut down without
     * waiting, since the graceful drain has waited for the calls in flight by then.
     */
    static final class HandlerThreads implements Executor, DisposableBean {

        private final ThreadPoolExecutor pool;

        HandlerThreads(int threads) {
            CustomizableThreadFactory factory = new CustomizableThreadFactory("centrifugo-handler-");
            factory.setDaemon(true);
            this.pool =
                    new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
            this.pool.allowCoreThreadTimeOut(true);
        }

        @Override
        public void execute(Runnable task) {
            this.pool.execute(task);
        }

        /** At most this many calls at once. */
        int threads() {
            return this.pool.getMaximumPoolSize();
        }

        @Override
        public void destroy() {
            this.pool.shutdown();
        }

        @Override
        public String toString() {
            return "centrifugo-handler threads (at most " + threads() + ")";
        }
    }
}
