package dev.centrifugo4j.bench.jmh;

import dev.centrifugo4j.bench.rpc.EchoHandlers;
import dev.centrifugo4j.bench.rpc.EchoHandlers_CentrifugoHandlers;
import dev.centrifugo4j.bench.rpc.HandWrittenRpc;
import dev.centrifugo4j.dispatch.DispatchSettings;
import dev.centrifugo4j.dispatch.ProxyInput;
import dev.centrifugo4j.dispatch.ProxyOutcome;
import dev.centrifugo4j.dispatch.ProxyType;
import dev.centrifugo4j.dispatch.RpcDispatcher;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * One RPC call in-process, request bytes to reply bytes: the starter's {@link RpcDispatcher} (a new
 * {@link ProxyInput} in, the {@link ProxyOutcome} out, as the proxy endpoint does it) against {@link
 * HandWrittenRpc} doing the same decode, validate, call and encode with plain Jackson data binding. {@code forwardedHeaders} is how many client headers Centrifugo forwards with the call
 * (the dispatcher gives them to the handler's context; the hand-written code ignores them).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class DispatchBenchmark {

    @Param({"0", "3"})
    public int forwardedHeaders;

    private RpcDispatcher dispatcher;

    private HandWrittenRpc handWritten;

    private byte[] body;

    private Map<String, List<String>> headers;

    @Setup
    public void setUp() {
        JsonMapper mapper = JsonMapper.builder().build();
        Validator validator = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
        EchoHandlers handlers = new EchoHandlers();
        RpcDispatcher.Builder builder = RpcDispatcher.builder(
                DispatchSettings.builder(mapper).validator(validator).build());
        for (RpcMethodDefinition definition : new EchoHandlers_CentrifugoHandlers().methods()) {
            builder.register(definition, handlers);
        }
        this.dispatcher = builder.build();
        this.handWritten = new HandWrittenRpc(mapper, validator, handlers);
        this.body = EchoHandlers.REQUEST.getBytes(StandardCharsets.UTF_8);
        this.headers = (this.forwardedHeaders == 0)
                ? Map.of()
                : Map.of(
                        "Authorization", List.of("Bearer eyJhbGciOiJIUzI1NiJ9.e30.x"),
                        "Cookie", List.of("SESSION=5f1e2d3c4b5a"),
                        "X-Request-Id", List.of("8d6c1f0e"));
        byte[] expected = EchoHandlers.REPLY.getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(starter(), expected) || !Arrays.equals(handWritten(), expected)) {
            throw new IllegalStateException("The two sides do not answer the same: "
                    + new String(starter(), StandardCharsets.UTF_8) + " / "
                    + new String(handWritten(), StandardCharsets.UTF_8));
        }
    }

    @Benchmark
    public byte[] starter() {
        ProxyOutcome outcome = this.dispatcher.dispatch(new ProxyInput(ProxyType.RPC, this.body, this.headers, null));
        return ((ProxyOutcome.Complete) outcome).reply();
    }

    @Benchmark
    public byte[] handWritten() {
        return this.handWritten.handle(this.body);
    }
}
