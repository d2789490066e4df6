package dev.centrifugo4j.boot.autoconfigure;

import dev.centrifugo4j.boot.proxy.ProxyEndpoint;
import dev.centrifugo4j.boot.proxy.ProxyFilter;
import dev.centrifugo4j.boot.proxy.ProxyPaths;
import dev.centrifugo4j.dispatch.ChannelDispatcher;
import dev.centrifugo4j.dispatch.ConnectionDispatcher;
import dev.centrifugo4j.dispatch.RpcDispatcher;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The proxy endpoints of a servlet application: a filter after every other filter that answers the
 * proxy paths itself ({@link ProxyFilter}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({FilterRegistrationBean.class, DispatcherServletPath.class})
class ServletProxyConfiguration {

    /**
     * Which requests are proxy requests: the paths of the served proxies, below the
     * DispatcherServlet's path. The proxy filter and the starter's Spring Security filter chain both
     * match with it.
     */
    @Bean
    ProxyPaths centrifugoProxyPaths(
            CentrifugoProperties properties,
            ListableBeanFactory beanFactory,
            ObjectProvider<DispatcherServletPath> servletPath) {
        DispatcherServletPath path = servletPath.getIfAvailable();
        return CentrifugoAutoConfiguration.ProxyEndpointConfiguration.proxyPaths(
                properties, beanFactory, (path != null) ? path.getPrefix() : "");
    }

    /**
     * The proxy endpoints, served by a filter that runs after every other filter (Spring
     * Security's, the HTTP server observation's, the application's with the default order) and
     * answers the proxy paths itself.
     */
    @Bean
    FilterRegistrationBean<ProxyFilter> centrifugoProxyFilter(
            ProxyPaths paths,
            ObjectProvider<RpcDispatcher> rpc,
            ChannelDispatcher channels,
            ConnectionDispatcher connections,
            ProxyEndpoint.Settings settings) {
        FilterRegistrationBean<ProxyFilter> registration = new FilterRegistrationBean<>(new ProxyFilter(
                paths,
                CentrifugoAutoConfiguration.ProxyEndpointConfiguration.endpoints(
                        paths,
                        rpc,
                        channels,
                        connections,
                        (type, dispatcher) -> new ProxyEndpoint(type, dispatcher, settings))));
        registration.setName("centrifugoProxyFilter");
        registration.setUrlPatterns(paths.urlPatterns());
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setAsyncSupported(true);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
