package dev.centrifugo4j.dispatch;

import dev.centrifugo4j.channel.ChannelVariableConverter;
import dev.centrifugo4j.proxy.ConcurrencyLimits;
import dev.centrifugo4j.proxy.ProxyExceptionTranslator;
import jakarta.validation.Validator;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/**
 * What every {@link ProxyDispatcher} of an application shares: the mapper of the payloads, the
 * validator, the concurrency limits, the exception translators and the converter of channel
 * variables. Built once and handed to {@link RpcDispatcher#builder(DispatchSettings)}, {@link
 * ChannelDispatcher#builder(DispatchSettings)} and {@link ConnectionDispatcher}; immutable.
 *
 * <pre>{@code
 * DispatchSettings settings = DispatchSettings.builder(mapper)
 *         .validator(validator)
 *         .concurrencyLimits(ConcurrencyLimits.each(50))
 *         .timeout(Duration.ofSeconds(4))
 *         .exceptionTranslator(translator)
 *         .build();
 * }</pre>
 */
public final class DispatchSettings {

    private final ObjectMapper mapper;

    private final @Nullable Validator validator;

    private final ConcurrencyLimits limits;

    private final ChannelVariableConverter converter;

    private final Duration timeout;

    private final @Nullable Bulkhead total;

    private final Outcomes outcomes;

    private final @Nullable Executor blockingHandlerExecutor;

    private DispatchSettings(Builder builder) {
        this.mapper = StrictPayloads.mapper(builder.mapper);
        this.validator = builder.validator;
        this.limits = builder.limits;
        this.converter = builder.converter;
        this.timeout = builder.timeout;
        this.total = Bulkhead.total(builder.limits);
        this.outcomes = new Outcomes(
                new ProxyCodec(this.mapper),
                new HandlerFailures(builder.translators),
                this.total,
                builder.timeout.toNanos(),
                builder.nanoTime,
                builder.blockingHandlerExecutor);
        this.blockingHandlerExecutor = builder.blockingHandlerExecutor;
    }

    /**
     * Starts the settings.
     *
     * @param mapper the application's mapper, used for the requests' data (strictly: see {@link
     *     #mapper()}) and the handlers' results
     * @return a builder
     */
    public static Builder builder(ObjectMapper mapper) {
        return new Builder(mapper);
    }

    /**
     * The mapper of the payloads: the application's, made to bind them as the contract describes them
     * (an unknown property, or a required one missing or {@code null}, is refused; see the handler
     * documentation).
     */
    public ObjectMapper mapper() {
        return this.mapper;
    }

    /** The validator of validated parameters, if there is one. */
    public @Nullable Validator validator() {
        return this.validator;
    }

    /** The concurrency limits of the handlers. */
    public ConcurrencyLimits concurrencyLimits() {
        return this.limits;
    }

    /** How pattern variables are converted to parameter types. */
    public ChannelVariableConverter variableConverter() {
        return this.converter;
    }

    /** How long a handler may take, {@link Duration#ZERO} for no limit. */
    public Duration timeout() {
        return this.timeout;
    }

    /**
     * The bulkhead of all handlers together, shared by every dispatcher built from these settings;
     * {@code null} when {@link ConcurrencyLimits#maxTotalCalls()} is {@code 0}.
     */
    public @Nullable Bulkhead totalBulkhead() {
        return this.total;
    }

    /** Where synchronous handlers run, {@code null} for the caller's thread. */
    public @Nullable Executor blockingHandlerExecutor() {
        return this.blockingHandlerExecutor;
    }

    /** The codec, the failure mapping and the outcome assembly, one for all dispatchers. */
    Outcomes outcomes() {
        return this.outcomes;
    }

    ProxyCodec codec() {
        return this.outcomes.codec();
    }

    /**
     * The binding of a handler's payload parameter.
     *
     * @param type the parameter's type
     * @param nullable whether a request without data binds to {@code null}
     * @param validated whether the value goes through the validator
     * @param handler the handler, for the message when there is no validator (for example {@code RPC
     *     method 'x' (Signature)})
     * @throws IllegalStateException when the value is validated but there is no validator
     */
    PayloadBinding payloadBinding(Type type, boolean nullable, boolean validated, String handler) {
        if (validated && this.validator == null) {
            throw new IllegalStateException(handler + " validates its parameters, but no Jakarta Validator is"
                    + " available. Add a Bean Validation provider such as"
                    + " org.hibernate.validator:hibernate-validator.");
        }
        return new PayloadBinding(this.mapper, type, nullable, validated ? this.validator : null);
    }

    /** The bulkhead of a handler, or {@code null} when it has no limit (see {@link Bulkhead#of}). */
    @Nullable
    Bulkhead bulkhead(ProxyType proxy, String handler, boolean async) {
        return Bulkhead.of(proxy.proxyName(), handler, async, this.limits);
    }

    /** Builds {@link DispatchSettings}. */
    public static final class Builder {

        private final ObjectMapper mapper;

        private @Nullable Validator validator;

        private ConcurrencyLimits limits = ConcurrencyLimits.NONE;

        private ChannelVariableConverter converter = ChannelVariableConverter.basic();

        private final List<ProxyExceptionTranslator> translators = new ArrayList<>();

        private Duration timeout = Duration.ZERO;

        private LongSupplier nanoTime = System::nanoTime;

        private @Nullable Executor blockingHandlerExecutor;

        private Builder(ObjectMapper mapper) {
            if (mapper == null) {
                throw new IllegalArgumentException("'mapper' must not be null");
            }
            this.mapper = mapper;
        }

        /**
         * Sets the validator of parameters that are {@code @Valid} or constrained. A dispatcher with
         * such a handler cannot be built without one.
         *
         * @param validator the validator
         * @return this builder
         */
        public Builder validator(@Nullable Validator validator) {
            this.validator = validator;
            return this;
        }

        /**
         * Limits how many calls of each handler run at once (asked with the proxy's name and the RPC
         * method, the channel pattern, or {@code connect} and {@code refresh}, when a dispatcher is
         * built), and how many calls of all handlers together ({@link
         * ConcurrencyLimits#maxTotalCalls()}, one bulkhead shared by every dispatcher built from these
         * settings). A call over either limit does not reach the handler: it gets error 429 "too many
         * concurrent calls" (temporary: the SDK retries with backoff; an RPC or a publication fails
         * with {@code temporary: true}); a refresh or sub_refresh keeps the connection or subscription
         * and is asked again in a minute. An asynchronous call counts until its stage completes; a
         * caller that times it out cancels the stage ({@link ProxyOutcome.Pending#cancel()}), which
         * completes a {@code CompletableFuture} at once.
         *
         * @param limits the limits (default {@link ConcurrencyLimits#NONE})
         * @return this builder
         */
        public Builder concurrencyLimits(ConcurrencyLimits limits) {
            if (limits == null) {
                throw new IllegalArgumentException("'limits' must not be null");
            }
            this.limits = limits;
            return this;
        }

        /**
         * Sets how long a handler may take: Centrifugo's proxy timeout, or a little less. A
         * synchronous handler that returns later is reported (a WARN naming the handler, at most one
         * every 10 seconds) and its result discarded: the call is answered with error 504 "handler
         * timed out" (temporary; a refresh or sub_refresh with a one-minute extension), since
         * Centrifugo has stopped waiting for it. Asynchronous handlers are timed by the caller, which
         * cancels them with {@link ProxyOutcome.Pending#cancel()}.
         *
         * @param timeout the time, {@link Duration#ZERO} (the default) for no limit
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative()) {
                throw new IllegalArgumentException("'timeout' must not be null or negative: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Runs synchronous (plain-return) handlers on an executor instead of the caller's thread,
         * for callers that must not block, such as a Netty event loop: the dispatcher then answers
         * every call to such a handler with a {@link ProxyOutcome.Pending} that completes when the
         * handler returns, and the caller times it as an asynchronous call. Asynchronous handlers
         * ({@code CompletionStage}) are invoked on the caller's thread and complete on their own.
         * The request is read and the handler admitted through its bulkheads before the task is
         * submitted; a task the executor refuses ({@link java.util.concurrent.RejectedExecutionException})
         * is answered with error 429 "too many concurrent calls" (temporary), like a call over a
         * concurrency limit.
         *
         * @param executor the executor, {@code null} (the default) for the caller's thread
         * @return this builder
         */
        public Builder blockingHandlerExecutor(@Nullable Executor executor) {
            this.blockingHandlerExecutor = executor;
            return this;
        }

        /**
         * Sets the clock that times synchronous handlers, for tests.
         *
         * @param nanoTime the clock, in nanoseconds as {@link System#nanoTime()}
         * @return this builder
         */
        Builder clock(LongSupplier nanoTime) {
            this.nanoTime = nanoTime;
            return this;
        }

        /**
         * Adds a translator for exceptions the library does not know (asked in the order added).
         *
         * @param translator the translator
         * @return this builder
         */
        public Builder exceptionTranslator(ProxyExceptionTranslator translator) {
            if (translator == null) {
                throw new IllegalArgumentException("'translator' must not be null");
            }
            this.translators.add(translator);
            return this;
        }

        /**
         * Sets how pattern variables are converted to the parameters' types.
         *
         * @param converter the converter (default {@link ChannelVariableConverter#basic()})
         * @return this builder
         */
        public Builder variableConverter(ChannelVariableConverter converter) {
            if (converter == null) {
                throw new IllegalArgumentException("'converter' must not be null");
            }
            this.converter = converter;
            return this;
        }

        /** Builds the settings. */
        public DispatchSettings build() {
            return new DispatchSettings(this);
        }
    }
}
