package cn.medexam.qualification.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one table of the benchmark ({@code ./mvnw -Pbenchmark test}, issue 12): every benchmark class of the run adds
 * its rows (what was measured, this run's figure, the baseline measured beside it in the same run, the target), and
 * after each class the table so far is printed and written to {@code target/benchmark/report.md}. The last print of
 * a run is the whole table. Each row carries the machine's load average when it was measured: on shared cores a
 * figure says little without it.
 */
public final class BenchmarkReport implements AfterAllCallback {

    private static final Path FILE = Path.of("target", "benchmark", "report.md");
    private static final List<String> ROWS = new ArrayList<>();
    private static final Instant STARTED = Instant.now();

    /** Adds one row: {@code measure}, this run's {@code figure}, its same-run {@code baseline}, the {@code needed}. */
    public static synchronized void row(String measure, String figure, String baseline, String needed) {
        ROWS.add("| %s | %s | %s | %s | %s |".formatted(measure, figure, baseline, needed, loadAverage()));
    }

    /** The live heap after a full GC, in MB: the last row of a run. */
    public static long heapAfterFullGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        String table = table();
        System.out.printf("%n%s%n", table);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String table() {
        return """
                ==== Benchmark, %d cores, started %s, written %s (UTC) ====
                | measure | this run | baseline in the same run | needed | load average |
                | --- | --- | --- | --- | --- |
                %s
                """.formatted(
                        Runtime.getRuntime().availableProcessors(),
                        STARTED.truncatedTo(ChronoUnit.SECONDS),
                        Instant.now().truncatedTo(ChronoUnit.SECONDS),
                        String.join("\n", ROWS));
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "%.2f".formatted(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
