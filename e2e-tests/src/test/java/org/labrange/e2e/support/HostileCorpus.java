package org.labrange.e2e.support;

import groovy.json.JsonSlurper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.labrange.gateway.contract.PublicDocument;

/**
 * The hostile corpus: loads the cases from {@code hostile/*.jsonl} on the test class path, sends each one
 * through the gateway and says what, if anything, is wrong with the answer.
 */
public final class HostileCorpus {

    public static final String PROBLEM_TYPE_BASE = "https://labrange.dev/problems/";
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private final List<HostileCase> cases;

    private HostileCorpus(List<HostileCase> cases) {
        this.cases = List.copyOf(cases);
    }

    public List<HostileCase> cases() {
        return cases;
    }

    public Map<String, Integer> countsByCategory() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        cases.forEach(c -> counts.merge(c.category(), 1, Integer::sum));
        return counts;
    }

    /** Every {@code *.jsonl} file under {@code hostile/}; blank lines and lines starting with {@code //} are skipped. */
    @SuppressWarnings("unchecked")
    public static HostileCorpus load() {
        URL root = HostileCorpus.class.getClassLoader().getResource("hostile");
        if (root == null) {
            throw new IllegalStateException("no hostile/ directory on the test class path");
        }
        List<HostileCase> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                String category = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.isEmpty() || line.startsWith("//")) {
                        continue;
                    }
                    String where = file.getFileName() + ":" + (i + 1);
                    Object parsed;
                    try {
                        parsed = new JsonSlurper().parseText(line);
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(where + ": not a JSON object: " + e.getMessage(), e);
                    }
                    if (!(parsed instanceof Map<?, ?>)) {
                        throw new IllegalArgumentException(where + ": not a JSON object");
                    }
                    HostileCase c = HostileCase.from(category, where, (Map<String, Object>) parsed);
                    if (!ids.add(c.id())) {
                        throw new IllegalArgumentException(where + ": duplicate case name " + c.id());
                    }
                    cases.add(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new HostileCorpus(cases);
    }

    /** Sends the case; returns what is wrong with the answer, or nothing when it is right. */
    public static Verdict run(HostileCase c, HostileHttp http, HostileTokens tokens) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        tokens.authorization(c.token()).ifPresent(value -> headers.add(Map.entry("Authorization", value)));
        boolean namesContentType = c.headers().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("content-type"));
        if (c.body().isPresent() && !namesContentType && !c.removedHeaders().contains("content-type")) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        headers.addAll(c.headers());
        HostileHttp.Answer answer;
        try {
            answer = http.send(
                    c.method(), c.path(), headers, c.body().map(Supplier::get).orElse(null), c.chunked());
        } catch (IOException | RuntimeException e) {
            return Verdict.noAnswer(e.toString());
        }
        return new Verdict(answer.status(), judgeSecurity(answer), judgeFormat(c, answer), describe(answer));
    }

    /**
     * What was wrong with one answer: {@code security} holds what must never happen whatever the format (a 5xx,
     * an unsafe echo, an injected header, a cookie); {@code format} what the case expects of status and body.
     */
    public record Verdict(int status, List<String> security, List<String> format, String answer) {
        static Verdict noAnswer(String why) {
            return new Verdict(-1, List.of("no HTTP answer (" + why + ")"), List.of(), "nothing");
        }

        public boolean passes() {
            return security.isEmpty() && format.isEmpty();
        }
    }

    private static String describe(HostileHttp.Answer answer) {
        return answer.status() + " " + answer.header("content-type").orElse("(no content type)") + " "
                + excerpt(answer.bodyText());
    }

    /** Checks that hold for every hostile request, whatever status and body format its case expects. */
    static List<String> judgeSecurity(HostileHttp.Answer answer) {
        List<String> wrong = new ArrayList<>();
        int status = answer.status();
        if (status >= 500) {
            wrong.add("server error " + status);
        }
        answer.header("x-request-id")
                .filter(id -> !SANE_REQUEST_ID.matcher(id).matches())
                .ifPresent(id -> wrong.add("unsafe X-Request-Id echoed: " + excerpt(id)));
        answer.headers().stream()
                .map(Map.Entry::getKey)
                .filter(name -> name.startsWith("x-injected"))
                .findFirst()
                .ifPresent(name -> wrong.add("an injected header came back: " + name));
        answer.header("set-cookie").ifPresent(cookie -> wrong.add("the answer sets a cookie: " + excerpt(cookie)));
        return wrong;
    }

    /** The case's own expectations: its status, and a problem document (or the success it describes). */
    static List<String> judgeFormat(HostileCase c, HostileHttp.Answer answer) {
        List<String> wrong = new ArrayList<>();
        int status = answer.status();
        if (!c.allowsStatus(status)) {
            wrong.add("expected " + c.expectation() + " but got " + status);
        }
        // The answer must also be one the public document describes (status, content type, body schema).
        wrong.addAll(PublicDocument.committed()
                .mismatches(new PublicDocument.Answer(
                        c.method(),
                        c.path(),
                        status,
                        answer.header("content-type").orElse(null),
                        answer.bodyText())));
        Object json = parse(answer.bodyText());
        if (status >= 300) {
            wrong.addAll(problemDocument(c, answer, json));
        } else {
            wrong.addAll(success(c, json));
        }
        return wrong;
    }

    private static List<String> problemDocument(HostileCase c, HostileHttp.Answer answer, Object json) {
        List<String> wrong = new ArrayList<>();
        String contentType = answer.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/problem+json")) {
            wrong.add("not application/problem+json");
        }
        if (!(json instanceof Map<?, ?> problem)) {
            wrong.add("body is not a JSON object");
            return wrong;
        }
        Object type = problem.get("type");
        if (!(type instanceof String t) || !t.startsWith(PROBLEM_TYPE_BASE)) {
            wrong.add("problem type missing or not under " + PROBLEM_TYPE_BASE);
        } else if (c.type().isPresent()
                && !t.equals(PROBLEM_TYPE_BASE + c.type().get())) {
            wrong.add("expected problem type " + c.type().get() + " but got " + t);
        }
        if (!(problem.get("title") instanceof String title) || title.isBlank()) {
            wrong.add("problem title missing");
        }
        if (!(problem.get("status") instanceof Number s) || s.intValue() != answer.status()) {
            wrong.add("problem status " + problem.get("status") + " differs from the HTTP status");
        }
        return wrong;
    }

    private static List<String> success(HostileCase c, Object json) {
        List<String> wrong = new ArrayList<>();
        if (c.emptyList() && !(json instanceof List<?> list && list.isEmpty())) {
            wrong.add("expected an empty JSON array");
        }
        c.resultStatus().ifPresent(expected -> {
            List<Object> statuses = new ArrayList<>();
            if (json instanceof Map<?, ?> map && map.get("results") instanceof List<?> results) {
                results.forEach(r -> statuses.add(r instanceof Map<?, ?> m ? m.get("status") : null));
            } else if (json instanceof Map<?, ?> map) {
                statuses.add(map.get("status"));
            }
            if (statuses.isEmpty() || statuses.stream().anyMatch(s -> !expected.equals(s))) {
                wrong.add("expected every result " + expected + " but got " + statuses);
            }
        });
        return wrong;
    }

    private static Object parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return new JsonSlurper().parseText(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String excerpt(String text) {
        String flat = text.replace("\r", "\\r").replace("\n", "\\n");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
