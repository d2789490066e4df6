package dev.centrifugo4j.examples.terminal;

import dev.centrifugo4j.rpc.RpcException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The open sessions: who owns which, and when they end (idle, closed, or the application stopping).
 */
@Component
class TerminalSessions implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(TerminalSessions.class);

    private final Map<String, TerminalSession> sessions = new ConcurrentHashMap<>();

    private final TerminalProperties properties;

    private final TerminalChannel channel;

    private final TerminalSandbox sandbox;

    private final ScheduledExecutorService scheduler;

    private volatile boolean running;

    TerminalSessions(TerminalProperties properties, TerminalChannel channel, TerminalSandbox sandbox) {
        this.properties = properties;
        this.channel = channel;
        this.sandbox = sandbox;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "terminal-sessions");
            thread.setDaemon(true);
            return thread;
        });
    }

    static RpcException noSuchSession() {
        return new RpcException(404, "no such session");
    }

    static RpcException notYours() {
        return new RpcException(403, "permission denied");
    }

    /**
     * Starts a shell for a user.
     *
     * @throws RpcException 429 when the user has the most sessions allowed, 503 when the
     *     application is stopping, 500 when the shell cannot be started
     */
    TerminalSession open(String owner, int cols, int rows) {
        if (!this.running) {
            throw new RpcException(503, "the server is stopping", true);
        }
        synchronized (this) {
            long owned = this.sessions.values().stream()
                    .filter((session) -> session.isOwnedBy(owner))
                    .count();
            if (owned >= this.properties.maxSessionsPerUser()) {
                throw new RpcException(429, "you have " + owned + " terminals open already; close one first", false);
            }
            String id = UUID.randomUUID().toString();
            if (!this.sandbox.isolates()) {
                logger.warn(
                        "Terminal {} of {} runs UNSANDBOXED (terminal.insecure-unsandboxed-shells=true)", id, owner);
            }
            try {
                TerminalSession session = TerminalSession.start(
                        id,
                        owner,
                        cols,
                        rows,
                        this.sandbox.launch(this.properties.shellCommand(), owner),
                        this.properties,
                        this.channel,
                        this::forget);
                this.sessions.put(id, session);
                return session;
            } catch (IOException | RuntimeException ex) {
                logger.error("Could not start a shell {} for {}", this.properties.shellCommand(), owner, ex);
                throw new RpcException(500, "could not start a shell");
            }
        }
    }

    /**
     * The session with this id, if the user owns it.
     *
     * @throws RpcException 404 when there is no such session, 403 when it belongs to someone else
     */
    TerminalSession owned(String sessionId, String user) {
        TerminalSession session = this.sessions.get(sessionId);
        if (session == null) {
            throw noSuchSession();
        }
        if (!session.isOwnedBy(user)) {
            logger.warn("{} tried to use terminal {} of {}", user, sessionId, session.owner());
            throw notYours();
        }
        return session;
    }

    /** The session with this id, if any. */
    @Nullable
    TerminalSession find(String sessionId) {
        return this.sessions.get(sessionId);
    }

    /** Any session of a user. */
    @Nullable
    TerminalSession anyOf(String user) {
        return this.sessions.values().stream()
                .filter((session) -> session.isOwnedBy(user))
                .findFirst()
                .orElse(null);
    }

    /** Ends a session; it leaves the registry at once. */
    void close(TerminalSession session, String reason) {
        forget(session);
        session.terminate(reason, this::afterGracePeriod);
    }

    /** How many sessions are open. */
    int size() {
        return this.sessions.size();
    }

    private void forget(TerminalSession session) {
        this.sessions.remove(session.id(), session);
    }

    private void afterGracePeriod(Runnable kill) {
        try {
            this.scheduler.schedule(kill, TerminalSession.HANGUP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RuntimeException ex) {
            kill.run();
        }
    }

    void endIdleSessions() {
        long now = System.nanoTime();
        long idle = this.properties.idleTimeout().toNanos();
        for (TerminalSession session : this.sessions.values()) {
            if (session.isIdle(now, idle)) {
                close(session, "idle for " + this.properties.idleTimeout());
            }
        }
    }

    @Override
    public void start() {
        Duration timeout = this.properties.idleTimeout();
        long period = Math.max(100, Math.min(30_000, timeout.toMillis() / 4));
        this.scheduler.scheduleWithFixedDelay(this::endIdleSessions, period, period, TimeUnit.MILLISECONDS);
        this.running = true;
    }

    /**
     * Hangs up every shell, waits for them for the grace period, then kills what is left, so that no
     * shell outlives the application.
     */
    @Override
    public void stop() {
        this.running = false;
        List<ProcessHandle> families = new ArrayList<>();
        List<TerminalSession> open = new ArrayList<>(this.sessions.values());
        for (TerminalSession session : open) {
            families.addAll(session.family());
            close(session, "the application is stopping");
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TerminalSession.HANGUP_GRACE_MILLIS);
        for (ProcessHandle handle : families) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (Exception ex) {
                    // Still there: killed below.
                    if (ex instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        }
        TerminalSession.killAll(families);
        this.scheduler.shutdownNow();
        if (!open.isEmpty()) {
            logger.info("Ended {} terminal session(s) on shutdown", open.size());
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }
}
