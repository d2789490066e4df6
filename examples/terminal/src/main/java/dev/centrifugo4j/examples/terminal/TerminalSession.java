package dev.centrifugo4j.examples.terminal;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import com.pty4j.unix.UnixPtyProcess;
import dev.centrifugo4j.rpc.RpcException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shell in a pseudo-terminal, owned by one user.
 *
 * <p>Three threads of its own, none of them a request thread: a <em>reader</em> that reads the
 * terminal's output (started by {@link #attach()}, so that what the shell prints before the page
 * listens waits in the terminal), a <em>publisher</em> that coalesces what the reader read for
 * {@code terminal.output-linger} (or up to {@code terminal.max-output-chunk}) into one publication,
 * and publishes the exit status at the end; and a <em>writer</em> that types the input, so that an
 * RPC call never waits for a shell that does not read. The reader waits while the publisher is
 * behind, and the shell while the reader waits: a flood of output slows the shell down instead of
 * filling the memory.
 */
final class TerminalSession {

    private static final Logger logger = LoggerFactory.getLogger(TerminalSession.class);

    /** How long a shell may take to end after the hang-up before it (and its children) are killed. */
    static final long HANGUP_GRACE_MILLIS = 2000;

    private static final byte[] END_OF_OUTPUT = new byte[0];

    private final String id;

    private final String owner;

    private final PtyProcess process;

    private final TerminalChannel channel;

    private final Consumer<TerminalSession> onEnd;

    private final long lingerNanos;

    private final int maxChunk;

    private final long maxPendingInput;

    private final BlockingQueue<byte[]> output = new ArrayBlockingQueue<>(64);

    private final ExecutorService writer;

    private final AtomicLong pendingInput = new AtomicLong();

    private final AtomicBoolean attached = new AtomicBoolean();

    private final AtomicBoolean terminated = new AtomicBoolean();

    private volatile long lastActivity = System.nanoTime();

    private TerminalSession(
            String id,
            String owner,
            PtyProcess process,
            TerminalChannel channel,
            TerminalProperties properties,
            Consumer<TerminalSession> onEnd) {
        this.id = id;
        this.owner = owner;
        this.process = process;
        this.channel = channel;
        this.onEnd = onEnd;
        this.lingerNanos = properties.outputLinger().toNanos();
        this.maxChunk = (int)
                Math.min(Integer.MAX_VALUE - 8, properties.maxOutputChunk().toBytes());
        this.maxPendingInput = properties.maxPendingInput().toBytes();
        this.writer = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "terminal-writer-" + id));
    }

    /**
     * Starts the shell in a new pseudo-terminal of the given size.
     *
     * @param launch the shell's command line (in its sandbox), environment and directory
     * @throws IOException when the shell cannot be started
     */
    static TerminalSession start(
            String id,
            String owner,
            int cols,
            int rows,
            TerminalSandbox.Launch launch,
            TerminalProperties properties,
            TerminalChannel channel,
            Consumer<TerminalSession> onEnd)
            throws IOException {
        PtyProcess process = new PtyProcessBuilder(launch.command().toArray(String[]::new))
                .setEnvironment(launch.environment())
                .setDirectory(launch.directory().toString())
                .setInitialColumns(cols)
                .setInitialRows(rows)
                .setConsole(false)
                .start();
        TerminalSession session = new TerminalSession(id, owner, process, channel, properties, onEnd);
        logger.info(
                "Terminal {} of {} started: {} (pid {}), {}x{}",
                id,
                owner,
                properties.shellCommand(),
                process.pid(),
                cols,
                rows);
        return session;
    }

    String id() {
        return this.id;
    }

    String owner() {
        return this.owner;
    }

    boolean isOwnedBy(String user) {
        return this.owner.equals(user);
    }

    /** Whether there was no input or resize for the given time. */
    boolean isIdle(long now, long idleNanos) {
        return now - this.lastActivity > idleNanos;
    }

    /**
     * Starts streaming the output (once; later calls do nothing). Until then it waits in the
     * terminal.
     */
    void attach() {
        if (this.attached.compareAndSet(false, true) && !this.terminated.get()) {
            logger.debug("Terminal {}: output attached", this.id);
            daemon(this::readOutput, "terminal-reader-" + this.id).start();
            daemon(this::publishOutput, "terminal-publisher-" + this.id).start();
        }
    }

    /** Types bytes into the terminal, asynchronously and in order. */
    void type(byte[] data) {
        this.lastActivity = System.nanoTime();
        if (this.pendingInput.addAndGet(data.length) > this.maxPendingInput) {
            this.pendingInput.addAndGet(-data.length);
            throw new RpcException(429, "the shell is not reading its input; try again later", true);
        }
        try {
            this.writer.execute(() -> {
                try {
                    OutputStream input = this.process.getOutputStream();
                    input.write(data);
                    input.flush();
                } catch (IOException ex) {
                    logger.debug("Terminal {}: input not written, the shell has ended", this.id, ex);
                } finally {
                    this.pendingInput.addAndGet(-data.length);
                }
            });
        } catch (RejectedExecutionException ex) {
            this.pendingInput.addAndGet(-data.length);
            throw TerminalSessions.noSuchSession();
        }
    }

    /** Changes the terminal's size (the shell gets SIGWINCH) and attaches the output. */
    void resize(int cols, int rows) {
        this.lastActivity = System.nanoTime();
        this.process.setWinSize(new WinSize(cols, rows));
        attach();
    }

    /**
     * Ends the shell as a closed terminal would: a hang-up (SIGHUP, which also ends its jobs), then,
     * after a grace period, SIGKILL to it and every process it started that is still there. The exit
     * is published when the reader sees the end of the output. Later calls do nothing.
     *
     * @param forcedKiller runs the forced kill after the grace period
     */
    void terminate(String reason, Consumer<Runnable> forcedKiller) {
        if (!this.terminated.compareAndSet(false, true)) {
            return;
        }
        logger.info("Terminal {} of {}: {}, hanging up", this.id, this.owner, reason);
        List<ProcessHandle> family = family();
        hangUp();
        this.writer.shutdown();
        forcedKiller.accept(() -> killAll(family));
        if (!this.attached.get()) {
            // No reader will see the end: nobody listens either.
            this.onEnd.accept(this);
        }
    }

    /** The shell and everything it started, as far as they are still there. */
    List<ProcessHandle> family() {
        List<ProcessHandle> family = new ArrayList<>();
        ProcessHandle.of(this.process.pid()).ifPresent((shell) -> {
            shell.descendants().forEach(family::add);
            family.add(shell);
        });
        return family;
    }

    static void killAll(List<ProcessHandle> family) {
        for (ProcessHandle handle : family) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
    }

    private void hangUp() {
        if (this.process instanceof UnixPtyProcess unix) {
            unix.hangup();
        } else {
            this.process.destroy();
        }
    }

    private void readOutput() {
        byte[] buffer = new byte[8192];
        try {
            InputStream terminal = this.process.getInputStream();
            int read;
            while ((read = terminal.read(buffer)) > 0) {
                this.output.put(Arrays.copyOf(buffer, read));
            }
        } catch (IOException ex) {
            // Linux answers EIO once the last process holding the terminal has gone: the normal end.
            logger.debug("Terminal {}: output ended ({})", this.id, ex.toString());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        try {
            this.output.put(END_OF_OUTPUT);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void publishOutput() {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(4096);
        boolean ended = false;
        try {
            while (!ended) {
                byte[] first = this.output.take();
                ended = first == END_OF_OUTPUT;
                chunk.write(first, 0, first.length);
                long deadline = System.nanoTime() + this.lingerNanos;
                while (!ended && chunk.size() < this.maxChunk) {
                    long left = deadline - System.nanoTime();
                    byte[] more = (left > 0) ? this.output.poll(left, TimeUnit.NANOSECONDS) : this.output.poll();
                    if (more == null) {
                        break;
                    }
                    ended = more == END_OF_OUTPUT;
                    chunk.write(more, 0, more.length);
                }
                if (chunk.size() > 0) {
                    publish(new TerminalEvent.Output(chunk.toByteArray()));
                    chunk.reset();
                }
            }
            publish(new TerminalEvent.Exit(exitStatus()));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } finally {
            this.terminated.set(true);
            this.writer.shutdownNow();
            this.onEnd.accept(this);
            logger.info("Terminal {} of {} ended", this.id, this.owner);
        }
    }

    private int exitStatus() throws InterruptedException {
        if (this.process.waitFor(HANGUP_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
            return this.process.exitValue();
        }
        // The terminal is gone but the shell is not: end it for good.
        killAll(family());
        this.process.waitFor(HANGUP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        return this.process.isAlive() ? -1 : this.process.exitValue();
    }

    private void publish(TerminalEvent event) {
        logger.trace("Terminal {}: publishing {}", this.id, event.getClass().getSimpleName());
        try {
            this.channel.publish(this.id, event);
        } catch (RuntimeException ex) {
            // The page misses this piece; the shell goes on. Logged without the data (it may be secret).
            logger.warn(
                    "Terminal {}: could not publish {}: {}",
                    this.id,
                    event.getClass().getSimpleName(),
                    ex.toString());
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public String toString() {
        return "TerminalSession{" + this.id + " of " + this.owner + "}";
    }
}
