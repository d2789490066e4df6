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
import org.springframework.web.server.WebFilter;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The proxy endpoints of a WebFlux application: a web filter after every other web filter that
 * answers the proxy paths itself ({@link ProxyWebFilter}), and the executor that keeps synchronous
 * handlers off the event loop.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({WebFilter.class, Schedulers.class})
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
     * thread per call with {@code spring.threads.virtual.enabled=true} (on Java 21 and later),
     * Reactor's bounded-elastic scheduler otherwise (ten threads per CPU core, a bounded queue
     * behind them: a call it refuses is answered with error 429, temporary). Handlers that return a
     * {@code CompletionStage} complete on their own threads.
     */
    @Bean(CentrifugoAutoConfiguration.ProxyEndpointConfiguration.BLOCKING_HANDLER_EXECUTOR)
    @ConditionalOnMissingBean(name = CentrifugoAutoConfiguration.ProxyEndpointConfiguration.BLOCKING_HANDLER_EXECUTOR)
    Executor centrifugoBlockingHandlerExecutor(Environment environment) {
        if (Threading.VIRTUAL.isActive(environment)) {
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("centrifugo-handler-");
            executor.setVirtualThreads(true);
            return executor;
        }
        return new SchedulerExecutor(Schedulers.boundedElastic());
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

    /** A Reactor scheduler as an executor: {@code schedule} throws RejectedExecutionException when full. */
    private record SchedulerExecutor(Scheduler scheduler) implements Executor {

        @Override
        public void execute(Runnable task) {
            this.scheduler.schedule(task);
        }

        @Override
        public String toString() {
            return "Executor on " + this.scheduler;
        }
    }
}
