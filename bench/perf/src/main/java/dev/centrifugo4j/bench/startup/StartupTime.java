package dev.centrifugo4j.bench.startup;

import dev.centrifugo4j.bench.Stats;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Start-up time of {@link StartupApplication} (a web app with 100 RPC handlers) with the starter
 * on the class path and without it (the same class path minus the starter's jar: the same beans,
 * Tomcat, Jackson and validation, no Centrifugo auto-configuration). Runs alternate; each is a fresh
 * JVM; the time is the JVM's uptime when the app is ready.
 *
 * <p>Arguments: the markdown fragment, runs of each (default 10).
 */
public final class StartupTime {

    private static final Pattern READY = Pattern.compile("READY uptime_ms=(\\d+) starter=(\\w+)");

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
        String classPath = System.getProperty("java.class.path");
        List<String> entries = Arrays.asList(classPath.split(File.pathSeparator));
        String withoutStarter = entries.stream()
                .filter((entry) -> !entry.contains("centrifugo-spring-boot-starter"))
                .collect(Collectors.joining(File.pathSeparator));
        if (withoutStarter.equals(classPath)) {
            throw new IllegalStateException("The starter is not on the class path: " + classPath);
        }
        // Warm the file system cache once each.
        start(classPath, true);
        start(withoutStarter, false);
        double[] with = new double[runs];
        double[] without = new double[runs];
        for (int run = 0; run < runs; run++) {
            if ((run & 1) == 0) {
                with[run] = start(classPath, true);
                without[run] = start(withoutStarter, false);
            } else {
                without[run] = start(withoutStarter, false);
                with[run] = start(classPath, true);
            }
            System.out.printf("run %d: with the starter %.0f ms, without %.0f ms%n", run, with[run], without[run]);
        }
        double w = Stats.median(with);
        double wo = Stats.median(without);
        Stats.write(
                out,
                Stats.format(
                        "| (e) app start-up with 100 handlers, JVM uptime at ApplicationReadyEvent (median of %d runs) | with the starter %.0f ms | without %.0f ms | %.3f× | ≤ 1.05× | %s |",
                        runs, w, wo, w / wo, (w / wo <= 1.05) ? "met" : "**not met**"));
    }

    private static double start(String classPath, boolean expectStarter) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        classPath,
                        StartupApplication.class.getName(),
                        "--server.port=0",
                        "--centrifugo.proxy.secret=startup-proxy-secret-0123456789abcdef",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("The app did not exit: " + output);
        }
        Matcher ready = READY.matcher(output);
        if (!ready.find()) {
            throw new IllegalStateException("The app did not start: " + output);
        }
        if (Boolean.parseBoolean(ready.group(2)) != expectStarter) {
            throw new IllegalStateException("Expected starter=" + expectStarter + ": " + output);
        }
        return Double.parseDouble(ready.group(1));
    }
}
