package dev.centrifugo4j.examples.terminal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a session's shell runs: in a <a href="https://github.com/containers/bubblewrap">bubblewrap</a>
 * sandbox of its own, or, only when {@code terminal.insecure-unsandboxed-shells} says so, as the
 * application's own user with everything that user may reach.
 *
 * <p>The sandbox gets new user, PID, network, IPC, UTS and cgroup namespaces: it sees its own
 * processes only (a fresh {@code /proc}, so not the application's {@code /proc/<pid>/environ}), a
 * network with nothing but its own loopback (so neither Centrifugo's server API nor anything else), a
 * {@code /dev} with a pseudo-terminal directory of its own (not the other sessions' terminals), and a
 * file system made of {@code /usr} and a few files of {@code /etc}, read-only, and an empty {@code /tmp},
 * {@code /var/tmp} and home directory in memory. Nothing of the application's directories, home or configuration is
 * there. It keeps no capability and cannot make user namespaces of its own. When the application runs
 * as root, the sandbox is entered as {@code terminal.sandbox.user-when-root} (by default
 * {@code nobody}) rather than as root.
 */
final class TerminalSandbox {

    private static final Logger logger = LoggerFactory.getLogger(TerminalSandbox.class);

    /** The parts of {@code /etc} a shell and the usual tools read; the rest (and its secrets) stays out. */
    private static final List<String> ETC = List.of(
            "/etc/alternatives",
            "/etc/bash.bashrc",
            "/etc/debian_version",
            "/etc/group",
            "/etc/inputrc",
            "/etc/ld.so.cache",
            "/etc/ld.so.conf",
            "/etc/ld.so.conf.d",
            "/etc/localtime",
            "/etc/nanorc",
            "/etc/nsswitch.conf",
            "/etc/os-release",
            "/etc/passwd",
            "/etc/profile",
            "/etc/profile.d",
            "/etc/terminfo",
            "/etc/timezone",
            "/etc/vim");

    /** The top-level directories that merged-/usr systems make links into {@code /usr}. */
    private static final List<String> USR_LINKS = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");

    private static final Pattern HOME_NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    /** The exit status of the start-up check when the shell is not in the sandbox. */
    private static final int NO_SHELL = 97;

    private static final String UNSANDBOXED_WARNING = """

            *************************************************************************************
            * terminal.insecure-unsandboxed-shells=true: the shells are NOT sandboxed. Every    *
            * user who logs in gets a shell as this application's OS user: it can read the      *
            * application's environment and files (its API key and proxy secret), call          *
            * Centrifugo's server API, and see and read the other users' sessions. Development  *
            * on a trusted machine only.                                                        *
            *************************************************************************************""";

    private static final String ACTION = """
            bubblewrap needs unprivileged user namespaces. On Debian they are on unless sysctl \
            kernel.unprivileged_userns_clone=0; on Ubuntu 23.10 and later, AppArmor restricts them \
            (kernel.apparmor_restrict_unprivileged_userns=1): allow them for bwrap with an AppArmor profile, or \
            set that sysctl to 0. In a container, the default seccomp and AppArmor profiles and the masked /proc \
            paths forbid them: see the security_opt of the terminal service in docker-compose.yml.""";

    private final @Nullable List<String> bubblewrap;

    private final Path unsandboxedDirectory;

    private final String userName;

    private TerminalSandbox(@Nullable List<String> bubblewrap, Path unsandboxedDirectory, String userName) {
        this.bubblewrap = (bubblewrap != null) ? List.copyOf(bubblewrap) : null;
        this.unsandboxedDirectory = unsandboxedDirectory;
        this.userName = userName;
    }

    /**
     * The sandbox the properties ask for, checked: it refuses to start when bubblewrap is missing or
     * cannot make its namespaces here, unless the properties turn the sandbox off.
     *
     * @throws StartupRefusedException when shells cannot be sandboxed
     */
    static TerminalSandbox of(TerminalProperties properties) {
        if (properties.insecureUnsandboxedShells()) {
            logger.warn(UNSANDBOXED_WARNING);
            return new TerminalSandbox(null, properties.shellDirectory(), System.getProperty("user.name"));
        }
        Path bwrap = properties.sandbox().bwrap();
        if (bwrap == null) {
            bwrap = onPath("bwrap");
        }
        if (bwrap == null || !Files.isExecutable(bwrap)) {
            throw refusal(
                    "Shells run in a bubblewrap sandbox, but "
                            + ((bwrap == null) ? "bwrap is not on the PATH" : bwrap + " is not an executable file")
                            + ".",
                    "Install bubblewrap (Debian and Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap),"
                            + " or set terminal.sandbox.bwrap to its path.");
        }
        List<String> prefix = new ArrayList<>();
        String userName = System.getProperty("user.name");
        if (currentUid() == 0) {
            // Root would stay root outside the sandbox's user namespace: enter it as an unprivileged user.
            String user = properties.sandbox().userWhenRoot();
            String uid = idOf(user, "-u");
            String gid = idOf(user, "-g");
            if (uid.equals("0") || gid.equals("0")) {
                throw refusal(
                        "The application runs as root and terminal.sandbox.user-when-root is '" + user
                                + "', which is root too.",
                        "Run the application as an unprivileged user (better), or set terminal.sandbox.user-when-root"
                                + " to an unprivileged user that owns nothing (by default nobody).");
            }
            prefix.addAll(List.of(
                    onPathOr("setpriv", "/usr/bin/setpriv"),
                    "--reuid=" + uid,
                    "--regid=" + gid,
                    "--clear-groups",
                    "--inh-caps=-all",
                    "--bounding-set=-all",
                    "--"));
            userName = user;
        }
        prefix.add(bwrap.toString());
        prefix.addAll(List.of(
                "--unshare-user",
                "--unshare-pid",
                "--unshare-net",
                "--unshare-ipc",
                "--unshare-uts",
                "--unshare-cgroup-try",
                "--die-with-parent",
                "--cap-drop",
                "ALL",
                "--hostname",
                "terminal"));
        if (help(bwrap).contains("--disable-userns")) {
            prefix.add("--disable-userns");
        }
        prefix.addAll(List.of("--ro-bind", "/usr", "/usr"));
        for (String name : USR_LINKS) {
            Path top = Path.of("/", name);
            if (Files.isSymbolicLink(top)) {
                prefix.addAll(List.of("--symlink", readLink(top), top.toString()));
            } else {
                prefix.addAll(List.of("--ro-bind-try", top.toString(), top.toString()));
            }
        }
        for (String path : ETC) {
            prefix.addAll(List.of("--ro-bind-try", path, path));
        }
        prefix.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--tmpfs", "/var/tmp"));
        TerminalSandbox sandbox = new TerminalSandbox(prefix, Path.of("/"), userName);
        sandbox.check(properties.shellCommand());
        logger.info("Shells run in a bubblewrap sandbox ({}), as {}", bwrap, userName);
        return sandbox;
    }

    /** Whether the shells are sandboxed. */
    boolean isolates() {
        return this.bubblewrap != null;
    }

    /**
     * How to start a shell for a user.
     *
     * @param shell the shell and its arguments
     * @param owner who logged in
     */
    Launch launch(List<String> shell, String owner) {
        Map<String, String> inherited = System.getenv();
        Map<String, String> environment = new HashMap<>();
        for (String name : List.of("LANG", "LC_ALL", "TZ")) {
            String value = inherited.get(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        environment.putIfAbsent("LANG", "C.UTF-8");
        environment.put("USER", this.userName);
        environment.put("LOGNAME", this.userName);
        environment.put("SHELL", shell.get(0));
        environment.put("TERM", "xterm-256color");
        environment.put("COLORTERM", "truecolor");
        environment.put("TERMINAL_USER", owner);
        if (this.bubblewrap == null) {
            environment.put("PATH", inherited.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
            environment.put("HOME", inherited.getOrDefault("HOME", System.getProperty("user.home")));
            return new Launch(shell, environment, this.unsandboxedDirectory);
        }
        String home = "/home/" + (HOME_NAME.matcher(owner).matches() ? owner : "terminal");
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("HOME", home);
        List<String> command = new ArrayList<>(this.bubblewrap);
        command.addAll(List.of("--tmpfs", home, "--chdir", home, "--remount-ro", "/", "--"));
        command.addAll(shell);
        return new Launch(command, environment, Path.of("/"));
    }

    /**
     * A command line, its environment (the whole of it) and its working directory.
     *
     * @param command the program and its arguments
     * @param environment the whole environment
     * @param directory the working directory
     */
    record Launch(List<String> command, Map<String, String> environment, Path directory) {

        Launch {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
        }
    }

    /** Runs {@code test -x <shell>} in the sandbox: the sandbox works here, and the shell is in it. */
    private void check(List<String> shell) {
        Launch launch =
                launch(List.of("/bin/sh", "-c", "test -x \"$0\" || exit " + NO_SHELL, shell.get(0)), "start-up-check");
        ProcessBuilder builder = new ProcessBuilder(launch.command())
                .directory(launch.directory().toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(launch.environment());
        String output;
        int status;
        try {
            Process process = builder.start();
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readNBytes(16 * 1024), StandardCharsets.UTF_8).strip();
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw refusal("The sandbox did not answer its start-up check within 20 seconds.", ACTION);
            }
            status = process.exitValue();
        } catch (IOException ex) {
            throw refusal("The sandbox could not be started: " + ex.getMessage(), ACTION);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw refusal("Interrupted while checking the sandbox.", ACTION);
        }
        if (status == NO_SHELL) {
            throw refusal(
                    "The shell " + shell.get(0) + " is not an executable file inside the sandbox, which sees /usr"
                            + " (and /bin, /lib through it) but not the rest of this machine.",
                    "Set terminal.command to a shell installed under /usr, such as /bin/bash or /bin/sh.");
        }
        if (status != 0) {
            throw refusal(
                    "The shells' bubblewrap sandbox does not work here (exit status " + status + "): " + output,
                    ACTION);
        }
    }

    private static StartupRefusedException refusal(String description, String action) {
        return new StartupRefusedException(
                description + " The terminal does not start without it: a shell outside the sandbox could read"
                        + " this application's secrets, reach Centrifugo's server API and watch the other sessions.",
                action + "\n\nOnly on a development machine that no one else uses, "
                        + "terminal.insecure-unsandboxed-shells=true (TERMINAL_INSECURE_UNSANDBOXED_SHELLS=true)"
                        + " runs the shells without any isolation, as this application's own user.");
    }

    private static @Nullable Path onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String directory : path.split(":")) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, program);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static String onPathOr(String program, String fallback) {
        Path found = onPath(program);
        return (found != null) ? found.toString() : fallback;
    }

    /** The real user id of this process (Linux, as bubblewrap). */
    private static long currentUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException ex) {
            throw refusal("Cannot tell which user this application runs as (" + ex + ").", ACTION);
        }
        throw refusal("Cannot tell which user this application runs as (no Uid in /proc/self/status).", ACTION);
    }

    private static String idOf(String user, String option) {
        String answer = run(List.of(onPathOr("id", "/usr/bin/id"), option, "--", user));
        if (answer == null || !answer.matches("[0-9]+")) {
            throw refusal(
                    "The application runs as root, and the user terminal.sandbox.user-when-root ('" + user
                            + "') that the shells would run as does not exist.",
                    "Run the application as an unprivileged user (better), or set terminal.sandbox.user-when-root to"
                            + " an existing unprivileged user.");
        }
        return answer;
    }

    private static String help(Path bwrap) {
        String help = run(List.of(bwrap.toString(), "--help"));
        return (help != null) ? help : "";
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException ex) {
            throw refusal("Cannot read the link " + link + ": " + ex.getMessage(), ACTION);
        }
    }

    /** The output of a short command, or null when it fails. */
    private static @Nullable String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            return (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) ? output : null;
        } catch (IOException ex) {
            return null;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
