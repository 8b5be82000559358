package org.labrange.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Faults injected into the running suite while it carries a steady load, to see that answers stay right or are
 * clearly refused, and that admin writes are neither lost nor doubled.
 *
 * <p>Three things run at once through the gateway:
 * <ul>
 *   <li><b>load</b>: single-result interpretations at a fixed rate (open model, as {@link FixedRateLoad}) of serum
 *       B2M values whose flag per seeded source is known in advance; every 200 answer is checked against it;</li>
 *   <li><b>writer</b>: an admin who revises one range (of a source created for the run, so the checked flags never
 *       change) about every 500 ms with {@code If-Match}, each revision carrying a unique write id in its
 *       {@code reason}. After a timeout or a 5xx the outcome is unknown: the writer reads the range's history and
 *       only repeats the write (same id, same {@code If-Match}) when the id is not there, so it can never write
 *       twice;</li>
 *   <li><b>faults</b>, one after another, each after {@code --clean-seconds} of clean load and only once the previous
 *       one has recovered: every name in {@code --faults} is handed to {@code --fault-hook} (a command that gets the
 *       name as its last argument and does the damage; benchmarks/run.sh provides one).</li>
 * </ul>
 *
 * <p>Prints a {@code faults-segment} line for the clean start and one per fault (failure window relative to the
 * fault, counts by status, answers that were not problem documents, flag mismatches, the writer's failures), then
 * a {@code faults-writer} line with the reconciliation against the range history and a {@code faults-verdict} line.
 * The verdict covers correctness only — flag mismatches, error answers that are not
 * {@code application/problem+json} with a title and detail, lost, doubled or unnumbered writes, and any failed request
 * at all during a fault named {@code rolling-restart-…} (each instance of a service restarted in turn while another
 * serves); timings are reported, never judged. Exit status 1 on FAIL.
 */
public final class FaultsUnderLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SOURCES = List.of("quest", "labcorp", "mosby-pagana-2022");
    private static final long MAX_TRACKED_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final String REASON_PREFIX = "bench faults writer ";
    /**
     * Faults named so restart each instance of a service in turn while the other serves: not one request of the load
     * or of the writer may fail in their segment.
     */
    private static final String ROLLING = "rolling-restart-";

    /** A serum B2M value in mg/L and the flag each seeded source must give it (see V2__seed_b2m.sql). */
    record Expectation(String value, Map<String, String> flags) {}

    // Quest: high ≤ 2.51 inclusive, no low bound, adults; Labcorp: 0.6–2.4 inclusive; Mosby/Pagana: 0.7–1.8 inclusive
    static final List<Expectation> EXPECTATIONS = List.of(
            new Expectation("0.5", flags("N", "L", "L")),
            new Expectation("1.0", flags("N", "N", "N")),
            new Expectation("2.0", flags("N", "N", "H")),
            new Expectation("2.4", flags("N", "N", "H")),
            new Expectation("2.51", flags("N", "H", "H")),
            new Expectation("3.0", flags("H", "H", "H")));

    private static Map<String, String> flags(String quest, String labcorp, String mosby) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("quest", quest);
        out.put("labcorp", labcorp);
        out.put("mosby-pagana-2022", mosby);
        return out;
    }

    /** A request or write that did not succeed; {@code why} is an HTTP status or a client-side failure. */
    record Failure(String actor, long atNanos, String why, boolean httpAnswer, boolean problemDocument) {}

    /** One injected fault and what the harness saw of it. */
    static final class Fault {
        final String name;
        long startNanos;
        long hookEndNanos;
        long settledNanos = -1;
        String hookSaid = "";
        String loadAtStart = "NA";
        int hookExit;
        Histogram latency;

        Fault(String name) {
            this.name = name;
        }
    }

    private final URI gateway;
    private final String token;
    private final String adminToken;
    private final HttpClient loadClient;
    private final HttpClient writerClient;
    private final long t0 = System.nanoTime();
    private final String loadAtStart = LoadAverage.now();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> mismatchSamples = new ConcurrentLinkedQueue<>();
    private final AtomicLong loadSent = new AtomicLong();
    private final AtomicLong loadOk = new AtomicLong();
    private final AtomicLong loadNotSent = new AtomicLong();
    private final AtomicLong mismatches = new AtomicLong();
    private final AtomicLong lastFailureNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lastLoadOkNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lastWriterAckNanos = new AtomicLong(Long.MIN_VALUE);
    private final Recorder latency = new Recorder(MAX_TRACKED_NANOS, 3);
    // per second since the start: load answers ok / failed, writer acknowledgements / failures
    private final AtomicLongArray perSecond = new AtomicLongArray(4 * 7200);
    private volatile boolean loadRunning = true;
    private volatile boolean writerRunning = true;

    // the writer's state; only the writer thread touches it
    private final Map<String, Integer> acknowledged = new LinkedHashMap<>();
    private final Map<String, Integer> confirmedFromHistory = new LinkedHashMap<>();
    private final Set<String> outcomeUnknown = new LinkedHashSet<>();
    private final Set<String> abandoned = new LinkedHashSet<>();
    private final Set<String> refused = new LinkedHashSet<>();
    private long writerRetries;
    private long unexpectedPreconditionFailures;
    private String rangeId;
    private int expectedRevision;

    private FaultsUnderLoad(URI gateway, String token, String adminToken) {
        this.gateway = gateway;
        this.token = token;
        this.adminToken = adminToken;
        this.loadClient = LoadHttp.client("faults-load-io");
        this.writerClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static void main(String[] args) throws Exception {
        CommandLine cl = CommandLine.parse(args);
        FaultsUnderLoad run = new FaultsUnderLoad(
                URI.create(cl.required("gateway")), cl.required("token"), cl.required("admin-token"));
        System.exit(run.run(cl));
    }

    private int run(CommandLine cl) throws Exception {
        double rate = cl.decimal("rate", 300);
        int cleanSeconds = cl.integer("clean-seconds", 20);
        int quietSeconds = cl.integer("quiet-seconds", 10);
        int recoveryMaxSeconds = cl.integer("recovery-max-seconds", 180);
        int writeIntervalMs = cl.integer("write-interval-ms", 500);
        List<String> hook = Arrays.asList(cl.required("fault-hook").trim().split("\\s+"));
        List<Fault> faults = new ArrayList<>();
        for (String name : cl.required("faults").split(",")) {
            faults.add(new Fault(name.trim()));
        }
        String runId = Long.toString(System.currentTimeMillis(), 36);

        List<byte[]> bodies = new ArrayList<>();
        for (Expectation e : EXPECTATIONS) {
            bodies.add(singleResult(e.value()).getBytes(StandardCharsets.UTF_8));
        }
        if (!precheck(bodies)) {
            System.out.println("faults-verdict result=FAIL reason=precheck");
            return 1;
        }
        setUpRange(runId);

        Thread load = new Thread(() -> sendLoad(bodies, rate), "faults-load");
        Thread writer = new Thread(() -> writeRevisions(runId, writeIntervalMs), "faults-writer");
        load.start();
        writer.start();
        Thread progress = new Thread(this::reportProgress, "faults-progress");
        progress.setDaemon(true);
        progress.start();
        log("load at %.0f req/s and the writer are running; range %s", rate, rangeId);

        // a suite that is still warming up (or a machine that is busy) must not pass for a fault's effect
        Fault warmUp = new Fault("warm-up");
        warmUp.startNanos = t0;
        warmUp.hookEndNanos = t0;
        awaitRecovery(warmUp, quietSeconds, recoveryMaxSeconds);
        log(
                "before the first fault: %s",
                warmUp.settledNanos < 0
                        ? "failures did not stop"
                        : String.format(Locale.ROOT, "no failure since %.1f s", seconds(warmUp.settledNanos - t0)));
        sleepSeconds(cleanSeconds);
        Histogram before = latency.getIntervalHistogram();
        for (Fault fault : faults) {
            fault.loadAtStart = LoadAverage.now();
            fault.startNanos = System.nanoTime();
            log("fault %s", fault.name);
            inject(hook, fault);
            fault.hookEndNanos = System.nanoTime();
            log(
                    "fault %s: hook done after %.1f s (exit %d) %s",
                    fault.name, seconds(fault.hookEndNanos - fault.startNanos), fault.hookExit, fault.hookSaid);
            awaitRecovery(fault, quietSeconds, recoveryMaxSeconds);
            log(
                    "fault %s: %s",
                    fault.name,
                    fault.settledNanos < 0
                            ? "NOT recovered"
                            : String.format(
                                    Locale.ROOT,
                                    "settled %.1f s after it began",
                                    seconds(fault.settledNanos - fault.startNanos)));
            sleepSeconds(cleanSeconds);
            fault.latency = latency.getIntervalHistogram();
        }
        long endNanos = System.nanoTime();
        loadRunning = false;
        load.join();
        writerRunning = false;
        writer.join(TimeUnit.MINUTES.toMillis(4));

        return report(faults, before, endNanos, cl);
    }

    /** Every 10 s on stderr, so a long wait for recovery is visible while it happens. */
    private void reportProgress() {
        while (loadRunning) {
            sleepMillis(10_000);
            log(
                    "load sent=%d ok=%d failed=%d mismatches=%d; writer acknowledged=%d unknown=%d; load average %s",
                    loadSent.get(),
                    loadOk.get(),
                    failures.stream().filter(f -> f.actor().equals("load")).count(),
                    mismatches.get(),
                    acknowledged.size() + confirmedFromHistory.size(),
                    outcomeUnknown.size(),
                    LoadAverage.now());
        }
    }

    // ------------------------------------------------------------------------------------------------- load

    private static String singleResult(String value) {
        return "{\"patient\":{\"sex\":\"FEMALE\",\"birthDate\":\"1970-05-01\"},"
                + "\"sources\":[\"quest\",\"labcorp\",\"mosby-pagana-2022\"],"
                + "\"result\":{\"id\":\"f\",\"analyte\":\"B2M\",\"specimen\":\"serum\",\"value\":\"" + value
                + "\",\"unit\":\"mg/L\",\"collectedAt\":\"2026-11-20T08:00:00Z\"}}";
    }

    private HttpRequest interpretation(byte[] body) {
        return HttpRequest.newBuilder(gateway.resolve("/api/v1/interpretations/single"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** Each expectation once before anything else: a wrong expectation must not pass for a fault. */
    private boolean precheck(List<byte[]> bodies) throws IOException, InterruptedException {
        boolean ok = true;
        for (int i = 0; i < bodies.size(); i++) {
            HttpResponse<String> response =
                    loadClient.send(interpretation(bodies.get(i)), HttpResponse.BodyHandlers.ofString());
            Optional<String> wrong = response.statusCode() == 200
                    ? checkFlags(EXPECTATIONS.get(i), response.body())
                    : Optional.of("status " + response.statusCode() + ": " + response.body());
            log(
                    "precheck %s mg/L → %s",
                    EXPECTATIONS.get(i).value(),
                    wrong.orElse("flags as expected " + EXPECTATIONS.get(i).flags()));
            ok &= wrong.isEmpty();
        }
        return ok;
    }

    private void sendLoad(List<byte[]> bodies, double rate) {
        List<HttpRequest> requests = bodies.stream().map(this::interpretation).toList();
        int maxInFlight = 2000;
        Semaphore inFlight = new Semaphore(maxInFlight);
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        for (long i = 0; loadRunning; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            loadSent.incrementAndGet();
            if (!inFlight.tryAcquire()) {
                loadNotSent.incrementAndGet();
                fail(new Failure("load", due, "not-sent", false, false));
                continue;
            }
            int which = (int) (i % requests.size());
            loadClient
                    .sendAsync(requests.get(which), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        inFlight.release();
                        latency.recordValue(Math.min(System.nanoTime() - due, MAX_TRACKED_NANOS));
                        if (error != null) {
                            fail(new Failure("load", due, SustainedLoad.clientFailure(error), false, false));
                        } else if (response.statusCode() == 200) {
                            loadOk.incrementAndGet();
                            lastLoadOkNanos.accumulateAndGet(due, Math::max);
                            tick(due, 0);
                            checkFlags(EXPECTATIONS.get(which), response.body()).ifPresent(wrong -> {
                                if (mismatches.incrementAndGet() <= 20) {
                                    mismatchSamples.add(String.format(
                                            Locale.ROOT,
                                            "t=%.3fs value=%s %s",
                                            seconds(due - t0),
                                            EXPECTATIONS.get(which).value(),
                                            wrong));
                                }
                            });
                        } else {
                            fail(new Failure("load", due, answerKind(response), true, isProblem(response)));
                        }
                    });
        }
        try {
            if (!inFlight.tryAcquire(maxInFlight, 30, TimeUnit.SECONDS)) {
                log("some interpretation requests were still open 30 s after the load stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Empty when every source flags the value as expected, otherwise what was wrong. */
    private Optional<String> checkFlags(Expectation expected, String body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.of("unparseable answer");
        }
        Map<String, String> seen = new HashMap<>();
        for (JsonNode interpretation : answer.path("interpretations")) {
            seen.put(
                    interpretation.path("source").asText(),
                    interpretation.path("flag").asText(null));
        }
        List<String> wrong = new ArrayList<>();
        expected.flags().forEach((source, flag) -> {
            if (!flag.equals(seen.get(source))) {
                wrong.add(source + ":expected=" + flag + ",got=" + seen.get(source));
            }
        });
        if (seen.size() != expected.flags().size()) {
            wrong.add("sources=" + seen.keySet());
        }
        return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join(";", wrong));
    }

    /** The status with the problem type's last segment and the upstream it names, e.g. 503/upstream-unavailable@gateway. */
    private static String answerKind(HttpResponse<String> response) {
        String kind = Integer.toString(response.statusCode());
        try {
            JsonNode problem = JSON.readTree(response.body());
            String type = problem.path("type").asText("");
            if (!type.isEmpty()) {
                kind += "/" + type.substring(type.lastIndexOf('/') + 1);
            }
            if (problem.hasNonNull("upstream")) {
                kind += "@" + problem.path("upstream").asText();
            }
        } catch (IOException | RuntimeException e) {
            kind += "/not-json";
        }
        return kind.replaceAll("[^A-Za-z0-9_./@-]", "_");
    }

    /** An error answer a client can act on: RFC 9457 media type and a non-empty title and detail. */
    private static boolean isProblem(HttpResponse<String> response) {
        boolean mediaType =
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        if (!mediaType) {
            return false;
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            return !problem.path("title").asText("").isBlank()
                    && !problem.path("detail").asText("").isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    private void fail(Failure failure) {
        failures.add(failure);
        lastFailureNanos.accumulateAndGet(failure.atNanos(), Math::max);
        tick(failure.atNanos(), failure.actor().equals("load") ? 1 : 3);
    }

    private void tick(long atNanos, int column) {
        int second = (int) ((atNanos - t0) / 1_000_000_000L);
        if (second >= 0 && second < perSecond.length() / 4) {
            perSecond.incrementAndGet(4 * second + column);
        }
    }

    // ------------------------------------------------------------------------------------------------- writer

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(gateway.resolve("/api/v1" + path))
                .timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + adminToken);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return writerClient.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A source of its own and one range in it, so the writer never changes a flag the load checks. */
    private void setUpRange(String runId) throws IOException, InterruptedException {
        String source = "bench-faults-" + runId;
        HttpResponse<String> created = send(admin("/sources")
                .header("Content-Type", "application/json")
                .POST(
                        HttpRequest.BodyPublishers.ofString(
                                "{\"code\":\"" + source + "\",\"name\":\"Benchmark faults " + runId
                                        + "\",\"kind\":\"LOCAL\",\"citation\":\"benchmarks/run.sh faults\",\"reason\":\"faults benchmark\"}"))
                .build());
        require(created, 201, "create source");
        HttpResponse<String> range = send(admin("/ranges")
                .header("Content-Type", "application/json")
                .POST(
                        HttpRequest.BodyPublishers.ofString(
                                "{\"analyteCode\":\"1952-1\",\"sourceCode\":\"" + source
                                        + "\",\"category\":\"REFERENCE\",\"low\":0.6,\"high\":2.4,\"unit\":\"mg/L\","
                                        + "\"effectiveFrom\":\"2024-01-01\",\"reason\":\"faults benchmark: the range the writer revises\"}"))
                .build());
        require(range, 201, "create range");
        JsonNode revision = JSON.readTree(range.body());
        rangeId = revision.path("rangeId").asText();
        expectedRevision = revision.path("revision").asInt();
    }

    private static void require(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
        }
    }

    private void writeRevisions(String runId, int intervalMs) {
        long sequence = 0;
        while (writerRunning) {
            String writeId = runId + "-" + (++sequence);
            try {
                write(writeId, sequence);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleepMillis(intervalMs);
        }
    }

    /**
     * One revision, exactly once. A definite answer (200, 4xx) ends it; an unknown outcome (5xx, timeout, reset)
     * is resolved by reading the history: the id there means it was written, otherwise the same write is sent
     * again with the same {@code If-Match}, which the service refuses (412) should the first attempt land late.
     */
    private void write(String writeId, long sequence) throws InterruptedException {
        String body = String.format(
                Locale.ROOT,
                "{\"low\":0.6,\"high\":%.2f,\"unit\":\"mg/L\",\"effectiveFrom\":\"2024-01-01\",\"reason\":\"%s%s\"}",
                2.4 + (sequence % 7) * 0.01,
                REASON_PREFIX,
                writeId);
        int ifMatch = expectedRevision;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        boolean unknown = false;
        while (true) {
            long at = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = send(admin("/ranges/" + rangeId)
                        .header("Content-Type", "application/json")
                        .header("If-Match", "\"" + ifMatch + "\"")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build());
            } catch (IOException e) {
                fail(new Failure("writer", at, SustainedLoad.clientFailure(e), false, false));
                response = null;
            }
            if (response != null && response.statusCode() == 200) {
                int revision = parseRevision(response.body());
                acknowledged.put(writeId, revision);
                expectedRevision = revision;
                lastWriterAckNanos.set(System.nanoTime());
                tick(System.nanoTime(), 2);
                return;
            }
            if (response != null && response.statusCode() != 412 && response.statusCode() / 100 == 4) {
                // a definite refusal: nothing was written
                fail(new Failure("writer", at, answerKind(response), true, isProblem(response)));
                refused.add(writeId);
                return;
            }
            if (response != null && response.statusCode() == 412) {
                if (!unknown) {
                    unexpectedPreconditionFailures++;
                }
                unknown = true;
            } else {
                if (response != null) {
                    fail(new Failure("writer", at, answerKind(response), true, isProblem(response)));
                }
                unknown = true;
                outcomeUnknown.add(writeId);
            }
            // outcome unknown (or a 412 after an unknown outcome): read the history until it answers
            Optional<List<JsonNode>> history = Optional.empty();
            while (history.isEmpty() && System.nanoTime() < deadline) {
                sleepMillis(500);
                history = history();
            }
            if (history.isEmpty()) {
                abandoned.add(writeId);
                log("writer: gave up on %s, its outcome stays unknown", writeId);
                return;
            }
            int latest = 0;
            Integer landedAt = null;
            for (JsonNode revision : history.get()) {
                latest = Math.max(latest, revision.path("revision").asInt());
                if (revision.path("reason").asText("").equals(REASON_PREFIX + writeId)) {
                    landedAt = revision.path("revision").asInt();
                }
            }
            expectedRevision = latest;
            if (landedAt != null) {
                confirmedFromHistory.put(writeId, landedAt);
                lastWriterAckNanos.set(System.nanoTime());
                tick(System.nanoTime(), 2);
                return;
            }
            if (System.nanoTime() >= deadline) {
                abandoned.add(writeId);
                return;
            }
            writerRetries++;
            ifMatch = latest;
        }
    }

    /** The range's revisions; a failed read counts as a writer failure ("read-…"), so it shows in the window. */
    private Optional<List<JsonNode>> history() throws InterruptedException {
        long at = System.nanoTime();
        try {
            HttpResponse<String> response =
                    send(admin("/ranges/" + rangeId + "/revisions").GET().build());
            if (response.statusCode() != 200) {
                fail(new Failure("writer", at, "read-" + answerKind(response), true, isProblem(response)));
                return Optional.empty();
            }
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(response.body()).forEach(out::add);
            return Optional.of(out);
        } catch (IOException e) {
            fail(new Failure("writer", at, "read-" + SustainedLoad.clientFailure(e), false, false));
            return Optional.empty();
        }
    }

    private static int parseRevision(String body) {
        try {
            return JSON.readTree(body).path("revision").asInt();
        } catch (IOException e) {
            return -1;
        }
    }

    // ------------------------------------------------------------------------------------------------- faults

    private void inject(List<String> hook, Fault fault) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(hook);
        command.add(fault.name);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroy();
        }
        fault.hookExit = process.exitValue();
        String[] lines = output.split("\n");
        fault.hookSaid = lines[lines.length - 1].trim();
        if (!output.isEmpty()) {
            System.err.println(output);
        }
    }

    /** Recovered: answers and acknowledged writes again since the hook ended, and no failure for a while. */
    private void awaitRecovery(Fault fault, int quietSeconds, int maxSeconds) {
        long quiet = TimeUnit.SECONDS.toNanos(quietSeconds);
        long giveUp = fault.startNanos + TimeUnit.SECONDS.toNanos(maxSeconds);
        while (System.nanoTime() < giveUp) {
            long now = System.nanoTime();
            boolean answering =
                    lastLoadOkNanos.get() > fault.hookEndNanos && lastWriterAckNanos.get() > fault.hookEndNanos;
            long lastFailure = lastFailureNanos.get();
            if (answering && now - Math.max(lastFailure, fault.hookEndNanos) >= quiet) {
                fault.settledNanos = Math.max(lastFailure, fault.hookEndNanos);
                if (fault.settledNanos < fault.startNanos) {
                    fault.settledNanos = fault.hookEndNanos;
                }
                return;
            }
            sleepMillis(250);
        }
    }

    // ------------------------------------------------------------------------------------------------- report

    private int report(List<Fault> faults, Histogram before, long endNanos, CommandLine cl) throws IOException {
        List<Failure> all = new ArrayList<>(failures);
        all.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
        long firstFault = faults.isEmpty() ? endNanos : faults.get(0).startNanos;
        long notProblem = 0;

        notProblem += segment("before-faults", t0, t0, firstFault, all, before, null);
        long rollingFailures = 0;
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            long until = i + 1 < faults.size() ? faults.get(i + 1).startNanos : endNanos;
            notProblem += segment(fault.name, fault.startNanos, fault.startNanos, until, all, fault.latency, fault);
            if (fault.name.startsWith(ROLLING)) {
                rollingFailures += all.stream()
                        .filter(f -> f.atNanos() >= fault.startNanos && f.atNanos() < until)
                        .count();
            }
        }
        mismatchSamples.forEach(sample -> log("mismatch %s", sample));

        Reconciliation rec = reconcile();
        System.out.println(String.format(
                Locale.ROOT,
                "faults-writer range=%s acknowledged=%d outcome_unknown=%d unknown_found_in_history=%d retried=%d "
                        + "abandoned=%d refused=%d unexpected_412=%d history_revisions=%d history_write_ids=%d lost=%d "
                        + "duplicated=%d ack_revision_mismatch=%d landed_unacknowledged=%d gapless=%s reconciled=%s",
                rangeId,
                acknowledged.size(),
                outcomeUnknown.size(),
                confirmedFromHistory.size(),
                writerRetries,
                abandoned.size(),
                refused.size(),
                unexpectedPreconditionFailures,
                rec.revisions,
                rec.writeIds,
                rec.lost.size(),
                rec.duplicated.size(),
                rec.revisionMismatch,
                rec.landedUnacknowledged.size(),
                rec.gapless,
                rec.readable));
        if (!rec.lost.isEmpty() || !rec.duplicated.isEmpty()) {
            log("lost %s duplicated %s", rec.lost, rec.duplicated);
        }

        long clientErrors = all.stream().filter(f -> !f.httpAnswer()).count();
        boolean pass = mismatches.get() == 0
                && notProblem == 0
                && rec.readable
                && rec.lost.isEmpty()
                && rec.duplicated.isEmpty()
                && rec.revisionMismatch == 0
                && rec.gapless
                && abandoned.isEmpty()
                && rollingFailures == 0;
        System.out.println(String.format(
                Locale.ROOT,
                "faults-verdict result=%s load_sent=%d load_ok=%d load_failed=%d flag_mismatches=%d "
                        + "not_problem_answers=%d client_side_failures=%d lost_writes=%d duplicated_writes=%d gapless=%s "
                        + "rolling_restart_failures=%d",
                pass ? "PASS" : "FAIL",
                loadSent.get(),
                loadOk.get(),
                all.stream().filter(f -> f.actor().equals("load")).count(),
                mismatches.get(),
                notProblem,
                clientErrors,
                rec.lost.size(),
                rec.duplicated.size(),
                rec.gapless,
                rollingFailures));

        if (cl.has("events")) {
            try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(cl.text("events", "events.txt"))))) {
                out.println("# seconds-since-start actor why http-answer problem-document");
                for (Failure f : all) {
                    out.printf(
                            Locale.ROOT,
                            "%.3f %s %s %s %s%n",
                            seconds(f.atNanos() - t0),
                            f.actor(),
                            f.why(),
                            f.httpAnswer(),
                            f.problemDocument());
                }
                for (Fault fault : faults) {
                    out.printf(
                            Locale.ROOT,
                            "# fault %s at %.3f, hook done at %.3f%n",
                            fault.name,
                            seconds(fault.startNanos - t0),
                            seconds(fault.hookEndNanos - t0));
                }
            }
        }
        if (cl.has("timeline")) {
            try (PrintStream out =
                    new PrintStream(Files.newOutputStream(Path.of(cl.text("timeline", "timeline.txt"))))) {
                out.println("# second load_ok load_failed writer_acknowledged writer_failed");
                int last = (int) Math.min((endNanos - t0) / 1_000_000_000L + 1, perSecond.length() / 4);
                for (int s = 0; s < last; s++) {
                    out.printf(
                            "%d %d %d %d %d%n",
                            s,
                            perSecond.get(4 * s),
                            perSecond.get(4 * s + 1),
                            perSecond.get(4 * s + 2),
                            perSecond.get(4 * s + 3));
                }
            }
        }
        return pass ? 0 : 1;
    }

    /** Prints one segment's line; returns its count of error answers that were not problem documents. */
    private long segment(
            String name, long origin, long from, long until, List<Failure> all, Histogram latencyOf, Fault fault) {
        List<Failure> load = new ArrayList<>();
        List<Failure> writer = new ArrayList<>();
        for (Failure f : all) {
            if (f.atNanos() >= from && f.atNanos() < until) {
                (f.actor().equals("load") ? load : writer).add(f);
            }
        }
        long notProblem = load.stream()
                        .filter(f -> f.httpAnswer() && !f.problemDocument())
                        .count()
                + writer.stream()
                        .filter(f -> f.httpAnswer() && !f.problemDocument())
                        .count();
        StringBuilder line = new StringBuilder("faults-segment name=").append(name);
        if (fault != null) {
            line.append(String.format(
                    Locale.ROOT,
                    " at_s=%.1f hook_s=%.2f hook_exit=%d settled_s=%s",
                    seconds(fault.startNanos - t0),
                    seconds(fault.hookEndNanos - fault.startNanos),
                    fault.hookExit,
                    fault.settledNanos < 0
                            ? "never"
                            : String.format(Locale.ROOT, "%.2f", seconds(fault.settledNanos - origin))));
        }
        line.append(String.format(Locale.ROOT, " length_s=%.1f", seconds(until - from)));
        line.append(window("load", load, origin)).append(window("writer", writer, origin));
        line.append(" not_problem=").append(notProblem);
        if (latencyOf != null && latencyOf.getTotalCount() > 0) {
            line.append(String.format(
                    Locale.ROOT,
                    " p50_ms=%.2f p99_ms=%.2f max_ms=%.2f",
                    SustainedLoad.ms(latencyOf.getValueAtPercentile(50)),
                    SustainedLoad.ms(latencyOf.getValueAtPercentile(99)),
                    SustainedLoad.ms(latencyOf.getMaxValue())));
        }
        if (fault != null && !fault.hookSaid.isEmpty()) {
            line.append(' ').append(fault.hookSaid.replaceAll("[^A-Za-z0-9_=.:,/+ -]", "_"));
        }
        line.append(" load=").append(fault == null ? loadAtStart : fault.loadAtStart);
        System.out.println(line);
        return notProblem;
    }

    private String window(String actor, List<Failure> failed, long origin) {
        if (failed.isEmpty()) {
            return " " + actor + "_failures=0";
        }
        Map<String, Long> byWhy = new TreeMap<>();
        failed.forEach(f -> byWhy.merge(f.why(), 1L, Long::sum));
        return String.format(
                Locale.ROOT,
                " %s_failures=%d %s_first_s=%.3f %s_last_s=%.3f %s_by_status=%s",
                actor,
                failed.size(),
                actor,
                seconds(failed.get(0).atNanos() - origin),
                actor,
                seconds(failed.get(failed.size() - 1).atNanos() - origin),
                actor,
                SustainedLoad.describe(byWhy));
    }

    /** The range's history against what the writer believes it wrote. */
    static final class Reconciliation {
        boolean readable;
        boolean gapless;
        int revisions;
        int writeIds;
        int revisionMismatch;
        final List<String> lost = new ArrayList<>();
        final List<String> duplicated = new ArrayList<>();
        final List<String> landedUnacknowledged = new ArrayList<>();
    }

    private Reconciliation reconcile() {
        Reconciliation rec = new Reconciliation();
        Optional<List<JsonNode>> history = Optional.empty();
        for (int attempt = 0; attempt < 60 && history.isEmpty(); attempt++) {
            try {
                history = history();
                if (history.isEmpty()) {
                    Thread.sleep(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (history.isEmpty()) {
            return rec;
        }
        rec.readable = true;
        List<Integer> numbers = new ArrayList<>();
        Map<String, List<Integer>> byId = new LinkedHashMap<>();
        for (JsonNode revision : history.get()) {
            numbers.add(revision.path("revision").asInt());
            String reason = revision.path("reason").asText("");
            if (reason.startsWith(REASON_PREFIX)) {
                byId.computeIfAbsent(reason.substring(REASON_PREFIX.length()), k -> new ArrayList<>())
                        .add(revision.path("revision").asInt());
            }
        }
        numbers.sort(Integer::compare);
        rec.revisions = numbers.size();
        rec.gapless = true;
        for (int i = 0; i < numbers.size(); i++) {
            rec.gapless &= numbers.get(i) == i + 1;
        }
        rec.writeIds = byId.size();
        byId.forEach((id, at) -> {
            if (at.size() > 1) {
                rec.duplicated.add(id);
            }
        });
        Map<String, Integer> believed = new LinkedHashMap<>(acknowledged);
        believed.putAll(confirmedFromHistory);
        believed.forEach((id, revision) -> {
            List<Integer> at = byId.get(id);
            if (at == null) {
                rec.lost.add(id);
            } else if (!at.contains(revision)) {
                rec.revisionMismatch++;
            }
        });
        byId.keySet().stream().filter(id -> !believed.containsKey(id)).forEach(rec.landedUnacknowledged::add);
        return rec;
    }

    // ------------------------------------------------------------------------------------------------- small things

    private double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void sleepSeconds(int seconds) throws InterruptedException {
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void log(String format, Object... args) {
        System.err.printf(
                Locale.ROOT,
                "[faults %6.1fs] %s%n",
                seconds(System.nanoTime() - t0),
                String.format(Locale.ROOT, format, args));
    }
}
