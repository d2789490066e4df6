package dev.centrifugo4j.codegen.config;

import dev.centrifugo4j.codegen.ContractCollector;
import dev.centrifugo4j.contract.InvalidContractException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code CodegenMain config ...}: {@code centrifugo:config} without Maven.
 *
 * <pre>{@code
 * java -cp ... dev.centrifugo4j.codegen.CodegenMain config \
 *     --contract build/classes/java/main/META-INF/centrifugo/contract.json \
 *     --output build/centrifugo/config.json --app-url http://app:8080
 * }</pre>
 */
public final class ConfigCommand {

    static final String USAGE = "Usage: CodegenMain config --contract <contract.json> [--output <config.json>]"
            + " [--merge-into <config.json>] [--app-url <url>] [--rpc-path <path>] [--connect-path <path>]"
            + " [--refresh-path <path>] [--subscribe-path <path>] [--publish-path <path>]"
            + " [--sub-refresh-path <path>] [--proxy-timeout <go duration>] [--secret-header <name>]"
            + " [--secret-variable <CENTRIFUGO_VAR_...>] [--connect-proxy] [--refresh-proxy | --no-refresh-proxy]"
            + " [--forwarded-headers <name,name>] [--classpath <the application's class path>]";

    private ConfigCommand() {}

    /**
     * Runs with the arguments after {@code config}.
     *
     * @return the exit status: 0, 1 for a problem with the input, 2 for bad arguments
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path contract = null;
        Path output = Path.of("target/centrifugo/config.json");
        Path mergeInto = null;
        String appUrl = ConfigRequest.DEFAULT_APP_URL;
        ConfigRequest.ProxyPaths defaults = ConfigRequest.ProxyPaths.DEFAULTS;
        String[] paths = {
            defaults.rpc(),
            defaults.connect(),
            defaults.refresh(),
            defaults.subscribe(),
            defaults.publish(),
            defaults.subRefresh()
        };
        String timeout = ConfigRequest.DEFAULT_PROXY_TIMEOUT;
        String secretHeader = ConfigRequest.DEFAULT_SECRET_HEADER;
        String secretVariable = ConfigRequest.DEFAULT_SECRET_VARIABLE;
        boolean connectProxy = false;
        @Nullable Boolean refreshProxy = null;
        List<String> forwardedHeaders = List.of();
        String classpath = "";
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--connect-proxy")) {
                    connectProxy = true;
                    continue;
                }
                if (option.equals("--refresh-proxy") || option.equals("--no-refresh-proxy")) {
                    refreshProxy = option.equals("--refresh-proxy");
                    continue;
                }
                String value = require(option, (i + 1 < args.length) ? args[i + 1] : null);
                i++;
                switch (option) {
                    case "--contract" -> contract = Path.of(value);
                    case "--output" -> output = Path.of(value);
                    case "--merge-into" -> mergeInto = Path.of(value);
                    case "--app-url" -> appUrl = value;
                    case "--rpc-path" -> paths[0] = value;
                    case "--connect-path" -> paths[1] = value;
                    case "--refresh-path" -> paths[2] = value;
                    case "--subscribe-path" -> paths[3] = value;
                    case "--publish-path" -> paths[4] = value;
                    case "--sub-refresh-path" -> paths[5] = value;
                    case "--proxy-timeout" -> timeout = value;
                    case "--secret-header" -> secretHeader = value;
                    case "--secret-variable" -> secretVariable = value;
                    case "--forwarded-headers" -> forwardedHeaders = splitList(value);
                    case "--classpath" -> classpath = value;
                    default -> throw new IllegalArgumentException("Unknown option " + option);
                }
            }
            if (contract == null) {
                throw new IllegalArgumentException("--contract is required");
            }
            ConfigRequest request = new ConfigRequest(
                    contract,
                    output,
                    mergeInto,
                    appUrl,
                    new ConfigRequest.ProxyPaths(paths[0], paths[1], paths[2], paths[3], paths[4], paths[5]),
                    timeout,
                    secretHeader,
                    secretVariable,
                    connectProxy,
                    ConfigRequest.refreshProxyOrDefault(connectProxy, refreshProxy),
                    forwardedHeaders);
            CentrifugoConfigGenerator.Result result = ContractCollector.withContract(
                    contract,
                    classpath,
                    merged -> new CentrifugoConfigGenerator().generate(request.withContract(merged)));
            result.warnings().forEach(warning -> err.println("Warning: " + warning));
            out.println(summary(result, request));
            return 0;
        } catch (IllegalArgumentException ex) {
            err.println(ex.getMessage());
            err.println(USAGE);
            return 2;
        } catch (InvalidContractException | InvalidConfigException | UncheckedIOException ex) {
            err.println(ex.getMessage());
            return 1;
        }
    }

    /** What the Maven goal and the main print after a run. */
    public static String summary(CentrifugoConfigGenerator.Result result, ConfigRequest request) {
        return (result.written() ? "Wrote " : "Up to date: ") + result.file() + " (start Centrifugo with "
                + request.secretVariable() + " set to the application's centrifugo.proxy.secret)";
    }

    /** Splits a comma-separated list, dropping blanks. */
    public static List<String> splitList(@Nullable String list) {
        if (list == null) {
            return List.of();
        }
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    private static String require(String option, @Nullable String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
