package org.labrange.benchmarks.load;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A long open-model run at one fixed rate, reported per interval (default one minute) so that drift over time —
 * latency creeping up, errors appearing late — is visible instead of being averaged away.
 *
 * <p>As in {@link FixedRateLoad}, request {@code i} is due at {@code start + i / rate} and its latency is measured
 * from that due time. Every answer is charged to the interval in which it was <em>due</em>, so a slow answer
 * that arrives in the next minute still counts against the minute that caused it. Nothing is discarded as
 * warm-up: run something before it if the services should be warm.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.labrange.benchmarks.load.SustainedLoad \
 *   --url http://localhost:28080/api/v1/interpretations/single --body single.json --token "$TOKEN" \
 *   --rate 700 --duration 300 [--interval 60] [--max-in-flight 2000] [--label sustained] [--hgrm-dir DIR]
 * </pre>
 *
 * Prints one {@code sustained-interval} line per interval and one {@code sustained-total} line, as
 * {@code key=value} pairs (latencies in milliseconds; {@code errors_by_status} lists HTTP statuses and client-side
 * failures such as {@code timeout} or {@code connect}).
 */
public final class SustainedLoad {

    private static final long MAX_TRACKED_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private SustainedLoad() {}

    /** What happened to the requests due in one interval. */
    private static final class Interval {
        final Recorder latency = new Recorder(MAX_TRACKED_NANOS, 3);
        final LongAdder sent = new LongAdder();
        final LongAdder ok = new LongAdder();
        final LongAdder notSent = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        volatile String loadAtStart = "NA";
        volatile String clockAtStart = "";
        Histogram histogram;

        void fail(String why) {
            errors.computeIfAbsent(why, k -> new LongAdder()).increment();
        }

        long errorCount() {
            return errors.values().stream().mapToLong(LongAdder::sum).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        CommandLine cl = CommandLine.parse(args);
        URI url = URI.create(cl.required("url"));
        byte[] body = Files.readAllBytes(Path.of(cl.required("body")));
        String token = cl.text("token", System.getenv().getOrDefault("TOKEN", ""));
        double rate = cl.decimal("rate", 500);
        int duration = cl.integer("duration", 300);
        int intervalSeconds = cl.integer("interval", 60);
        int maxInFlight = cl.integer("max-in-flight", 2000);
        String label = cl.text("label", "sustained");

        HttpClient client = LoadHttp.client("sustained-io");
        HttpRequest request = LoadHttp.jsonPost(url, body, token);

        int intervalCount = (duration + intervalSeconds - 1) / intervalSeconds;
        Interval[] intervals = new Interval[intervalCount];
        for (int k = 0; k < intervalCount; k++) {
            intervals[k] = new Interval();
        }
        Semaphore inFlight = new Semaphore(maxInFlight);
        long intervalNanos = (long) (1_000_000_000L / rate);
        long total = (long) (duration * rate);
        long perInterval = (long) (intervalSeconds * rate);
        long startEpochMs = System.currentTimeMillis();
        long start = System.nanoTime();
        System.err.printf(Locale.ROOT, "%s: %d requests at %.0f/s over %d s%n", label, total, rate, duration);

        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            Interval interval = intervals[(int) Math.min(i / perInterval, intervalCount - 1)];
            if (i % perInterval == 0) {
                interval.loadAtStart = LoadAverage.now();
                interval.clockAtStart = CLOCK.format(Instant.now());
                if (i > 0) {
                    System.err.printf(
                            Locale.ROOT,
                            "%s: interval %d starts (%s)%n",
                            label,
                            i / perInterval + 1,
                            interval.loadAtStart);
                }
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            interval.sent.increment();
            if (!inFlight.tryAcquire()) {
                interval.notSent.increment();
                interval.fail("not-sent");
                continue;
            }
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long latency = System.nanoTime() - due;
                inFlight.release();
                interval.latency.recordValue(Math.min(latency, MAX_TRACKED_NANOS));
                if (error != null) {
                    interval.fail(clientFailure(error));
                } else if (response.statusCode() / 100 == 2) {
                    interval.ok.increment();
                } else {
                    interval.fail(Integer.toString(response.statusCode()));
                }
            });
        }
        if (!inFlight.tryAcquire(maxInFlight, 30, TimeUnit.SECONDS)) {
            System.err.println("some requests were still open after 30 s");
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        Histogram all = new Histogram(MAX_TRACKED_NANOS, 3);
        Map<String, Long> allErrors = new TreeMap<>();
        long sent = 0;
        long ok = 0;
        long notSent = 0;
        for (int k = 0; k < intervalCount; k++) {
            Interval in = intervals[k];
            in.histogram = in.latency.getIntervalHistogram();
            all.add(in.histogram);
            sent += in.sent.sum();
            ok += in.ok.sum();
            notSent += in.notSent.sum();
            in.errors.forEach((why, n) -> allErrors.merge(why, n.sum(), Long::sum));
            System.out.println(String.format(
                    Locale.ROOT,
                    "sustained-interval label=%s interval=%d from_s=%d to_s=%d sent=%d ok=%d errors=%d "
                            + "errors_by_status=%s p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f "
                            + "load=%s at=%s",
                    label,
                    k + 1,
                    k * intervalSeconds,
                    Math.min((k + 1) * intervalSeconds, duration),
                    in.sent.sum(),
                    in.ok.sum(),
                    in.errorCount(),
                    describe(snapshot(in.errors)),
                    ms(in.histogram.getValueAtPercentile(50)),
                    ms(in.histogram.getValueAtPercentile(90)),
                    ms(in.histogram.getValueAtPercentile(99)),
                    ms(in.histogram.getValueAtPercentile(99.9)),
                    ms(in.histogram.getMaxValue()),
                    in.loadAtStart,
                    in.clockAtStart));
            if (cl.has("hgrm-dir")) {
                writeDistribution(
                        in.histogram, Path.of(cl.text("hgrm-dir", "."), label + "-interval-" + (k + 1) + ".hgrm"));
            }
        }
        long errors = allErrors.values().stream().mapToLong(Long::longValue).sum();
        System.out.println(String.format(
                Locale.ROOT,
                "sustained-total label=%s target_rps=%.0f duration_s=%d interval_s=%d sent=%d ok=%d errors=%d "
                        + "errors_by_status=%s not_sent=%d achieved_rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f "
                        + "p999_ms=%.2f max_ms=%.2f start_epoch_ms=%d",
                label,
                rate,
                duration,
                intervalSeconds,
                sent,
                ok,
                errors,
                describe(allErrors),
                notSent,
                ok / seconds,
                ms(all.getValueAtPercentile(50)),
                ms(all.getValueAtPercentile(90)),
                ms(all.getValueAtPercentile(99)),
                ms(all.getValueAtPercentile(99.9)),
                ms(all.getMaxValue()),
                startEpochMs));
        if (cl.has("hgrm-dir")) {
            writeDistribution(all, Path.of(cl.text("hgrm-dir", "."), label + "-all.hgrm"));
        }
    }

    /** A failure the client saw without an HTTP answer, named by its kind. */
    static String clientFailure(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause != cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof ConnectException) {
                break;
            }
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (cause instanceof ConnectException) {
            return "connect";
        }
        return "io-" + cause.getClass().getSimpleName();
    }

    static String describe(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringJoiner out = new StringJoiner(",");
        counts.forEach((why, n) -> out.add(why + ":" + n));
        return out.toString();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((why, n) -> out.put(why, n.sum()));
        return out;
    }

    private static void writeDistribution(Histogram histogram, Path file) throws java.io.IOException {
        try (var out = new java.io.PrintStream(Files.newOutputStream(file))) {
            histogram.outputPercentileDistribution(out, 1_000_000.0);
        }
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
