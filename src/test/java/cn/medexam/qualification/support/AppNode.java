package cn.medexam.qualification.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One application node: the packaged application ({@code java -jar target/qualification-review-….jar}) in a JVM of
 * its own on a random port, as production runs it, its console in {@code target/two-nodes/<name>.log}. A node is
 * killed the way a machine dies ({@link #kill()}: SIGKILL, no shutdown hook, no cleanup) or stopped as an operator
 * stops it ({@link #close()}).
 */
public final class AppNode implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port[s]?[ (:]*(\\d+)");
    private static final String STARTED = "Started QualificationReviewApplication";

    private final String name;
    private final Process process;
    private final Path log;
    private int port;

    private AppNode(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts the node; {@link #awaitStarted} waits until it serves. */
    public static AppNode start(Path jar, String name, Path logDirectory, List<String> arguments) {
        try {
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-Dfile.encoding=UTF-8",
                    // the test's time zone: engine and application timestamps are local times without zone
                    "-jar",
                    jar.toString(),
                    "--server.port=0",
                    "--qr.node-name=" + name));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new AppNode(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AppNode awaitStarted(Duration limit) {
        try {
            Awaitility.await("node " + name + " started")
                    .atMost(limit)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("node " + name + " stopped while starting (exit "
                                    + process.exitValue() + "):\n" + tail(console()));
                        }
                        String console = console();
                        Matcher port = PORT.matcher(console);
                        if (port.find() && console.contains(STARTED)) {
                            this.port = Integer.parseInt(port.group(1));
                            return true;
                        }
                        return false;
                    });
            return this;
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("node " + name + " did not start within " + limit + ":\n" + tail(console()));
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: the node dies holding whatever it holds. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String console() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Stops the node as an operator does (SIGTERM, graceful shutdown), killing it if it takes too long. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private static String tail(String console) {
        return console.length() <= 6000 ? console : console.substring(console.length() - 6000);
    }
}
