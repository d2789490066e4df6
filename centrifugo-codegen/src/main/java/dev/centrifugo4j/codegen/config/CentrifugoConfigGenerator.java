package dev.centrifugo4j.codegen.config;

import dev.centrifugo4j.codegen.CodeWriter;
import dev.centrifugo4j.codegen.ContractFile;
import dev.centrifugo4j.codegen.GeneratedFiles;
import dev.centrifugo4j.contract.ChannelPattern;
import dev.centrifugo4j.contract.Contract;
import dev.centrifugo4j.contract.InvalidChannelPatternException;
import dev.centrifugo4j.contract.InvalidContractException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the Centrifugo v6 JSON configuration that points Centrifugo's proxies at the application:
 * the RPC proxy with every RPC namespace of the contract, a channel namespace for every channel
 * pattern with the subscribe, publish and sub_refresh proxies its handlers need, optionally the
 * connect and refresh proxies, and on every proxy the secret header, whose value Centrifugo takes
 * from an environment variable ({@code ${CENTRIFUGO_VAR_...}}), never from the file.
 *
 * <p>The output is deterministic (sorted namespaces, fixed key order, {@code \n} line ends), and a
 * file whose content did not change is not rewritten.
 */
public final class CentrifugoConfigGenerator {

    /** Centrifugo's rule for namespace names. */
    private static final Pattern NAMESPACE_NAME = Pattern.compile("[-a-zA-Z0-9_.]{2,}");

    /** Centrifugo's default namespace boundary, for channels and RPC methods alike. */
    private static final char NAMESPACE_BOUNDARY = ':';

    private static final Map<String, String> PROXY_OF_OPERATION =
            Map.of("subscribe", "subscribe", "publish", "publish", "sub_refresh", "sub_refresh");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * What a run did.
     *
     * @param file the configuration file
     * @param written whether it was written (false: it was up to date)
     * @param warnings what the user should know, such as channel patterns left out
     */
    public record Result(Path file, boolean written, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Reads the contract (and the configuration to merge into) and writes the configuration.
     *
     * @param request what to write
     * @return what was done
     * @throws InvalidContractException when the contract is missing, unreadable, or names a namespace
     *     Centrifugo would refuse
     * @throws InvalidConfigException when the configuration to merge into is missing or not a JSON object
     * @throws UncheckedIOException when a file cannot be read or written
     */
    public Result generate(ConfigRequest request) {
        Contract contract = ContractFile.read(request.contract());
        List<String> warnings = new ArrayList<>();
        ObjectNode fragment = fragment(contract, request, warnings);
        ObjectNode configuration = fragment;
        if (request.mergeInto() != null) {
            configuration = readBase(request.mergeInto());
            merge(configuration, fragment);
        }
        boolean written = GeneratedFiles.writeIfChanged(request.outputFile(), render(configuration));
        return new Result(request.outputFile(), written, warnings);
    }

    /**
     * The configuration fragment for a contract.
     *
     * @param contract the contract
     * @param request the application's URL, paths and secret
     * @param warnings receives what the user should know
     * @return the fragment, a Centrifugo v6 JSON configuration of its own
     */
    public ObjectNode fragment(Contract contract, ConfigRequest request, List<String> warnings) {
        ObjectNode root = JSON.createObjectNode();
        ConfigRequest.ProxyPaths paths = request.paths();
        if (request.connectProxy() || request.refreshProxy()) {
            ObjectNode clientProxies = root.putObject("client").putObject("proxy");
            if (request.connectProxy()) {
                proxy(clientProxies.putObject("connect").put("enabled", true), request, paths.connect());
            }
            if (request.refreshProxy()) {
                proxy(clientProxies.putObject("refresh").put("enabled", true), request, paths.refresh());
            }
        }
        channels(root, contract, request, warnings);
        ObjectNode rpc = root.putObject("rpc");
        proxy(rpc.putObject("proxy"), request, paths.rpc());
        // Always: the starter serves the built-in system.contract, a method without a namespace.
        rpc.putObject("without_namespace").put("proxy_enabled", true);
        TreeSet<String> rpcNamespaces = new TreeSet<>();
        for (Contract.RpcMethod method : contract.methods()) {
            int boundary = method.name().indexOf(NAMESPACE_BOUNDARY);
            if (boundary >= 0) {
                String namespace = method.name().substring(0, boundary);
                checkNamespace(namespace, "RPC method '" + method.name() + "'");
                rpcNamespaces.add(namespace);
            }
        }
        if (!rpcNamespaces.isEmpty()) {
            ArrayNode namespaces = rpc.putArray("namespaces");
            rpcNamespaces.forEach(
                    name -> namespaces.addObject().put("name", name).put("proxy_enabled", true));
        }
        return root;
    }

    private void channels(ObjectNode root, Contract contract, ConfigRequest request, List<String> warnings) {
        // The proxies each namespace needs; "" is the channels without a namespace.
        Map<String, TreeSet<String>> proxiesOfNamespace = new TreeMap<>();
        for (Contract.Channel channel : contract.channels()) {
            String pattern = checkPattern(channel);
            int boundary = pattern.indexOf(NAMESPACE_BOUNDARY);
            String namespace = (boundary < 0) ? "" : pattern.substring(0, boundary);
            if (namespace.contains("{")) {
                warnings.add("Channel pattern '" + pattern + "' has a variable in its namespace: configure the"
                        + " namespaces it matches by hand (they need "
                        + PROXY_OF_OPERATION.getOrDefault(channel.operation(), channel.operation())
                        + "_proxy_enabled)");
                continue;
            }
            if (!namespace.isEmpty()) {
                checkNamespace(namespace, "Channel pattern '" + pattern + "'");
            }
            TreeSet<String> proxies = proxiesOfNamespace.computeIfAbsent(namespace, name -> new TreeSet<>());
            String proxy = PROXY_OF_OPERATION.get(channel.operation());
            if (proxy != null) {
                proxies.add(proxy);
            }
        }
        if (proxiesOfNamespace.isEmpty()) {
            return;
        }
        ObjectNode channel = root.putObject("channel");
        TreeSet<String> used = new TreeSet<>();
        proxiesOfNamespace.values().forEach(used::addAll);
        if (!used.isEmpty()) {
            ObjectNode proxies = channel.putObject("proxy");
            // Fixed order, the one of the proxy protocol.
            for (String proxy : List.of("subscribe", "publish", "sub_refresh")) {
                if (used.contains(proxy)) {
                    proxy(proxies.putObject(proxy), request, pathOf(proxy, request.paths()));
                }
            }
        }
        TreeSet<String> withoutNamespace = proxiesOfNamespace.remove("");
        if (withoutNamespace != null) {
            enable(channel.putObject("without_namespace"), withoutNamespace);
        }
        if (!proxiesOfNamespace.isEmpty()) {
            ArrayNode namespaces = channel.putArray("namespaces");
            proxiesOfNamespace.forEach(
                    (name, proxies) -> enable(namespaces.addObject().put("name", name), proxies));
        }
    }

    private static void enable(ObjectNode namespace, TreeSet<String> proxies) {
        for (String proxy : List.of("subscribe", "publish", "sub_refresh")) {
            if (proxies.contains(proxy)) {
                namespace.put(proxy + "_proxy_enabled", true);
            }
        }
    }

    private static String pathOf(String proxy, ConfigRequest.ProxyPaths paths) {
        return switch (proxy) {
            case "subscribe" -> paths.subscribe();
            case "publish" -> paths.publish();
            default -> paths.subRefresh();
        };
    }

    /** The channel's pattern, checked with the grammar the processor and the runtime use. */
    private static String checkPattern(Contract.Channel channel) {
        try {
            return ChannelPattern.parse(channel.pattern()).text();
        } catch (InvalidChannelPatternException ex) {
            throw new InvalidContractException(
                    ex.getMessage() + " (a " + channel.operation() + " handler's pattern in"
                            + " the contract): no Centrifugo configuration is written for a pattern the application cannot"
                            + " serve; fix the pattern and compile again",
                    ex);
        }
    }

    private static void checkNamespace(String namespace, String where) {
        if (!NAMESPACE_NAME.matcher(namespace).matches()) {
            throw new InvalidContractException(where + " is in namespace '" + namespace
                    + "', which Centrifugo refuses: namespace names match ^" + NAMESPACE_NAME.pattern()
                    + "$ (rename it, or configure Centrifugo by hand)");
        }
    }

    /** Endpoint, timeout, forwarded headers and the secret header, the same on every proxy. */
    private static void proxy(ObjectNode proxy, ConfigRequest request, String path) {
        proxy.put("endpoint", request.appUrl() + path).put("timeout", request.proxyTimeout());
        if (!request.forwardedHeaders().isEmpty()) {
            ArrayNode headers = proxy.putArray("http_headers");
            request.forwardedHeaders().forEach(headers::add);
        }
        proxy.putObject("http")
                .putObject("static_headers")
                .put(request.secretHeader(), "${" + request.secretVariable() + "}");
    }

    /**
     * Merges the fragment into a configuration: objects are merged key by key, arrays of named objects
     * (namespaces, proxies) element by element by their {@code name}, anything else is replaced by the
     * fragment's value. What the fragment does not mention stays as it was.
     *
     * @param target the configuration, changed in place
     * @param fragment what to merge into it
     */
    public static void merge(ObjectNode target, ObjectNode fragment) {
        for (Map.Entry<String, JsonNode> entry : fragment.properties()) {
            JsonNode existing = target.get(entry.getKey());
            JsonNode value = entry.getValue();
            if (existing instanceof ObjectNode existingObject && value instanceof ObjectNode valueObject) {
                merge(existingObject, valueObject);
            } else if (existing instanceof ArrayNode existingArray && value instanceof ArrayNode valueArray) {
                mergeByName(existingArray, valueArray);
            } else {
                target.set(entry.getKey(), value.deepCopy());
            }
        }
    }

    private static void mergeByName(ArrayNode target, ArrayNode fragment) {
        for (JsonNode element : fragment) {
            ObjectNode named =
                    (element instanceof ObjectNode object && object.path("name").isString())
                            ? findByName(target, object.path("name").asString())
                            : null;
            if (named != null) {
                merge(named, (ObjectNode) element);
            } else if (!contains(target, element)) {
                target.add(element.deepCopy());
            }
        }
    }

    private static @Nullable ObjectNode findByName(ArrayNode array, String name) {
        for (JsonNode element : array) {
            if (element instanceof ObjectNode object
                    && name.equals(object.path("name").asString(null))) {
                return object;
            }
        }
        return null;
    }

    private static boolean contains(ArrayNode array, JsonNode element) {
        for (JsonNode candidate : array) {
            if (candidate.equals(element)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The configuration's text: two-space indentation, one value a line, {@code \n} line ends, a final
     * line end; the same on every platform.
     */
    public static String render(JsonNode configuration) {
        CodeWriter writer = new CodeWriter("  ");
        value(writer, "", configuration, "");
        return writer.toString();
    }

    private static void value(CodeWriter writer, String prefix, JsonNode node, String suffix) {
        if (node instanceof ObjectNode object && !object.isEmpty()) {
            writer.openBlock(prefix + "{");
            Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                value(
                        writer,
                        JSON.writeValueAsString(field.getKey()) + ": ",
                        field.getValue(),
                        fields.hasNext() ? "," : "");
            }
            writer.closeBlock("}" + suffix);
        } else if (node instanceof ArrayNode array && !array.isEmpty()) {
            writer.openBlock(prefix + "[");
            for (int i = 0; i < array.size(); i++) {
                value(writer, "", array.get(i), i + 1 < array.size() ? "," : "");
            }
            writer.closeBlock("]" + suffix);
        } else {
            writer.line(prefix + JSON.writeValueAsString(node) + suffix);
        }
    }

    private static ObjectNode readBase(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException ex) {
            throw new InvalidConfigException(
                    "No Centrifugo configuration at " + file + " to merge into: create it, or leave mergeInto unset");
        } catch (IOException ex) {
            throw new UncheckedIOException("Failed to read " + file, ex);
        }
        JsonNode base;
        try {
            base = JSON.readTree(text);
        } catch (JacksonException ex) {
            throw new InvalidConfigException(
                    "The configuration to merge into, " + file + ", is not JSON (only Centrifugo's JSON format is"
                            + " supported): " + ex.getOriginalMessage(),
                    ex);
        }
        if (!(base instanceof ObjectNode object)) {
            throw new InvalidConfigException("The configuration to merge into, " + file + ", is not a JSON object");
        }
        return object;
    }
}
