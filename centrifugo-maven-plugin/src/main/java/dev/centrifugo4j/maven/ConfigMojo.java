package dev.centrifugo4j.maven;

import dev.centrifugo4j.codegen.config.CentrifugoConfigGenerator;
import dev.centrifugo4j.codegen.config.ConfigCommand;
import dev.centrifugo4j.codegen.config.ConfigRequest;
import dev.centrifugo4j.codegen.config.InvalidConfigException;
import dev.centrifugo4j.contract.InvalidContractException;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * {@code mvn centrifugo:config}: writes the Centrifugo v6 JSON configuration that points Centrifugo's
 * proxies at the application, from the contract the annotation processor wrote: the RPC proxy with
 * the RPC namespaces found, a channel namespace per channel pattern with the subscribe, publish and
 * sub_refresh proxies its handlers need, optionally the connect and refresh proxies. Every proxy
 * sends the secret header with the value of the environment variable {@link #secretVariable}, which
 * Centrifugo expands when it starts; the secret itself is never written.
 */
@Mojo(
        name = "config",
        defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public final class ConfigMojo extends ContractMojo {

    /** Where the configuration goes. */
    @Parameter(
            property = "centrifugo.config.outputFile",
            defaultValue = "${project.build.directory}/centrifugo/config.json")
    private File outputFile;

    /**
     * An existing Centrifugo JSON configuration to merge into: its settings are kept, the generated ones
     * added or replaced (namespaces by name), and the result is written to {@link #outputFile} (the
     * same file to update it in place). Unset: the generated fragment alone.
     */
    @Parameter(property = "centrifugo.config.mergeInto")
    private @Nullable File mergeInto;

    /** The application's base URL, as Centrifugo reaches it. */
    @Parameter(property = "centrifugo.config.appUrl", defaultValue = ConfigRequest.DEFAULT_APP_URL)
    private String appUrl;

    /** The RPC proxy path (the starter's centrifugo.proxy.rpc-path). */
    @Parameter(property = "centrifugo.config.rpcPath", defaultValue = "/centrifugo/rpc/")
    private String rpcPath;

    /** The connect proxy path (centrifugo.proxy.connect-path). */
    @Parameter(property = "centrifugo.config.connectPath", defaultValue = "/centrifugo/connect/")
    private String connectPath;

    /** The refresh proxy path (centrifugo.proxy.refresh-path). */
    @Parameter(property = "centrifugo.config.refreshPath", defaultValue = "/centrifugo/refresh/")
    private String refreshPath;

    /** The subscribe proxy path (centrifugo.proxy.subscribe-path). */
    @Parameter(property = "centrifugo.config.subscribePath", defaultValue = "/centrifugo/subscribe/")
    private String subscribePath;

    /** The publish proxy path (centrifugo.proxy.publish-path). */
    @Parameter(property = "centrifugo.config.publishPath", defaultValue = "/centrifugo/publish/")
    private String publishPath;

    /** The sub_refresh proxy path (centrifugo.proxy.sub-refresh-path). */
    @Parameter(property = "centrifugo.config.subRefreshPath", defaultValue = "/centrifugo/sub_refresh/")
    private String subRefreshPath;

    /** How long Centrifugo waits for the application, a Go duration ({@code 5s}, {@code 1500ms}). */
    @Parameter(property = "centrifugo.config.proxyTimeout", defaultValue = ConfigRequest.DEFAULT_PROXY_TIMEOUT)
    private String proxyTimeout;

    /** The header that carries the proxy secret (the starter's centrifugo.proxy.secret-header). */
    @Parameter(property = "centrifugo.config.secretHeader", defaultValue = ConfigRequest.DEFAULT_SECRET_HEADER)
    private String secretHeader;

    /**
     * The environment variable Centrifugo takes the proxy secret from; it must start with {@code
     * CENTRIFUGO_VAR_} (Centrifugo expands {@code ${CENTRIFUGO_VAR_...}} in {@code static_headers} and
     * refuses to start when the variable is not set).
     */
    @Parameter(property = "centrifugo.config.secretVariable", defaultValue = ConfigRequest.DEFAULT_SECRET_VARIABLE)
    private String secretVariable;

    /** Whether to enable the connect proxy (for a {@code ConnectHandler} bean). */
    @Parameter(property = "centrifugo.config.connectProxy", defaultValue = "false")
    private boolean connectProxy;

    /**
     * Whether to enable the refresh proxy; unset, it follows {@link #connectProxy}: the starter makes the
     * connections it identifies expire ({@code centrifugo.connect.expire-after}, 15 minutes by default) and
     * extends them through the refresh proxy. Set it to {@code false} when the application turns expiry
     * off, to {@code true} for a {@code RefreshHandler} of connections made with tokens.
     */
    @Parameter(property = "centrifugo.config.refreshProxy")
    private @Nullable Boolean refreshProxy;

    /**
     * Headers of the client's own HTTP request that Centrifugo forwards with every proxy request
     * ({@code http_headers}), comma-separated, for example {@code Cookie}. None by default.
     */
    @Parameter(property = "centrifugo.config.forwardedHeaders", defaultValue = "")
    private @Nullable String forwardedHeaders;

    /** Skips the goal. */
    @Parameter(property = "centrifugo.config.skip", defaultValue = "false")
    private boolean skip;

    /** Created by Maven. */
    public ConfigMojo() {}

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (this.skip) {
            getLog().info("Skipping centrifugo:config");
            return;
        }
        ConfigRequest request;
        if (isAggregator("config")) {
            return;
        }
        Path contract = contractPath();
        try {
            request = new ConfigRequest(
                    contract,
                    this.outputFile.toPath(),
                    (this.mergeInto != null) ? this.mergeInto.toPath() : null,
                    this.appUrl,
                    new ConfigRequest.ProxyPaths(
                            this.rpcPath,
                            this.connectPath,
                            this.refreshPath,
                            this.subscribePath,
                            this.publishPath,
                            this.subRefreshPath),
                    this.proxyTimeout,
                    this.secretHeader,
                    this.secretVariable,
                    this.connectProxy,
                    ConfigRequest.refreshProxyOrDefault(this.connectProxy, this.refreshProxy),
                    ConfigCommand.splitList(this.forwardedHeaders));
        } catch (IllegalArgumentException ex) {
            throw new MojoFailureException(ex.getMessage(), ex);
        }
        try {
            CentrifugoConfigGenerator.Result result = new CentrifugoConfigGenerator().generate(request);
            result.warnings().forEach(getLog()::warn);
            getLog().info(ConfigCommand.summary(result, request));
        } catch (InvalidContractException | InvalidConfigException ex) {
            throw new MojoFailureException(ex.getMessage(), ex);
        } catch (UncheckedIOException ex) {
            throw new MojoExecutionException(ex.getMessage(), ex);
        }
    }
}
