package org.labrange.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-model load at a fixed request rate, for latency percentiles that are not flattered by coordinated
 * omission: request {@code i} is due at {@code start + i / rate}, and its latency is measured from that due
 * time, not from when it was actually sent. If the server falls behind, the queueing delay shows up in the
 * percentiles, as it would for real clients.
 *
 * <p>Bounded by design: it runs for {@code --warmup} + {@code --duration} seconds and then stops, keeps at most
 * {@code --max-in-flight} requests open (a request that would exceed that counts as an error and is not sent),
 * and only talks to the given URL (meant to be localhost).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.labrange.benchmarks.load.FixedRateLoad \
 *   --url http://localhost:8080/api/v1/interpretations/single --body target/bodies/single.json \
 *   --token "$TOKEN" --rate 1000 --duration 30 --warmup 10
 * </pre>
 *
 * Prints one line of {@code key=value} pairs (latencies in milliseconds) and, with {@code --hgrm FILE}, the
 * full percentile distribution.
 */
public final class FixedRateLoad {

    private FixedRateLoad() {}

    public static void main(String[] args) throws Exception {
        CommandLine cl = CommandLine.parse(args);
        URI url = URI.create(cl.required("url"));
        byte[] body = Files.readAllBytes(Path.of(cl.required("body")));
        String token = cl.text("token", System.getenv().getOrDefault("TOKEN", ""));
        double rate = cl.decimal("rate", 1000);
        int duration = cl.integer("duration", 30);
        int warmup = cl.integer("warmup", 10);
        int maxInFlight = cl.integer("max-in-flight", 2000);
        String label = cl.text("label", url.getPath());

        HttpClient client = LoadHttp.client("load-io");
        HttpRequest request = LoadHttp.jsonPost(url, body, token);

        // latencies up to 60 s with 3 significant digits
        Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        Semaphore inFlight = new Semaphore(maxInFlight);

        long intervalNanos = (long) (1_000_000_000L / rate);
        long total = (long) ((warmup + duration) * rate);
        long warmupCount = (long) (warmup * rate);
        long start = System.nanoTime();
        Histogram measured = null;
        long measuredOk = 0;
        long measuredFailed = 0;
        long measuredRejected = 0;
        long measuredStart = 0;
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            if (i == warmupCount) {
                // throw away what the warm-up recorded; from here on everything counts
                recorder.getIntervalHistogram();
                measuredOk = ok.get();
                measuredFailed = failed.get();
                measuredRejected = rejected.get();
                measuredStart = due;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                rejected.incrementAndGet();
                continue;
            }
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long latency = System.nanoTime() - due;
                inFlight.release();
                recorder.recordValue(Math.min(latency, TimeUnit.SECONDS.toNanos(60)));
                if (error == null && response.statusCode() / 100 == 2) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            });
        }
        // let the last requests finish (bounded)
        if (!inFlight.tryAcquire(maxInFlight, 30, TimeUnit.SECONDS)) {
            System.err.println("some requests were still open after 30 s");
        }
        long end = System.nanoTime();
        measured = recorder.getIntervalHistogram();
        long okCount = ok.get() - measuredOk;
        long failedCount = failed.get() - measuredFailed;
        long rejectedCount = rejected.get() - measuredRejected;
        double seconds = (end - measuredStart) / 1e9;

        System.out.println(String.format(
                Locale.ROOT,
                "label=%s target_rps=%.0f duration_s=%d ok=%d failed=%d not_sent=%d achieved_rps=%.1f "
                        + "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f",
                label,
                rate,
                duration,
                okCount,
                failedCount,
                rejectedCount,
                okCount / seconds,
                ms(measured.getValueAtPercentile(50)),
                ms(measured.getValueAtPercentile(90)),
                ms(measured.getValueAtPercentile(99)),
                ms(measured.getValueAtPercentile(99.9)),
                ms(measured.getMaxValue())));
        if (cl.has("hgrm")) {
            try (var out = new java.io.PrintStream(Files.newOutputStream(Path.of(cl.required("hgrm"))))) {
                measured.outputPercentileDistribution(out, 1_000_000.0);
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
