package org.labrange.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import groovy.json.JsonSlurper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.labrange.e2e.support.HostileCase;
import org.labrange.e2e.support.HostileCorpus;
import org.labrange.e2e.support.HostileHttp;
import org.labrange.e2e.support.HostileTokens;
import org.labrange.e2e.support.Suite;
import org.labrange.gateway.contract.PublicDocument;

/**
 * Malformed and adversarial requests through the gateway (the corpus is {@code src/test/resources/hostile}):
 * none may cause a server error, every refusal is a problem document, and nothing is written.
 */
@Order(2)
class HostileInputIT {

    private static final int MINIMUM_CORPUS = 200;

    private static Suite suite;
    private static HostileTokens tokens;
    private static HostileHttp http;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        tokens = HostileTokens.of(suite);
        http = new HostileHttp(suite.gatewayUrl(), 60_000);
    }

    @Test
    void hostileRequestsAreRefusedWithProblemDocumentsNeverServerErrorsAndWriteNothing() {
        HostileCorpus corpus = HostileCorpus.load();
        System.out.println("Hostile corpus: " + corpus.cases().size() + " cases " + corpus.countsByCategory());
        assertTrue(
                corpus.cases().size() >= MINIMUM_CORPUS,
                "the hostile corpus shrank below " + MINIMUM_CORPUS + " cases: "
                        + corpus.cases().size());

        long sequenceBefore = latestSequence();
        int auditBefore = auditEntries();

        List<String> failures = new ArrayList<>();
        List<String> formatDefectsSeen = new ArrayList<>();
        List<String> formatDefectsFixed = new ArrayList<>();
        for (HostileCase c : corpus.cases()) {
            HostileCorpus.Verdict verdict = HostileCorpus.run(c, http, tokens);
            if (c.formatDefect().isEmpty()) {
                if (!verdict.passes()) {
                    failures.add(c.id() + ": " + String.join("; ", all(verdict)) + " — answered " + verdict.answer());
                }
                continue;
            }
            // A known format defect excuses the status and body format only, never a security property.
            List<String> security = new ArrayList<>(verdict.security());
            if (verdict.status() < 400 || verdict.status() > 499) {
                security.add("a known format defect must still be a 4xx refusal");
            }
            if (!security.isEmpty()) {
                failures.add(c.id() + ": " + String.join("; ", security) + " — answered " + verdict.answer());
            } else if (verdict.format().isEmpty()) {
                formatDefectsFixed.add(c.id());
            } else {
                formatDefectsSeen.add(c.id() + ": " + String.join("; ", verdict.format()) + " ("
                        + c.formatDefect().get() + ")");
            }
        }

        long sequenceAfter = latestSequence();
        int auditAfter = auditEntries();
        if (sequenceAfter != sequenceBefore) {
            failures.add("range change sequence moved from " + sequenceBefore + " to " + sequenceAfter
                    + ": a hostile request wrote a range");
        }
        if (auditAfter != auditBefore) {
            failures.add("audit log grew from " + auditBefore + " to " + auditAfter
                    + " entries: a hostile request wrote something");
        }
        // The gateway and both services must still answer an ordinary request normally after the corpus.
        interpretationStillWorks().ifPresent(failures::add);

        System.out.println("Hostile corpus: " + corpus.cases().size() + " cases sent; " + formatDefectsSeen.size()
                + " answered securely but in a known wrong format:");
        formatDefectsSeen.forEach(d -> System.out.println("  KNOWN FORMAT DEFECT " + d));
        formatDefectsFixed.forEach(id -> System.out.println("  FORMAT NOW RIGHT (remove its formatDefect mark) " + id));
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + corpus.cases().size() + " hostile cases answered wrongly:\n  "
                    + String.join("\n  ", failures));
        }
    }

    private static List<String> all(HostileCorpus.Verdict verdict) {
        List<String> all = new ArrayList<>(verdict.security());
        all.addAll(verdict.format());
        return all;
    }

    // Plain requests through the same raw client: the corpus needs no other HTTP library on the class path.
    private static Object get(String path, String tokenKind) {
        HostileHttp.Answer answer = send("GET", path, tokenKind, null);
        assertEquals(200, answer.status(), "GET " + path + " answered " + answer.status() + ": " + answer.bodyText());
        return new JsonSlurper().parseText(answer.bodyText());
    }

    private static HostileHttp.Answer send(String method, String path, String tokenKind, String json) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Authorization", tokens.authorization(tokenKind).orElseThrow()));
        if (json != null) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        try {
            HostileHttp.Answer answer = http.send(
                    method, path, headers, json == null ? null : json.getBytes(StandardCharsets.UTF_8), false);
            PublicDocument.committed()
                    .assertDescribes(new PublicDocument.Answer(
                            method,
                            path,
                            answer.status(),
                            answer.header("content-type").orElse(null),
                            answer.bodyText()));
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }

    private static long latestSequence() {
        return ((Number) ((Map<?, ?>) get("/api/v1/changes/latest", "reader")).get("latestSequence")).longValue();
    }

    private static int auditEntries() {
        return ((List<?>) get("/api/v1/audit", "admin")).size();
    }

    private static Optional<String> interpretationStillWorks() {
        HostileHttp.Answer answer = send(
                "POST",
                "/api/v1/interpretations/single",
                "interpreter",
                "{\"patient\":{\"sex\":\"FEMALE\",\"age\":\"P45Y\"},\"sources\":[\"labcorp\"],"
                        + "\"result\":{\"id\":\"s\",\"analyte\":\"B2M\",\"specimen\":\"serum\",\"value\":\"2.45\",\"unit\":\"mg/L\","
                        + "\"collectedAt\":\"2026-11-20T08:00:00Z\"}}");
        return answer.status() == 200
                ? Optional.empty()
                : Optional.of("an ordinary interpretation after the corpus answered " + answer.status() + ": "
                        + answer.bodyText());
    }
}
