package dev.centrifugo4j.codegen.python;

import dev.centrifugo4j.codegen.ClientChannel;
import dev.centrifugo4j.codegen.CodeWriter;
import dev.centrifugo4j.codegen.GeneratedFiles;
import dev.centrifugo4j.codegen.NameScope;
import dev.centrifugo4j.codegen.Resources;
import dev.centrifugo4j.contract.ChannelPattern;
import dev.centrifugo4j.contract.Contract;
import dev.centrifugo4j.contract.TypeDefinition;
import dev.centrifugo4j.contract.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Generates the Python client package: Pydantic v2 models for the contract's types ({@code
 * models.py}), {@code RpcClient} over a {@code centrifuge.Client} of PyPI {@code centrifuge-python}
 * ({@code client.py}), the errors and typed subscriptions, {@code py.typed} and a {@code
 * pyproject.toml} so that {@code pip install} works. The output depends on the contract and the
 * names only.
 */
public final class PythonGenerator {

    private static final String HEADER = "# " + GeneratedFiles.NOTICE;

    /** Where the stubs of centrifuge-python's API are, installed as {@code centrifuge-stubs}. */
    private static final String STUBS = "stubs/centrifuge";

    /** The stubs of centrifuge-python 0.7's public modules, kept as resources. */
    private static final List<String> SDK_STUBS = List.of(
            "__init__.pyi", "client.pyi", "contexts.pyi", "exceptions.pyi", "filter.pyi", "handlers.pyi", "types.pyi");

    /**
     * What a channel function defines or uses besides the pattern's variables: its parameters, the
     * builtins and the names of the client module it calls (the type adapters come on top).
     */
    private static final List<String> CHANNEL_FUNCTION_NAMES = List.of(
            "self",
            "data",
            "timeout",
            "error",
            "str",
            "error_from",
            "ReplyDecodeError",
            "TypedSubscription",
            "centrifuge",
            "_m",
            "_pd",
            "_t",
            "_dt",
            "_decimal",
            "_uuid");

    /** The modules the generated code may import, by the name it gives them. */
    private static final Map<String, String> MODULES = new LinkedHashMap<>();

    static {
        MODULES.put("_dt", "import datetime as _dt");
        MODULES.put("_decimal", "import decimal as _decimal");
        MODULES.put("_enum", "import enum as _enum");
        MODULES.put("_t", "import typing as _t");
        MODULES.put("_uuid", "import uuid as _uuid");
    }

    private final PythonTypeMapper types = new PythonTypeMapper("");

    /** In {@code client.py} the contract's types come from the models module ({@code _m.Everything}). */
    private final PythonTypeMapper clientTypes = new PythonTypeMapper("_m.");

    /**
     * The files of the package.
     *
     * @param contract the contract
     * @param distributionName the name {@code pip} knows the package by, such as {@code zoo-client}
     * @param packageName the import name, such as {@code zoo_client}
     * @param version the application's version, such as a Maven project version ({@code 1.2.0-SNAPSHOT}),
     *     written as the PEP 440 version it corresponds to ({@link PythonTypeMapper#packageVersion})
     * @return the file contents by path relative to the package folder, in a fixed order
     */
    public Map<String, String> generate(
            Contract contract, String distributionName, String packageName, String version) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pyproject.toml", pyproject(distributionName, packageName, PythonTypeMapper.packageVersion(version)));
        files.put("README.md", readme(contract, distributionName, packageName));
        files.put(packageName + "/__init__.py", init(contract));
        files.put(packageName + "/py.typed", "");
        files.put(packageName + "/models.py", models(contract));
        files.put(packageName + "/errors.py", HEADER + "\n" + Resources.text(PythonGenerator.class, "errors.py"));
        files.put(
                packageName + "/subscription.py",
                HEADER + "\n" + Resources.text(PythonGenerator.class, "subscription.py"));
        files.put(packageName + "/client.py", client(contract));
        for (String stub : SDK_STUBS) {
            files.put(
                    STUBS + "/" + stub,
                    HEADER + "\n" + Resources.text(PythonGenerator.class, "centrifuge-stubs/" + stub));
        }
        files.put(STUBS + "/py.typed", "partial\n");
        return files;
    }

    private static String pyproject(String distributionName, String packageName, String version) {
        return HEADER + "\n"
                + "[build-system]\n"
                + "requires = [\"setuptools>=68\"]\n"
                + "build-backend = \"setuptools.build_meta\"\n"
                + "\n"
                + "[project]\n"
                + "name = " + PythonTypeMapper.stringLiteral(distributionName) + "\n"
                + "version = " + PythonTypeMapper.stringLiteral(version) + "\n"
                + "description = \"Typed client generated by centrifugo4j from the application's contract\"\n"
                + "readme = \"README.md\"\n"
                + "requires-python = \">=3.10\"\n"
                + "dependencies = [\"centrifuge-python>=0.7,<0.8\", \"pydantic>=2.11,<3\"]\n"
                + "\n"
                + "# centrifuge-python has type hints but no py.typed marker: the package brings the stubs of\n"
                + "# its API (centrifuge-stubs, PEP 561), so that mypy --strict checks the programs using both.\n"
                + "[tool.setuptools]\n"
                + "packages = [" + PythonTypeMapper.stringLiteral(packageName) + ", \"centrifuge-stubs\"]\n"
                + "package-dir = {\"centrifuge-stubs\" = \"" + STUBS + "\"}\n"
                + "\n"
                + "[tool.setuptools.package-data]\n"
                + packageName + " = [\"py.typed\"]\n"
                + "\"centrifuge-stubs\" = [\"*.pyi\", \"py.typed\"]\n"
                + "\n"
                + "[tool.mypy]\n"
                + "strict = true\n"
                + "mypy_path = \"$MYPY_CONFIG_FILE_DIR/stubs\"\n";
    }

    private String readme(Contract contract, String distributionName, String packageName) {
        StringBuilder example = new StringBuilder()
                .append("import asyncio\n\n")
                .append("import centrifuge\n\n")
                .append("from ")
                .append(packageName)
                .append(" import CONTRACT_VERSION, RpcClient, RpcError\n\n\n")
                .append("async def main(token: str) -> None:\n")
                .append("    client = centrifuge.Client(\"ws://localhost:8000/connection/websocket\", token=token)\n")
                .append("    await client.connect()\n")
                .append("    rpc = RpcClient(client)\n")
                .append("    reply = await client.rpc(\"system.contract\", {})\n")
                .append("    if reply.data[\"version\"] != CONTRACT_VERSION:\n")
                .append("        print(\"the client and the server were built from different contracts\")\n");
        NameScope used = new NameScope("client");
        contract.methods().stream()
                .findFirst()
                .ifPresent(method -> example.append("    try:\n")
                        .append("        result = await rpc.")
                        .append(used.claim(this.types.methodName(method.name())))
                        .append("(")
                        .append(method.params().isPresent() ? "params, " : "")
                        .append("timeout=5)\n")
                        .append("    except RpcError as error:  # a subclass per code, such as ValidationFailedError\n")
                        .append("        print(error.code, error.message, error.temporary, error.violations)\n"));
        ClientChannel.of(contract).stream()
                .findFirst()
                .ifPresent(channel -> example.append("    async with rpc.")
                        .append(used.claim("subscribe_" + this.types.snakeCase(channel.nameStem())))
                        .append("(")
                        .append(channel.variables().stream()
                                .map(variable -> this.types.identifier(variable.name()))
                                .collect(Collectors.joining(", ")))
                        .append(") as publications:\n")
                        .append(
                                "        async for publication in publications:  # typed as the channel's publications\n")
                        .append("            print(publication)\n"));
        example.append("    await client.disconnect()\n\n\n").append("asyncio.run(main(token))\n");
        return "# " + distributionName + "\n\n"
                + "The typed client of the application's RPC methods and channels, generated by centrifugo4j"
                + " from its\ncontract, version `" + contract.version() + "`\n(`" + packageName
                + ".CONTRACT_VERSION`; the server's method `system.contract` answers with its own). It\nruns over"
                + " the official SDK, `centrifuge-python` 0.7, with Pydantic 2 models, and brings the SDK's\ntype"
                + " stubs (`centrifuge-stubs`), so that `mypy --strict` checks programs that use both.\n\n"
                + "## Install\n\n"
                + "```sh\n"
                + "pip install <this folder>\n"
                + "```\n\n"
                + "## Use\n\n"
                + "```python\n" + example + "```\n\n"
                + "The models' attributes are snake case (`order_id`); they read and write the JSON names"
                + " (`orderId`).\n"
                + "A call fails with an `RpcError` (`code`, `message`, `temporary`, `violations`) or its subclass"
                + " for the\ncode: `BadRequestError` 400, `MethodNotFoundError` 404, `ValidationFailedError` 422,"
                + " `TooManyCallsError`\n429, `ServerError` 500, `HandlerTimeoutError` 504, `CallTimeoutError`"
                + " when no reply came in time,\n`TransportError` for a lost connection, `ReplyDecodeError` for a"
                + " reply that breaks the contract.\n\n"
                + "Generated by centrifugo4j: regenerate it instead of editing it.\n";
    }

    private String init(Contract contract) {
        List<String> modelNames = new ArrayList<>();
        modelNames.add("BigInteger");
        modelNames.add("CONTRACT_VERSION");
        contract.definitions().keySet().forEach(name -> modelNames.add(this.types.typeName(name)));
        List<String> errorNames = List.of(
                "BadRequestError",
                "CallTimeoutError",
                "HandlerTimeoutError",
                "MethodNotFoundError",
                "ReplyDecodeError",
                "RpcError",
                "ServerError",
                "TooManyCallsError",
                "TransportError",
                "ValidationFailedError",
                "Violation");
        CodeWriter out = new CodeWriter("    ");
        out.line(HEADER);
        out.line("\"\"\"Typed client of the application's RPC methods and channels over centrifuge-python.\"\"\"");
        out.blank();
        out.line("from .client import RpcClient");
        importList(out, "errors", errorNames);
        importList(out, "models", modelNames);
        out.line("from .subscription import TypedSubscription");
        out.blank();
        TreeSet<String> all = new TreeSet<>();
        all.add("RpcClient");
        all.add("TypedSubscription");
        all.addAll(errorNames);
        all.addAll(modelNames);
        out.openBlock("__all__ = [");
        all.forEach(name -> out.line(PythonTypeMapper.stringLiteral(name) + ","));
        out.closeBlock("]");
        return PythonLines.wrap(out.toString());
    }

    private static void importList(CodeWriter out, String module, List<String> names) {
        out.openBlock("from ." + module + " import (");
        names.forEach(name -> out.line(name + ","));
        out.closeBlock(")");
    }

    private String models(Contract contract) {
        CodeWriter out = new CodeWriter("    ");
        out.line(HEADER);
        out.line("\"\"\"The contract's types as Pydantic v2 models.\"\"\"");
        out.blank();
        out.line("from __future__ import annotations");
        out.blank();
        out.line(IMPORTS);
        out.blank();
        out.line("import pydantic as _pd");
        out.blank();
        out.line("CONTRACT_VERSION: _t.Final = " + PythonTypeMapper.stringLiteral(contract.version()));
        out.line("\"\"\"The version of the contract this client was generated from; ``system.contract`` answers the"
                + " server's.\"\"\"");
        out.blank();
        out.line("BigInteger: _t.TypeAlias = _t.Annotated[int, _pd.PlainSerializer(str, return_type=str,"
                + " when_used=\"json\")]");
        out.line(
                "\"\"\"A Java ``BigInteger`` written as a JSON string: an exact ``int``, written back as a string.\"\"\"");
        out.blank();
        out.blank();
        out.openBlock("class _Model(_pd.BaseModel):");
        out.line(
                "\"\"\"The base of the generated models: properties the server may omit are left out when ``None``.\"\"\"");
        out.blank();
        out.line("model_config = _pd.ConfigDict(");
        out.line("    validate_by_name=True,");
        out.line("    validate_by_alias=True,");
        out.line("    serialize_by_alias=True,");
        out.line("    use_attribute_docstrings=True,");
        out.line("    regex_engine=\"python-re\",");
        out.line(")");
        out.blank();
        out.line("__optional__: _t.ClassVar[frozenset[str]] = frozenset()");
        out.blank();
        out.line("@_pd.model_serializer(mode=\"wrap\")");
        out.openBlock("def _omit_absent(self, handler: _pd.SerializerFunctionWrapHandler) -> dict[str, _t.Any]:");
        out.line("data: dict[str, _t.Any] = handler(self)");
        out.line("for key in self.__optional__:");
        out.line("    if key in data and data[key] is None:");
        out.line("        del data[key]");
        out.line("return data");
        out.closeBlock("");
        out.closeBlock("");
        List<TypeDefinition> ordered = new ArrayList<>();
        contract.definitions().values().stream()
                .filter(TypeDefinition.EnumType.class::isInstance)
                .forEach(ordered::add);
        contract.definitions().values().stream()
                .filter(TypeDefinition.ObjectType.class::isInstance)
                .forEach(ordered::add);
        contract.definitions().values().stream()
                .filter(TypeDefinition.UnionType.class::isInstance)
                .forEach(ordered::add);
        for (TypeDefinition definition : ordered) {
            writeDefinition(out, definition, contract);
        }
        out.blank();
        for (TypeDefinition definition : contract.definitions().values()) {
            if (definition instanceof TypeDefinition.ObjectType) {
                out.line(this.types.typeName(definition.name()) + ".model_rebuild()");
            }
        }
        return finish(out);
    }

    /** The marker {@link #finish} replaces with the imports of the modules the code uses. */
    private static final String IMPORTS = "#<imports>";

    /** The module's text: the imports it needs in place of {@link #IMPORTS}, long lines broken. */
    private static String finish(CodeWriter out) {
        String text = trimTrailingBlankLines(out.toString());
        String imports = MODULES.entrySet().stream()
                .filter(module -> text.contains(module.getKey() + "."))
                .map(Map.Entry::getValue)
                .collect(Collectors.joining("\n"));
        return PythonLines.wrap(text.replace(IMPORTS, imports));
    }

    /** The attribute of each property of an object type by its JSON name, in order. */
    private Map<String, String> fieldNames(TypeDefinition.ObjectType object) {
        NameScope used = new NameScope();
        Map<String, String> fields = new LinkedHashMap<>();
        for (TypeDefinition.Property property : object.properties()) {
            fields.put(property.name(), used.claim(this.types.fieldName(property.name())));
        }
        return fields;
    }

    private void writeDefinition(CodeWriter out, TypeDefinition definition, Contract contract) {
        String name = this.types.typeName(definition.name());
        definition.accept(new TypeDefinition.Visitor<Void>() {
            @Override
            public Void visitObject(TypeDefinition.ObjectType object) {
                out.blank();
                out.openBlock("class " + name + "(_Model):");
                docstring(out, definition.description());
                Set<String> optional = new TreeSet<>();
                List<String> fields = new ArrayList<>(fieldNames(object).values());
                for (TypeDefinition.Property property : object.properties()) {
                    String field = fields.get(object.properties().indexOf(property));
                    if (!property.required()) {
                        optional.add(property.name());
                        optional.add(field);
                    }
                }
                if (!optional.isEmpty()) {
                    if (!definition.description().isEmpty()) {
                        out.blank();
                    }
                    out.line("__optional__: _t.ClassVar[frozenset[str]] = frozenset("
                            + optional.stream()
                                    .map(PythonTypeMapper::stringLiteral)
                                    .collect(Collectors.joining(", ", "{", "}"))
                            + ")");
                }
                boolean first = definition.description().isEmpty() && optional.isEmpty();
                for (int i = 0; i < fields.size(); i++) {
                    if (!first) {
                        out.blank();
                    }
                    first = false;
                    writeField(out, object.properties().get(i), fields.get(i));
                }
                if (object.properties().isEmpty() && definition.description().isEmpty()) {
                    out.line("pass");
                }
                out.closeBlock("");
                return null;
            }

            @Override
            public Void visitEnum(TypeDefinition.EnumType enumType) {
                out.blank();
                out.openBlock("class " + name + "(str, _enum.Enum):");
                docstring(out, definition.description());
                if (!definition.description().isEmpty()) {
                    out.blank();
                }
                NameScope used = new NameScope();
                for (String value : enumType.values()) {
                    out.line(used.claim(types.enumMember(value)) + " = " + PythonTypeMapper.stringLiteral(value));
                }
                out.closeBlock("");
                return null;
            }

            @Override
            public Void visitUnion(TypeDefinition.UnionType union) {
                List<String> variants = union.variants().values().stream()
                        .map(types::typeName)
                        .distinct()
                        .toList();
                out.blank();
                if (variants.size() == 1) {
                    out.line(name + ": _t.TypeAlias = " + variants.get(0));
                } else {
                    // Pydantic names the discriminator by the variants' attribute, which reads the JSON name.
                    String discriminator = union.variants().values().stream()
                            .map(variant -> contract.definitions().get(variant))
                            .filter(TypeDefinition.ObjectType.class::isInstance)
                            .map(variant -> fieldNames((TypeDefinition.ObjectType) variant)
                                    .get(union.discriminator()))
                            .filter(java.util.Objects::nonNull)
                            .findFirst()
                            .orElse(union.discriminator());
                    out.line(name + ": _t.TypeAlias = _t.Annotated[" + String.join(" | ", variants)
                            + ", _pd.Field(discriminator=" + PythonTypeMapper.stringLiteral(discriminator) + ")]");
                }
                docstring(out, definition.description());
                return null;
            }
        });
    }

    private void writeField(CodeWriter out, TypeDefinition.Property property, String field) {
        TypeRef type = property.type();
        String annotation = this.types.type(type);
        List<String> fieldArguments = new ArrayList<>();
        String defaultValue = null;
        if (type instanceof TypeRef.Literal literal) {
            defaultValue = PythonTypeMapper.stringLiteral(literal.value());
        } else if (!property.required()) {
            if (!(type instanceof TypeRef.Nullable)) {
                annotation = annotation + " | None";
            }
            defaultValue = "None";
        }
        if (!field.equals(property.name())) {
            // Not alias=: type checkers would take it for the constructor's keyword (PEP 681), while
            // the models are built with the attribute's name (validate_by_name) and read and write the
            // JSON name (validate_by_alias, serialize_by_alias).
            if (defaultValue != null) {
                fieldArguments.add("default=" + defaultValue);
            }
            String alias = PythonTypeMapper.stringLiteral(property.name());
            fieldArguments.add("validation_alias=" + alias);
            fieldArguments.add("serialization_alias=" + alias);
            defaultValue = "_pd.Field(" + String.join(", ", fieldArguments) + ")";
        }
        out.line(field + ": " + annotation + (defaultValue == null ? "" : " = " + defaultValue));
        docstring(out, property.description());
    }

    private String client(Contract contract) {
        CodeWriter out = new CodeWriter("    ");
        out.line(HEADER);
        out.line("\"\"\"``RpcClient``: the application's RPC methods and channels over a ``centrifuge.Client``.\"\"\"");
        out.blank();
        out.line("from __future__ import annotations");
        out.blank();
        out.line(IMPORTS);
        out.blank();
        out.line("import centrifuge");
        out.line("import pydantic as _pd");
        out.blank();
        out.line("from . import models as _m");
        out.line("from .errors import ReplyDecodeError, error_from");
        out.line("from .subscription import TypedSubscription");
        out.blank();
        out.line("__all__ = [\"RpcClient\"]");
        out.blank();
        out.line("_T = _t.TypeVar(\"_T\")");
        out.blank();
        Map<String, String> adapters = new LinkedHashMap<>();
        for (Contract.RpcMethod method : contract.methods()) {
            method.params().ifPresent(type -> adapter(adapters, type));
            method.result().ifPresent(type -> adapter(adapters, type));
        }
        List<ClientChannel> channels = ClientChannel.of(contract);
        for (ClientChannel channel : channels) {
            adapter(adapters, channel.data().orElse(new TypeRef.Any()));
        }
        adapters.forEach((annotation, variable) ->
                out.line(variable + ": _pd.TypeAdapter[" + annotation + "] = _pd.TypeAdapter(" + annotation + ")"));
        out.blank();
        out.blank();
        out.openBlock("class RpcClient:");
        out.line("\"\"\"The application's RPC methods and channels over a ``centrifuge.Client``.");
        out.blank();
        out.line("Each method sends the call, waits for the reply and returns it validated into the");
        out.line("contract's type, or raises an ``RpcError`` (a subclass per well-known code).");
        out.line("``timeout`` is in seconds; without it the client's default applies.");
        out.blank();
        out.line("Example::");
        out.blank();
        out.line("    url = \"ws://localhost:8000/connection/websocket\"");
        out.line("    client = centrifuge.Client(url, token=token)");
        out.line("    await client.connect()");
        out.line("    rpc = RpcClient(client)");
        out.line("\"\"\"");
        out.blank();
        out.openBlock("def __init__(self, client: centrifuge.Client, *, timeout: float | None = None) -> None:");
        out.line("self._client = client");
        out.line("self._timeout = timeout");
        out.closeBlock("");
        out.line("@property");
        out.openBlock("def client(self) -> centrifuge.Client:");
        out.line("\"\"\"The SDK's client the calls go through.\"\"\"");
        out.line("return self._client");
        out.closeBlock("");
        NameScope used = new NameScope("client");
        for (Contract.RpcMethod method : contract.methods()) {
            writeMethod(out, method, adapters, used);
        }
        for (ClientChannel channel : channels) {
            writeChannel(out, channel, adapters, used);
        }
        out.openBlock("async def _call(self, method: str, data: object, timeout: float | None) -> _t.Any:");
        out.openBlock("try:");
        out.line("reply = await self._client.rpc(method, data, timeout=timeout or self._timeout)");
        out.closeBlock("except Exception as error:");
        out.line("    raise error_from(error) from error");
        out.line("return reply.data");
        out.closeBlock("");
        out.line("@staticmethod");
        out.openBlock("def _decode(adapter: _pd.TypeAdapter[_T], data: object) -> _T:");
        out.openBlock("try:");
        out.line("return adapter.validate_python(data)");
        out.closeBlock("except _pd.ValidationError as error:");
        out.line("    raise ReplyDecodeError(0, f\"the reply does not match the contract: {error}\") from error");
        out.closeBlock("");
        out.closeBlock("");
        return finish(out);
    }

    private String qualified(TypeRef type) {
        return this.clientTypes.type(type);
    }

    private void adapter(Map<String, String> adapters, TypeRef type) {
        adapters.computeIfAbsent(qualified(type), annotation -> "_ADAPTER_" + adapters.size());
    }

    private void writeMethod(CodeWriter out, Contract.RpcMethod method, Map<String, String> adapters, NameScope used) {
        String name = used.claim(this.types.methodName(method.name()));
        String result = method.result().map(this::qualified).orElse("None");
        String literal = PythonTypeMapper.stringLiteral(method.name());
        String parameters =
                method.params().map(type -> ", params: " + qualified(type)).orElse("");
        out.openBlock(
                "async def " + name + "(self" + parameters + ", *, timeout: float | None = None) -> " + result + ":");
        docstring(
                out,
                method.description().isEmpty()
                        ? "Calls ``" + method.name() + "``."
                        : method.description() + " (``" + method.name() + "``)");
        String data = method.params()
                .map(type -> adapters.get(qualified(type)) + ".dump_python(params, mode=\"json\", by_alias=True)")
                .orElse("{}");
        if (method.result().isPresent()) {
            out.line("reply = await self._call(" + literal + ", " + data + ", timeout)");
            out.line("return self._decode(" + adapters.get(result) + ", reply)");
        } else {
            out.line("await self._call(" + literal + ", " + data + ", timeout)");
        }
        out.closeBlock("");
    }

    private void writeChannel(CodeWriter out, ClientChannel channel, Map<String, String> adapters, NameScope used) {
        String pattern = channel.pattern().text();
        String dataType = channel.data().map(this::qualified).orElse("_pd.JsonValue");
        String stem = this.types.snakeCase(channel.nameStem());
        // The variables must not take a name the functions use themselves.
        List<String> taken = new ArrayList<>(CHANNEL_FUNCTION_NAMES);
        taken.addAll(adapters.values());
        NameScope scope = new NameScope(taken.toArray(String[]::new));
        Map<String, String> variables = new LinkedHashMap<>();
        channel.variables()
                .forEach(variable ->
                        variables.put(variable.name(), scope.claim(this.types.identifier(variable.name()))));
        String parameters = channel.variables().stream()
                .map(variable -> ", " + variables.get(variable.name()) + ": " + qualified(variable.type()))
                .collect(Collectors.joining());
        String channelName = channelExpression(channel.pattern(), variables);

        String subscribe = used.claim("subscribe_" + stem);
        out.openBlock("def " + subscribe + "(self" + parameters + ") -> TypedSubscription[" + dataType + "]:");
        docstring(
                out,
                "A subscription to ``" + pattern + "``, not subscribed yet: enter it with"
                        + " ``async with`` or call ``subscribe()``.");
        out.line("return TypedSubscription(self._client, " + channelName + ", " + adapters.get(dataType) + ")");
        out.closeBlock("");
        if (channel.publishable()) {
            String publish = used.claim("publish_" + stem);
            out.openBlock("async def " + publish + "(self" + parameters + ", data: " + dataType
                    + ", *, timeout: float | None = None) -> None:");
            docstring(out, "Publishes to ``" + pattern + "`` through the application's publish handler.");
            out.openBlock("try:");
            out.line("await self._client.publish(" + channelName + ", " + adapters.get(dataType)
                    + ".dump_python(data, mode=\"json\", by_alias=True), timeout=timeout or self._timeout)");
            out.closeBlock("except Exception as error:");
            out.line("    raise error_from(error) from error");
            out.closeBlock("");
        }
    }

    /** An f-string that builds the channel name from the variables, by their parameter names. */
    private static String channelExpression(ChannelPattern pattern, Map<String, String> variables) {
        return pattern.segments().stream()
                .map(segment -> segment.map(
                        text -> {
                            String literal = PythonTypeMapper.stringLiteral(text);
                            return literal.substring(1, literal.length() - 1)
                                    .replace("{", "{{")
                                    .replace("}", "}}");
                        },
                        name -> "{" + variables.get(name) + "}"))
                .collect(Collectors.joining("", "f\"", "\""));
    }

    private static void docstring(CodeWriter out, String text) {
        if (!text.isEmpty()) {
            out.line(PythonTypeMapper.docstring(text));
        }
    }

    private static String trimTrailingBlankLines(String text) {
        String trimmed = text.stripTrailing();
        return trimmed + "\n";
    }
}
