package org.labrange.problems;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The problem types every service answers with, read from {@code contracts/problem-types.csv}. */
public final class ProblemCatalogue {

    /** Where every problem type URI starts; the rest is the slug. */
    public static final String TYPE_BASE = "https://labrange.dev/problems/";

    private static final String RESOURCE = "problem-types.csv";
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Map<Integer, String> GENERIC = Map.ofEntries(
            Map.entry(400, "malformed-body"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(412, "stale-revision"),
            Map.entry(413, "too-large"),
            Map.entry(414, "uri-too-long"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(428, "revision-required"),
            Map.entry(431, "headers-too-large"));
    private static volatile ProblemCatalogue shared;

    private final Map<String, ProblemType> bySlug;

    private ProblemCatalogue(Map<String, ProblemType> bySlug) {
        this.bySlug = bySlug;
    }

    /** The catalogue packaged with this library. */
    public static ProblemCatalogue load() {
        ProblemCatalogue catalogue = shared;
        if (catalogue == null) {
            try (InputStream in = ProblemCatalogue.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath");
                }
                catalogue = read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shared = catalogue;
        }
        return catalogue;
    }

    /** Reads a catalogue, refusing rows that could not be served as a problem type. */
    public static ProblemCatalogue read(Reader csv) throws IOException {
        Map<String, ProblemType> types = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        for (CSVRecord row : format.parse(csv)) {
            String slug = row.get("slug").strip();
            String scope = row.get("scope").strip();
            if (!SLUG.matcher(slug).matches()) {
                throw new IllegalArgumentException("line " + row.getRecordNumber() + ": slug '" + slug + "'");
            }
            if (!scope.equals("request") && !scope.equals("result")) {
                throw new IllegalArgumentException("line " + row.getRecordNumber() + ": scope '" + scope + "'");
            }
            String status = row.get("status").strip();
            OptionalInt code = status.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(status));
            if (scope.equals("request") && code.isEmpty()) {
                throw new IllegalArgumentException(
                        "line " + row.getRecordNumber() + ": a request problem needs a status");
            }
            ProblemType type = new ProblemType(
                    slug,
                    code,
                    row.get("title").strip(),
                    scope,
                    row.get("when").strip(),
                    row.get("action").strip());
            if (types.putIfAbsent(slug, type) != null) {
                throw new IllegalArgumentException("line " + row.getRecordNumber() + ": slug '" + slug + "' twice");
            }
        }
        return new ProblemCatalogue(types);
    }

    public List<ProblemType> types() {
        return new ArrayList<>(bySlug.values());
    }

    public Optional<ProblemType> find(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /**
     * The entry for an HTTP status that the web layer answers without saying more (a 404 for an unknown path, a
     * 405, a 415, a body the framework could not read); {@code internal} for any status not listed.
     */
    public ProblemType forHttpStatus(int status) {
        String slug = GENERIC.getOrDefault(status, "internal");
        return find(slug).orElseThrow(() -> new IllegalStateException(slug + " is missing from " + RESOURCE));
    }

    /** The entry a type URI names, if it is one of ours. */
    public Optional<ProblemType> forUri(String uri) {
        if (uri == null || !uri.startsWith(TYPE_BASE)) {
            return Optional.empty();
        }
        return find(uri.substring(TYPE_BASE.length()));
    }
}
