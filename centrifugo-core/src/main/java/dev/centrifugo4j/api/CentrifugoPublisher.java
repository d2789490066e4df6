package dev.centrifugo4j.api;

import dev.centrifugo4j.json.CentrifugoJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client for Centrifugo's server HTTP API (v6): every method, synchronous and asynchronous,
 * with typed replies, typed errors, safe retries and optional auto-batching. Thread-safe; build
 * one and share it.
 *
 * <pre>{@code
 * CentrifugoPublisher publisher = CentrifugoPublisher.builder()
 *         .apiUrl("http://localhost:8000/api")
 *         .apiKey(apiKey)
 *         .build();
 *
 * publisher.publish("chat:room1", new Message("hi"));
 * publisher.publishAsync("chat:room1", new Message("hi again")).thenAccept(result -> ...);
 * HistoryResult<Message> history = publisher.history(HistoryRequest.of("chat:room1").withLimit(10), Message.class);
 * }</pre>
 *
 * <p>Each call is {@code POST <apiUrl>/<method>} with the {@code X-API-Key} header and a JSON body;
 * payloads are written with the given {@link JsonMapper} (the application's, in Spring Boot).
 * Redirects are not followed (the key would go along to wherever they point): a 3xx answer is a
 * {@link CentrifugoHttpException}. Failures are {@link CentrifugoException}s; asynchronous methods
 * complete their future with one.
 */
public final class CentrifugoPublisher implements AutoCloseable {

    private final LazyHttpClient http;

    private final String apiUrl;

    private final Map<String, HttpUrl> methodUrls = new ConcurrentHashMap<>();

    private final @Nullable String apiKey;

    private final Wire wire;

    private final RetryPolicy retryPolicy;

    private final boolean autoIdempotencyKeys;

    private final Duration requestTimeout;

    private final @Nullable AutoBatcher batcher;

    private final CentrifugoApiObserver observer;

    private final Duration closeTimeout;

    /** Asynchronous calls on their way or waiting: at most max-concurrent-requests + max-queued-requests. */
    private final Semaphore asyncCalls;

    private final int maxConcurrentRequests;

    private final int maxQueuedRequests;

    private CentrifugoPublisher(Builder builder, String apiUrl) {
        this.apiUrl = apiUrl;
        this.apiKey = builder.apiKey;
        this.wire = new Wire(CentrifugoJson.mapper(
                builder.jsonMapper != null
                        ? builder.jsonMapper
                        : JsonMapper.builder().findAndAddModules().build()));
        this.retryPolicy = builder.retryPolicy;
        this.autoIdempotencyKeys = builder.autoIdempotencyKeys;
        this.requestTimeout = builder.requestTimeout;
        this.observer = builder.observer;
        this.closeTimeout = builder.closeTimeout;
        this.maxConcurrentRequests = builder.maxConcurrentRequests;
        this.maxQueuedRequests = builder.maxQueuedRequests;
        this.asyncCalls = new Semaphore(builder.maxConcurrentRequests + builder.maxQueuedRequests);
        this.http = new LazyHttpClient(builder);
        if (builder.okHttpClient != null || !builder.httpCustomizers.isEmpty()) {
            // The application configures the client: its code runs (and fails) at once, not on the first call.
            this.http.client();
        }
        this.batcher =
                builder.autoBatching != null ? new AutoBatcher(builder.autoBatching, this::autoBatchAsync) : null;
    }

    /** A builder; {@link Builder#apiUrl} is required. */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ publish

    /**
     * Publishes {@code data} into {@code channel}.
     *
     * @param channel the channel
     * @param data the payload, written with the JSON mapper
     * @return the publication's position (offset 0 and empty epoch without history)
     */
    public PublishResult publish(String channel, Object data) {
        return publish(PublishRequest.of(channel, data));
    }

    /** Publishes with every option of {@link PublishRequest}. */
    public PublishResult publish(PublishRequest request) {
        if (this.batcher != null) {
            return await(this.batcher.submitWaiting(withIdempotencyKey(request), this.requestTimeout));
        }
        return execute(request);
    }

    /** Publishes {@code data} into {@code channel} without blocking. */
    public CompletableFuture<PublishResult> publishAsync(String channel, Object data) {
        return publishAsync(PublishRequest.of(channel, data));
    }

    /** Publishes with every option of {@link PublishRequest}, without blocking. */
    public CompletableFuture<PublishResult> publishAsync(PublishRequest request) {
        if (this.batcher != null) {
            return this.batcher.submit(withIdempotencyKey(request));
        }
        return executeAsync(request);
    }

    /**
     * The typed channel a publication type declares with {@code @ChannelPublication}: publishes
     * nothing but that type, into channels built from the pattern's variables.
     *
     * @see TypedChannel#of(CentrifugoPublisher, Class)
     */
    public <T> TypedChannel<T> channel(Class<T> type) {
        return TypedChannel.of(this, type);
    }

    /** Publishes {@code data} into each of {@code channels}; see {@link BroadcastResult} for failures. */
    public BroadcastResult broadcast(List<String> channels, Object data) {
        return execute(BroadcastRequest.of(channels, data));
    }

    /** Broadcasts with every option of {@link BroadcastRequest}. */
    public BroadcastResult broadcast(BroadcastRequest request) {
        return execute(request);
    }

    /** Broadcasts without blocking. */
    public CompletableFuture<BroadcastResult> broadcastAsync(BroadcastRequest request) {
        return executeAsync(request);
    }

    // ------------------------------------------------------- connection control

    /** Subscribes a user's connections to a channel. */
    public void subscribe(SubscribeRequest request) {
        execute(request);
    }

    /** Subscribes a user's connections to a channel, without blocking. */
    public CompletableFuture<Void> subscribeAsync(SubscribeRequest request) {
        return executeAsync(request);
    }

    /** Unsubscribes every connection of {@code user} from {@code channel}. */
    public void unsubscribe(String user, String channel) {
        execute(UnsubscribeRequest.of(user, channel));
    }

    /** Unsubscribes a user from a channel. */
    public void unsubscribe(UnsubscribeRequest request) {
        execute(request);
    }

    /** Unsubscribes a user from a channel, without blocking. */
    public CompletableFuture<Void> unsubscribeAsync(UnsubscribeRequest request) {
        return executeAsync(request);
    }

    /** Disconnects every connection of {@code user}. */
    public void disconnect(String user) {
        execute(DisconnectRequest.of(user));
    }

    /** Disconnects a user's connections. */
    public void disconnect(DisconnectRequest request) {
        execute(request);
    }

    /** Disconnects a user's connections, without blocking. */
    public CompletableFuture<Void> disconnectAsync(DisconnectRequest request) {
        return executeAsync(request);
    }

    /** Refreshes (extends or expires) a user's connections. */
    public void refresh(RefreshRequest request) {
        execute(request);
    }

    /** Refreshes a user's connections, without blocking. */
    public CompletableFuture<Void> refreshAsync(RefreshRequest request) {
        return executeAsync(request);
    }

    // ------------------------------------------------------------------ reads

    /** The connections subscribed to {@code channel}, infos as JSON trees. */
    public PresenceResult<JsonNode> presence(String channel) {
        return execute(new PresenceRequest(channel));
    }

    /** The connections subscribed to {@code channel}, infos read as {@code infoType}. */
    public <I> PresenceResult<I> presence(String channel, Class<I> infoType) {
        return typedPresence(presence(channel), infoType);
    }

    /** The connections subscribed to {@code channel}, without blocking. */
    public <I> CompletableFuture<PresenceResult<I>> presenceAsync(String channel, Class<I> infoType) {
        return executeAsync(new PresenceRequest(channel)).thenApply(result -> typedPresence(result, infoType));
    }

    /** How many clients and users are subscribed to {@code channel}. */
    public PresenceStats presenceStats(String channel) {
        return execute(new PresenceStatsRequest(channel));
    }

    /** How many clients and users are subscribed to {@code channel}, without blocking. */
    public CompletableFuture<PresenceStats> presenceStatsAsync(String channel) {
        return executeAsync(new PresenceStatsRequest(channel));
    }

    /** Publications from a channel's history, payloads as JSON trees. */
    public HistoryResult<JsonNode> history(HistoryRequest request) {
        return execute(request);
    }

    /** Publications from a channel's history, payloads read as {@code dataType}. */
    public <T> HistoryResult<T> history(HistoryRequest request, Class<T> dataType) {
        return typedHistory(history(request), dataType);
    }

    /** Publications from a channel's history, without blocking. */
    public <T> CompletableFuture<HistoryResult<T>> historyAsync(HistoryRequest request, Class<T> dataType) {
        return executeAsync(request).thenApply(result -> typedHistory(result, dataType));
    }

    /** Removes a channel's history. */
    public void historyRemove(String channel) {
        execute(new HistoryRemoveRequest(channel));
    }

    /** Removes a channel's history, without blocking. */
    public CompletableFuture<Void> historyRemoveAsync(String channel) {
        return executeAsync(new HistoryRemoveRequest(channel));
    }

    /** All active channels. */
    public Map<String, ChannelInfo> channels() {
        return execute(new ChannelsRequest(null));
    }

    /** The active channels matching a glob such as {@code chat:*}. */
    public Map<String, ChannelInfo> channels(String pattern) {
        return execute(new ChannelsRequest(Checks.requireText(pattern, "pattern")));
    }

    /** The active channels, without blocking. */
    public CompletableFuture<Map<String, ChannelInfo>> channelsAsync(@Nullable String pattern) {
        return executeAsync(new ChannelsRequest(pattern));
    }

    /** The running Centrifugo nodes. */
    public List<NodeInfo> info() {
        return execute(new InfoRequest());
    }

    /** The running Centrifugo nodes, without blocking. */
    public CompletableFuture<List<NodeInfo>> infoAsync() {
        return executeAsync(new InfoRequest());
    }

    // ------------------------------------------------------------------ batch

    /** Sends several commands in one request; see {@link BatchResult} for per-command outcomes. */
    public BatchResult batch(BatchRequest request) {
        BatchRequest prepared = withIdempotencyKeys(request);
        JsonNode answer = send(
                new ApiCall("batch", prepared.commands().size(), false),
                body(this.wire.encodeBatch(prepared)),
                isSafeToRetry(prepared));
        return this.wire.decodeBatch(prepared, answer);
    }

    /** Sends several commands in one request, without blocking. */
    public CompletableFuture<BatchResult> batchAsync(BatchRequest request) {
        return batchAsync(request, false);
    }

    private CompletableFuture<BatchResult> autoBatchAsync(BatchRequest request) {
        return batchAsync(request, true);
    }

    private CompletableFuture<BatchResult> batchAsync(BatchRequest request, boolean autoBatch) {
        BatchRequest prepared = withIdempotencyKeys(request);
        return sendAsync(
                        new ApiCall("batch", prepared.commands().size(), autoBatch),
                        body(this.wire.encodeBatch(prepared)),
                        isSafeToRetry(prepared))
                .thenApply(answer -> this.wire.decodeBatch(prepared, answer));
    }

    /** Publications waiting in the auto-batching queue ({@code 0} without auto-batching). */
    public int queuedPublications() {
        return (this.batcher != null) ? this.batcher.queued() : 0;
    }

    /** The auto-batching settings, {@code null} when publications are not auto-batched. */
    public @Nullable AutoBatching autoBatching() {
        return (this.batcher != null) ? this.batcher.settings() : null;
    }

    /**
     * Asynchronous calls made and not completed yet: on their way to Centrifugo, or waiting in the HTTP
     * client's queue or for a retry (auto-batched publications are not among them: they wait in {@link
     * #queuedPublications()}). One more call than {@link #maxConcurrentRequests()} + {@link
     * #maxQueuedRequests()} fails at once with a {@link CentrifugoBackPressureException}.
     */
    public int asyncRequestsInFlight() {
        return this.maxConcurrentRequests + this.maxQueuedRequests - this.asyncCalls.availablePermits();
    }

    /** How many asynchronous calls are sent at once ({@link Builder#maxConcurrentRequests}). */
    public int maxConcurrentRequests() {
        return this.maxConcurrentRequests;
    }

    /** How many more asynchronous calls may wait for one of those ({@link Builder#maxQueuedRequests}). */
    public int maxQueuedRequests() {
        return this.maxQueuedRequests;
    }

    // ---------------------------------------------------------------- generic

    /**
     * Runs any command and returns its typed result ({@code null} for commands that return
     * nothing). Publications go straight out, never through auto-batching.
     */
    public <R> R execute(ApiCommand<R> command) {
        ApiCommand<R> prepared = withIdempotencyKey(command);
        JsonNode result = send(
                new ApiCall(prepared.method(), 0, false), body(this.wire.encode(prepared)), isSafeToRetry(prepared));
        return this.wire.decode(prepared, result);
    }

    /** Runs any command without blocking. */
    public <R> CompletableFuture<R> executeAsync(ApiCommand<R> command) {
        ApiCommand<R> prepared = withIdempotencyKey(command);
        byte[] body;
        try {
            body = body(this.wire.encode(prepared));
        } catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
        return sendAsync(new ApiCall(prepared.method(), 0, false), body, isSafeToRetry(prepared))
                .thenApply(result -> this.wire.decode(prepared, result));
    }

    /**
     * Stops auto-batching after sending what is queued and waiting for the batches on the way (up to
     * the {@linkplain Builder#closeTimeout close timeout}), then releases the HTTP client it made. */
    @Override
    public void close() {
        if (this.batcher != null) {
            this.batcher.close(this.closeTimeout);
        }
        this.http.close();
    }

    @Override
    public String toString() {
        return "CentrifugoPublisher[" + this.apiUrl + "]";
    }

    // ------------------------------------------------------------ transport

    private JsonNode send(ApiCall call, byte[] body, boolean safeToRetry) {
        CentrifugoApiObserver.Stop observation = this.observer.start(call);
        try {
            return attempts(call, body, safeToRetry);
        } catch (RuntimeException | Error ex) {
            call.failed(ex);
            throw ex;
        } finally {
            observation.stop();
        }
    }

    private JsonNode attempts(ApiCall call, byte[] body, boolean safeToRetry) {
        String method = call.method();
        for (int attempt = 1; ; attempt++) {
            CentrifugoException failure;
            call.attempt();
            try (Response response =
                    this.http.newCall(request(call, body, safeToRetry)).execute()) {
                return answer(method, response);
            } catch (IOException ex) {
                failure = new CentrifugoTransportException(method, url(method).toString(), ex);
            } catch (CentrifugoException ex) {
                failure = ex;
            }
            if (!shouldRetry(failure, safeToRetry, attempt)) {
                throw failure;
            }
            try {
                Thread.sleep(this.retryPolicy.backoff(attempt).toMillis());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    /**
     * Sends without blocking. A call is refused at once when max-concurrent-requests calls are on
     * their way and max-queued-requests more wait (in OkHttp's queue or for a retry): without that
     * bound a Centrifugo that answers slower than the application publishes fills the heap. The
     * auto-batcher's calls are bounded by its own queue and max-in-flight-batches instead.
     */
    private CompletableFuture<JsonNode> sendAsync(ApiCall call, byte[] body, boolean safeToRetry) {
        boolean bounded = !call.autoBatch();
        if (bounded && !this.asyncCalls.tryAcquire()) {
            return CompletableFuture.failedFuture(new CentrifugoBackPressureException("Refused '" + call.method()
                    + "': " + (this.maxConcurrentRequests + this.maxQueuedRequests)
                    + " asynchronous calls are already on their way or waiting (maxConcurrentRequests "
                    + this.maxConcurrentRequests + " + maxQueuedRequests " + this.maxQueuedRequests
                    + "): Centrifugo answers slower than calls are made"));
        }
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        CentrifugoApiObserver.Stop observation;
        try {
            observation = this.observer.start(call);
        } catch (RuntimeException | Error ex) {
            if (bounded) {
                this.asyncCalls.release();
            }
            throw ex;
        }
        attemptAsync(call, body, safeToRetry, 1, future);
        return future.whenComplete((answer, ex) -> {
            if (bounded) {
                this.asyncCalls.release();
            }
            if (ex != null) {
                call.failed(ex);
            }
            observation.stop();
        });
    }

    private void attemptAsync(
            ApiCall call, byte[] body, boolean safeToRetry, int attempt, CompletableFuture<JsonNode> future) {
        String method = call.method();
        Call httpCall;
        try {
            call.attempt();
            httpCall = this.http.newCall(request(call, body, safeToRetry));
        } catch (RuntimeException ex) {
            future.completeExceptionally(ex);
            return;
        }
        httpCall.enqueue(new Callback() {
            @Override
            public void onFailure(Call httpCall, IOException ex) {
                failed(new CentrifugoTransportException(method, url(method).toString(), ex));
            }

            @Override
            public void onResponse(Call httpCall, Response response) {
                try (response) {
                    future.complete(answer(method, response));
                } catch (IOException ex) {
                    failed(new CentrifugoTransportException(method, url(method).toString(), ex));
                } catch (CentrifugoException ex) {
                    failed(ex);
                } catch (RuntimeException ex) {
                    future.completeExceptionally(ex);
                }
            }

            private void failed(CentrifugoException failure) {
                if (!shouldRetry(failure, safeToRetry, attempt)) {
                    future.completeExceptionally(failure);
                    return;
                }
                long delay =
                        CentrifugoPublisher.this.retryPolicy.backoff(attempt).toNanos();
                CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS)
                        .execute(() -> attemptAsync(call, body, safeToRetry, attempt + 1, future));
            }
        });
    }

    private boolean shouldRetry(CentrifugoException failure, boolean safeToRetry, int attempt) {
        return safeToRetry && failure.isRetryable() && attempt < this.retryPolicy.maxAttempts();
    }

    /**
     * The HTTP request of one attempt. The body of a call that is not safe to repeat is one-shot:
     * OkHttp then never sends it again by itself once it started sending it (it otherwise repeats a
     * request whose pooled connection broke, which could publish twice); it still retries
     * connecting.
     */
    private Request request(ApiCall call, byte[] body, boolean safeToRetry) {
        RequestBody requestBody = safeToRetry ? RequestBody.create(body, JsonMediaType.VALUE) : new OneShotBody(body);
        Request.Builder request = new Request.Builder().url(url(call.method())).post(requestBody);
        if (this.apiKey != null) {
            request.header("X-API-Key", this.apiKey);
        }
        call.headers().forEach(request::header);
        return request.build();
    }

    private HttpUrl url(String method) {
        return this.methodUrls.computeIfAbsent(
                method,
                name -> HttpUrl.get(this.apiUrl)
                        .newBuilder()
                        .addPathSegment(name)
                        .build());
    }

    /** The {@code result} of a successful answer; anything else is thrown as a {@link CentrifugoException}. */
    private JsonNode answer(String method, Response response) throws IOException {
        byte[] bytes = response.body().bytes();
        if (response.code() == 401) {
            throw new CentrifugoUnauthorizedException(method);
        }
        if (response.code() != 200) {
            throw new CentrifugoHttpException(method, response.code(), Wire.preview(bytes));
        }
        JsonNode answer = this.wire.read(method, bytes);
        // A batch answers {"replies":[...]} without a "result" wrapper.
        if ("batch".equals(method) && answer.has("replies")) {
            return answer;
        }
        return this.wire.result(method, answer);
    }

    private byte[] body(JsonNode json) {
        try {
            return this.wire.write(json);
        } catch (JacksonException ex) {
            throw new IllegalArgumentException("Could not write the request as JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    // ------------------------------------------------------------- helpers

    private static boolean isSafeToRetry(ApiCommand<?> command) {
        if (command instanceof PublishRequest publish) {
            return publish.idempotencyKey() != null;
        }
        if (command instanceof BroadcastRequest broadcast) {
            return broadcast.idempotencyKey() != null;
        }
        return command instanceof PresenceRequest
                || command instanceof PresenceStatsRequest
                || command instanceof HistoryRequest
                || command instanceof ChannelsRequest
                || command instanceof InfoRequest;
    }

    private static boolean isSafeToRetry(BatchRequest batch) {
        return batch.commands().stream().allMatch(CentrifugoPublisher::isSafeToRetry);
    }

    @SuppressWarnings("unchecked")
    private <R> ApiCommand<R> withIdempotencyKey(ApiCommand<R> command) {
        if (!this.autoIdempotencyKeys || !this.retryPolicy.retries()) {
            return command;
        }
        if (command instanceof PublishRequest publish && publish.idempotencyKey() == null) {
            return (ApiCommand<R>) publish.withIdempotencyKey(UUID.randomUUID().toString());
        }
        if (command instanceof BroadcastRequest broadcast && broadcast.idempotencyKey() == null) {
            return (ApiCommand<R>)
                    broadcast.withIdempotencyKey(UUID.randomUUID().toString());
        }
        return command;
    }

    private PublishRequest withIdempotencyKey(PublishRequest request) {
        return (PublishRequest) withIdempotencyKey((ApiCommand<PublishResult>) request);
    }

    private BatchRequest withIdempotencyKeys(BatchRequest batch) {
        if (!this.autoIdempotencyKeys || !this.retryPolicy.retries()) {
            return batch;
        }
        List<ApiCommand<?>> commands = batch.commands().stream()
                .<ApiCommand<?>>map(this::withIdempotencyKey)
                .toList();
        return new BatchRequest(commands, batch.parallel());
    }

    private <I> PresenceResult<I> typedPresence(PresenceResult<JsonNode> result, Class<I> infoType) {
        return result.map(node -> this.wire.convert(node, infoType, "presence"));
    }

    private <T> HistoryResult<T> typedHistory(HistoryResult<JsonNode> result, Class<T> dataType) {
        return result.map(node -> this.wire.convert(node, dataType, "history"));
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException ex) {
            throw rethrow(ex.getCause());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Centrifugo", ex);
        }
    }

    private static RuntimeException rethrow(@Nullable Throwable cause) {
        if (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    /** Made by the first call (OkHttp's media types load Kotlin's regular expressions). */
    private static final class JsonMediaType {

        static final MediaType VALUE = MediaType.get("application/json");
    }

    /**
     * The OkHttp client, built on the first call: building one loads TLS, the Kotlin standard
     * library and Okio (several hundred classes, a quarter of a second on a small machine), which an
     * application that starts but does not call Centrifugo yet should not pay for at start-up.
     * After the first call, one volatile read per call.
     */
    private static final class LazyHttpClient {

        private final @Nullable OkHttpClient shared;

        private final List<Consumer<OkHttpClient.Builder>> customizers;

        private final Duration connectTimeout;

        private final Duration requestTimeout;

        private final int maxConcurrentRequests;

        private final int maxIdleConnections;

        private volatile @Nullable OkHttpClient client;

        private boolean closed; // guarded by this

        LazyHttpClient(Builder builder) {
            // A copy of the settings: the builder may be changed or reused after build().
            this.shared = builder.okHttpClient;
            this.customizers = List.copyOf(builder.httpCustomizers);
            this.connectTimeout = builder.connectTimeout;
            this.requestTimeout = builder.requestTimeout;
            this.maxConcurrentRequests = builder.maxConcurrentRequests;
            this.maxIdleConnections = builder.maxIdleConnections;
        }

        Call newCall(Request request) {
            return client().newCall(request);
        }

        OkHttpClient client() {
            OkHttpClient client = this.client;
            if (client == null) {
                synchronized (this) {
                    client = this.client;
                    if (client == null) {
                        client = build();
                        if (this.closed) {
                            release(client);
                        }
                        this.client = client;
                    }
                }
            }
            return client;
        }

        private OkHttpClient build() {
            OkHttpClient.Builder http;
            if (this.shared != null) {
                // Shares the given client's connection pool and dispatcher.
                http = this.shared.newBuilder();
            } else {
                Dispatcher dispatcher = new Dispatcher();
                dispatcher.setMaxRequests(this.maxConcurrentRequests);
                dispatcher.setMaxRequestsPerHost(this.maxConcurrentRequests);
                http = new OkHttpClient.Builder()
                        .dispatcher(dispatcher)
                        .connectionPool(new ConnectionPool(this.maxIdleConnections, 5, TimeUnit.MINUTES))
                        .socketFactory(new NoDelaySocketFactory());
            }
            http.connectTimeout(this.connectTimeout)
                    .readTimeout(this.requestTimeout)
                    .writeTimeout(this.requestTimeout)
                    .callTimeout(this.requestTimeout)
                    // OkHttp would repeat the request, X-API-Key header included, to wherever a 3xx points.
                    .followRedirects(false)
                    .followSslRedirects(false);
            this.customizers.forEach(customizer -> customizer.accept(http));
            return http.build();
        }

        /** Releases the client the publisher made (none when it was never used or is shared). */
        synchronized void close() {
            this.closed = true;
            OkHttpClient client = this.client;
            if (client != null) {
                release(client);
            }
        }

        private void release(OkHttpClient client) {
            if (this.shared == null) {
                client.dispatcher().executorService().shutdown();
                client.connectionPool().evictAll();
            }
        }
    }

    /** A JSON body that OkHttp may write only once (see {@link #request}). */
    private static final class OneShotBody extends RequestBody {

        private final byte[] bytes;

        OneShotBody(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public MediaType contentType() {
            return JsonMediaType.VALUE;
        }

        @Override
        public long contentLength() {
            return this.bytes.length;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(this.bytes);
        }
    }

    /** Builds a {@link CentrifugoPublisher}; setters validate their argument at once. */
    public static final class Builder {

        private @Nullable String apiUrl;

        private @Nullable String apiKey;

        private @Nullable JsonMapper jsonMapper;

        private @Nullable OkHttpClient okHttpClient;

        private final List<Consumer<OkHttpClient.Builder>> httpCustomizers = new ArrayList<>();

        private Duration connectTimeout = Duration.ofSeconds(5);

        private Duration requestTimeout = Duration.ofSeconds(10);

        private int maxConcurrentRequests = 64;

        private int maxQueuedRequests = 10_000;

        private int maxIdleConnections = 16;

        private RetryPolicy retryPolicy = RetryPolicy.defaults();

        private boolean autoIdempotencyKeys;

        private @Nullable AutoBatching autoBatching;

        private CentrifugoApiObserver observer = CentrifugoApiObserver.NOOP;

        private Duration closeTimeout = Duration.ofSeconds(10);

        private Builder() {}

        /**
         * The base URL of the server API, such as {@code http://localhost:8000/api} (Centrifugo's
         * {@code http_api.handler_prefix}); method names are appended.
         */
        public Builder apiUrl(String apiUrl) {
            Checks.requireText(apiUrl, "apiUrl");
            if (!Checks.isHttpUrl(apiUrl)) {
                throw new IllegalArgumentException("'apiUrl' must be an http or https URL, was '" + apiUrl + "'");
            }
            this.apiUrl = apiUrl;
            return this;
        }

        /** The API key (Centrifugo's {@code http_api.key}); {@code null} when {@code http_api.insecure}. */
        public Builder apiKey(@Nullable String apiKey) {
            if (apiKey != null && apiKey.isBlank()) {
                throw new IllegalArgumentException("'apiKey' must not be blank (use null for an insecure API)");
            }
            this.apiKey = apiKey;
            return this;
        }

        /**
         * The mapper that writes payloads and reads typed results (default: a plain {@link
         * JsonMapper}); the publisher adds {@link CentrifugoJson#module() centrifugo4j's wire
         * conventions} to a copy of it, like the proxies do.
         */
        public Builder jsonMapper(JsonMapper jsonMapper) {
            this.jsonMapper = Checks.requireNonNull(jsonMapper, "jsonMapper");
            return this;
        }

        /**
         * An OkHttp client to share (its connection pool and dispatcher); the publisher then leaves
         * it open on {@link #close()}. Timeouts set here still apply, and redirects are not followed
         * (the publisher's copy of the client is changed, not the shared one). Its socket factory is kept as
         * it is (changing it would stop sharing the connections): the publisher's own client turns
         * Nagle's algorithm off ({@code TCP_NODELAY}), without which a batch request waits for the
         * server's delayed ACK; give a shared client a socket factory that does the same.
         */
        public Builder okHttpClient(OkHttpClient okHttpClient) {
            this.okHttpClient = Checks.requireNonNull(okHttpClient, "okHttpClient");
            return this;
        }

        /**
         * Changes the OkHttp client (interceptors, TLS, proxy, ...) after the publisher's own settings,
         * which include following no redirects (a redirect would carry the API key to another host).
         */
        public Builder customizeOkHttp(Consumer<OkHttpClient.Builder> customizer) {
            this.httpCustomizers.add(Checks.requireNonNull(customizer, "customizer"));
            return this;
        }

        /** How long to wait for a TCP connection (default 5 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long one attempt may take, in all (default 10 s). */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * How long {@link CentrifugoPublisher#close()} waits for auto-batched publications (queued
         * and on their way) to be sent (default 10 s).
         */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = positive(closeTimeout, "closeTimeout");
            return this;
        }

        /**
         * Asynchronous calls on the way at once (default 64); up to {@link #maxQueuedRequests} more
         * wait for their turn.
         */
        public Builder maxConcurrentRequests(int maxConcurrentRequests) {
            if (maxConcurrentRequests < 1) {
                throw new IllegalArgumentException("'maxConcurrentRequests' must be at least 1");
            }
            this.maxConcurrentRequests = maxConcurrentRequests;
            return this;
        }

        /**
         * Asynchronous calls that may wait (for one of the {@link #maxConcurrentRequests} slots, or
         * for a retry) besides those on the way (default 10,000, as many publications as the
         * auto-batching queue holds). One more fails at once with a {@link
         * CentrifugoBackPressureException} instead of queueing without bound. Calls of the
         * auto-batcher are bounded by {@link AutoBatching} instead; synchronous calls wait on their
         * own thread and are not counted.
         */
        public Builder maxQueuedRequests(int maxQueuedRequests) {
            if (maxQueuedRequests < 0) {
                throw new IllegalArgumentException("'maxQueuedRequests' must not be negative");
            }
            this.maxQueuedRequests = maxQueuedRequests;
            return this;
        }

        /** Idle connections kept for reuse (default 16). */
        public Builder maxIdleConnections(int maxIdleConnections) {
            if (maxIdleConnections < 0) {
                throw new IllegalArgumentException("'maxIdleConnections' must not be negative");
            }
            this.maxIdleConnections = maxIdleConnections;
            return this;
        }

        /** How to retry ({@link RetryPolicy#defaults()} unless set; {@link RetryPolicy#none()} to disable). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Checks.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Whether to give every publication without an idempotency key a random one, so that it can
         * be retried without being delivered twice (default {@code false}).
         */
        public Builder autoIdempotencyKeys(boolean autoIdempotencyKeys) {
            this.autoIdempotencyKeys = autoIdempotencyKeys;
            return this;
        }

        /** Coalesces concurrent {@code publish} calls into batches; {@code null} (default) to disable. */
        public Builder autoBatching(@Nullable AutoBatching autoBatching) {
            this.autoBatching = autoBatching;
            return this;
        }

        /**
         * Observes every API call (metrics, traces); {@link CentrifugoApiObserver#NOOP} by default.
         * The Spring Boot starter sets one bound to Micrometer when an {@code ObservationRegistry}
         * is present.
         */
        public Builder observer(CentrifugoApiObserver observer) {
            this.observer = Checks.requireNonNull(observer, "observer");
            return this;
        }

        /**
         * The publisher.
         *
         * @throws IllegalStateException when no {@link #apiUrl} was set
         */
        public CentrifugoPublisher build() {
            if (this.apiUrl == null) {
                throw new IllegalStateException("'apiUrl' must be set, for example http://localhost:8000/api");
            }
            return new CentrifugoPublisher(this, this.apiUrl);
        }

        private static Duration positive(@Nullable Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("'" + name + "' must be positive, was " + value);
            }
            return value;
        }
    }
}
