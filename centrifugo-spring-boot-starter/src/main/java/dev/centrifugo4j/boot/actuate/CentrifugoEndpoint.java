package dev.centrifugo4j.boot.actuate;

import dev.centrifugo4j.api.AutoBatching;
import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.api.NodeInfo;
import dev.centrifugo4j.boot.contract.SystemContract;
import dev.centrifugo4j.boot.proxy.ProxyFilter;
import dev.centrifugo4j.channel.ChannelOperation;
import dev.centrifugo4j.connect.ConnectHandler;
import dev.centrifugo4j.connect.RefreshHandler;
import dev.centrifugo4j.dispatch.Bulkhead;
import dev.centrifugo4j.dispatch.ChannelDispatcher;
import dev.centrifugo4j.dispatch.ProxyDispatcher;
import dev.centrifugo4j.dispatch.ProxyType;
import dev.centrifugo4j.dispatch.RpcDispatcher;
import dev.centrifugo4j.spi.ChannelMethodDefinition;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Actuator endpoint {@code centrifugo} ({@code /actuator/centrifugo}): the RPC methods and channel
 * patterns the application serves with the bean and Java method of each, the contract's version, the
 * bulkheads with their limits and counts, the proxy paths, the publisher's queues and what Centrifugo's
 * {@code info} says about its nodes.
 *
 * <p>It shows how the application is built (bean names, classes, internal addresses in errors), so,
 * like Spring Boot's {@code beans} and {@code mappings}, it is not exposed over HTTP or JMX unless the
 * application says so: {@code management.endpoints.web.exposure.include=health,centrifugo}. It only
 * reads ({@link Access#READ_ONLY}). Everything is read when the endpoint is called; the {@code info}
 * call waits at most {@value #INFO_TIMEOUT_SECONDS} seconds, and its failure is reported in the answer
 * instead of failing it.
 */
@Endpoint(id = "centrifugo", defaultAccess = Access.READ_ONLY)
public final class CentrifugoEndpoint {

    /** How long the endpoint waits for Centrifugo's {@code info}. */
    public static final long INFO_TIMEOUT_SECONDS = 2;

    private final ListableBeanFactory beanFactory;

    private final Duration infoTimeout;

    /**
     * Creates the endpoint.
     *
     * @param beanFactory where it finds the dispatchers, the proxy filter, the contract and the
     *     publisher, when it is called
     */
    public CentrifugoEndpoint(ListableBeanFactory beanFactory) {
        this(beanFactory, Duration.ofSeconds(INFO_TIMEOUT_SECONDS));
    }

    CentrifugoEndpoint(ListableBeanFactory beanFactory, Duration infoTimeout) {
        this.beanFactory = beanFactory;
        this.infoTimeout = infoTimeout;
    }

    /** What the application serves to Centrifugo, and how Centrifugo and the publisher are doing. */
    @ReadOperation
    public CentrifugoDescriptor centrifugo() {
        CentrifugoPublisher publisher =
                this.beanFactory.getBeanProvider(CentrifugoPublisher.class).getIfUnique();
        return new CentrifugoDescriptor(
                contractVersion(),
                rpcMethods(),
                channelHandlers(),
                beanNames(ConnectHandler.class),
                beanNames(RefreshHandler.class),
                bulkheads(),
                proxyPaths(),
                (publisher != null) ? PublisherDescriptor.of(publisher) : null,
                (publisher != null) ? server(publisher) : null);
    }

    private ContractVersionDescriptor contractVersion() {
        SystemContract contract =
                this.beanFactory.getBeanProvider(SystemContract.class).getIfUnique();
        if (contract == null) {
            // system.contract is off: read the same contracts for the version alone.
            JsonMapper mapper = this.beanFactory
                    .getBeanProvider(JsonMapper.class)
                    .getIfUnique(() -> JsonMapper.builder().build());
            contract = new SystemContract(mapper, classLoader());
        }
        try {
            return new ContractVersionDescriptor(contract.contract().version(), null);
        } catch (RuntimeException ex) {
            return new ContractVersionDescriptor(null, describe(ex));
        }
    }

    private ClassLoader classLoader() {
        ClassLoader classLoader = ClassUtils.getDefaultClassLoader();
        return (classLoader != null) ? classLoader : CentrifugoEndpoint.class.getClassLoader();
    }

    private List<RpcMethodDescriptor> rpcMethods() {
        RpcDispatcher rpc =
                this.beanFactory.getBeanProvider(RpcDispatcher.class).getIfUnique();
        List<RpcMethodDescriptor> methods = new ArrayList<>();
        if (rpc != null) {
            for (String name : new TreeSet<>(rpc.methodNames())) {
                RpcMethodDefinition method = rpc.method(name);
                if (method != null) {
                    methods.add(new RpcMethodDescriptor(
                            name, beanName(method.handlerType()), method.signature(), method.async()));
                }
            }
        }
        return methods;
    }

    private List<ChannelHandlerDescriptor> channelHandlers() {
        ChannelDispatcher channels =
                this.beanFactory.getBeanProvider(ChannelDispatcher.class).getIfUnique();
        List<ChannelHandlerDescriptor> handlers = new ArrayList<>();
        if (channels != null) {
            for (ChannelOperation operation : ChannelOperation.values()) {
                for (String pattern : channels.patterns(operation)) {
                    ChannelMethodDefinition method = channels.method(operation, pattern);
                    if (method != null) {
                        handlers.add(new ChannelHandlerDescriptor(
                                operation.name().toLowerCase(Locale.ROOT),
                                pattern,
                                beanName(method.handlerType()),
                                method.signature(),
                                method.async()));
                    }
                }
            }
        }
        return handlers;
    }

    /** The bean a dispatcher calls a handler class on; {@code null} for a handler the application registered itself. */
    private @Nullable String beanName(Class<?> handlerType) {
        String[] names = this.beanFactory.getBeanNamesForType(handlerType, true, false);
        return (names.length == 1) ? names[0] : null;
    }

    private List<String> beanNames(Class<?> type) {
        return List.of(this.beanFactory.getBeanNamesForType(type, true, false));
    }

    private List<BulkheadDescriptor> bulkheads() {
        List<BulkheadDescriptor> bulkheads = new ArrayList<>();
        this.beanFactory.getBeanProvider(ProxyDispatcher.class).orderedStream().forEach((dispatcher) -> {
            for (Bulkhead bulkhead : dispatcher.bulkheads()) {
                bulkheads.add(new BulkheadDescriptor(
                        bulkhead.proxy(),
                        bulkhead.handler(),
                        bulkhead.limit(),
                        bulkhead.active(),
                        bulkhead.rejected()));
            }
        });
        return bulkheads;
    }

    /** Each proxy's path below the context path, as the filter serves it (with its trailing slash). */
    private Map<String, String> proxyPaths() {
        Map<String, String> byProxy = new LinkedHashMap<>();
        if (!this.beanFactory.containsBean("centrifugoProxyFilter")
                || !(this.beanFactory.getBean("centrifugoProxyFilter")
                        instanceof FilterRegistrationBean<?> registration)
                || !(registration.getFilter() instanceof ProxyFilter filter)) {
            return byProxy;
        }
        Map<String, String> paths = filter.paths();
        for (ProxyType type : ProxyType.values()) {
            paths.forEach((path, proxy) -> {
                if (proxy.equals(type.proxyName()) && path.endsWith("/")) {
                    byProxy.put(proxy, path);
                }
            });
        }
        return byProxy;
    }

    private ServerDescriptor server(CentrifugoPublisher publisher) {
        try {
            List<NodeInfo> nodes = publisher.infoAsync().get(this.infoTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new ServerDescriptor(nodes, null);
        } catch (TimeoutException ex) {
            return new ServerDescriptor(null, "no answer to info within " + this.infoTimeout.toMillis() + " ms");
        } catch (ExecutionException ex) {
            return new ServerDescriptor(null, describe((ex.getCause() != null) ? ex.getCause() : ex));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new ServerDescriptor(null, "interrupted while waiting for info");
        } catch (RuntimeException ex) {
            return new ServerDescriptor(null, describe(ex));
        }
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /**
     * The endpoint's answer.
     *
     * @param contract the version of the application's contract, or why it is unknown
     * @param rpc the RPC methods, by name
     * @param channels the channel handlers, by operation, most specific pattern first
     * @param connectHandlers the beans that answer the connect proxy
     * @param refreshHandlers the beans that answer the refresh proxy
     * @param bulkheads the handlers with a concurrency limit
     * @param proxyPaths each proxy's path (below the context path), by proxy
     * @param publisher the publisher's limits and queues, {@code null} without a publisher
     * @param centrifugo what Centrifugo's {@code info} says, {@code null} without a publisher
     */
    public record CentrifugoDescriptor(
            ContractVersionDescriptor contract,
            List<RpcMethodDescriptor> rpc,
            List<ChannelHandlerDescriptor> channels,
            List<String> connectHandlers,
            List<String> refreshHandlers,
            List<BulkheadDescriptor> bulkheads,
            Map<String, String> proxyPaths,
            @Nullable PublisherDescriptor publisher,
            @Nullable ServerDescriptor centrifugo)
            implements OperationResponseBody {}

    /**
     * The contract's version.
     *
     * @param version the version, {@code null} when it cannot be read
     * @param error why it cannot be read (no contract on the class path, contracts that do not fit)
     */
    public record ContractVersionDescriptor(
            @Nullable String version, @Nullable String error) {}

    /**
     * One RPC method.
     *
     * @param name the name clients call
     * @param bean the bean it is called on, {@code null} when it is no bean's
     * @param handler the Java method, for example {@code com.example.SystemHandlers.ping(RpcContext, PingParams)}
     * @param async whether it returns a {@code CompletionStage}
     */
    public record RpcMethodDescriptor(String name, @Nullable String bean, String handler, boolean async) {}

    /**
     * One channel handler.
     *
     * @param operation {@code subscribe}, {@code publish} or {@code sub_refresh}
     * @param pattern the channel pattern
     * @param bean the bean it is called on, {@code null} when it is no bean's
     * @param handler the Java method
     * @param async whether it returns a {@code CompletionStage}
     */
    public record ChannelHandlerDescriptor(
            String operation, String pattern, @Nullable String bean, String handler, boolean async) {}

    /**
     * The bulkhead of one handler.
     *
     * @param proxy the proxy the handler serves
     * @param handler the RPC method or channel pattern; the proxy's name for connect and refresh
     * @param limit how many calls may run at once
     * @param active how many run now
     * @param rejected how many were refused since the start
     */
    public record BulkheadDescriptor(String proxy, String handler, int limit, int active, long rejected) {}

    /**
     * The publisher's limits and queues.
     *
     * @param asyncRequestsInFlight asynchronous calls made and not completed yet
     * @param maxConcurrentRequests asynchronous calls sent at once
     * @param maxQueuedRequests asynchronous calls that may wait besides those
     * @param autoBatching whether publications are auto-batched
     * @param queuedPublications publications waiting in the auto-batching queue
     * @param queueCapacity how many the auto-batching queue holds, {@code 0} without auto-batching
     */
    public record PublisherDescriptor(
            int asyncRequestsInFlight,
            int maxConcurrentRequests,
            int maxQueuedRequests,
            boolean autoBatching,
            int queuedPublications,
            int queueCapacity) {

        static PublisherDescriptor of(CentrifugoPublisher publisher) {
            AutoBatching batching = publisher.autoBatching();
            return new PublisherDescriptor(
                    publisher.asyncRequestsInFlight(),
                    publisher.maxConcurrentRequests(),
                    publisher.maxQueuedRequests(),
                    batching != null,
                    publisher.queuedPublications(),
                    (batching != null) ? batching.queueCapacity() : 0);
        }
    }

    /**
     * What Centrifugo's {@code info} answered.
     *
     * @param nodes the running nodes, {@code null} when the call failed
     * @param error why the call failed (no answer in time, an HTTP or API error, ...), {@code null} when it did not
     */
    public record ServerDescriptor(
            @Nullable List<NodeInfo> nodes, @Nullable String error) {}
}
