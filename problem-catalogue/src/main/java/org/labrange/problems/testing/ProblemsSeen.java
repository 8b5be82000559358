package org.labrange.problems.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.labrange.problems.ProblemCatalogue;
import org.labrange.problems.ProblemType;

/**
 * Checks every answer a test receives against the problem catalogue, and writes down which problem types the
 * tests saw, so that the end-to-end module can prove every catalogue entry is produced by some test.
 *
 * <p>Records go to the directory in the system property {@value #DIRECTORY_PROPERTY} (set by the build to the
 * module's {@code target/problem-types-seen}), one file per test JVM.
 */
public final class ProblemsSeen {

    public static final String DIRECTORY_PROPERTY = "problems.seen.dir";
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final Pattern TYPE_URI =
            Pattern.compile(Pattern.quote(ProblemCatalogue.TYPE_BASE) + "([^\"\\s<>]*)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "seen-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID() + ".txt";
    private static final Set<String> recorded = new TreeSet<>();

    private ProblemsSeen() {}

    /**
     * Checks one answer: a problem document must carry a catalogue type with its title and status, and every
     * problem type URI inside a JSON answer (a result's problems) must be in the catalogue.
     *
     * @param where method and path, for the failure message and the record
     * @throws AssertionError when the answer uses a problem type the catalogue does not describe
     */
    public static void answer(int status, String contentType, String body, String where) {
        if (body == null || body.isEmpty() || contentType == null || !contentType.contains("json")) {
            return;
        }
        if (contentType.startsWith(MEDIA_TYPE)) {
            problemDocument(status, body, where);
        } else if (!where.contains("openapi")) {
            // documents describe problem types without producing them; answers carry them for one result
            Matcher uris = TYPE_URI.matcher(body);
            while (uris.find()) {
                String slug = uris.group(1);
                ProblemType type = ProblemCatalogue.load()
                        .find(slug)
                        .orElseThrow(() -> new AssertionError(where + " answered with problem type '" + slug
                                + "', which contracts/problem-types.csv" + " does not describe"));
                produced(type.slug(), where);
            }
        }
    }

    private static void problemDocument(int status, String body, String where) {
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(where + " answered " + MEDIA_TYPE + " that is not JSON: " + body, e);
        }
        String uri = problem.path("type").asText("");
        ProblemType type = ProblemCatalogue.load()
                .forUri(uri)
                .orElseThrow(() -> new AssertionError(where + " answered " + status + " with problem type '" + uri
                        + "', which contracts/problem-types.csv does not describe: " + body));
        String title = problem.path("title").asText("");
        if (!title.equals(type.title())) {
            throw new AssertionError(where + ": problem " + type.slug() + " has the title '" + title
                    + "'; the catalogue's is '" + type.title() + "'");
        }
        if (type.status().isEmpty()
                || type.status().getAsInt() != status
                || problem.path("status").asInt(-1) != status) {
            throw new AssertionError(where + ": problem " + type.slug() + " was answered with HTTP " + status
                    + " and status " + problem.path("status") + "; the catalogue says " + type.status());
        }
        produced(type.slug(), where);
    }

    /** Records that a test produced this catalogue entry (for problems checked outside HTTP, e.g. a mapper). */
    public static synchronized void produced(String slug, String where) {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (directory == null || !recorded.add(slug)) {
            return;
        }
        try {
            Path dir = Path.of(directory);
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve(FILE),
                    slug + "\t" + where.replaceAll("\\s+", " ") + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The slugs recorded in one module's directory. */
    public static Set<String> recordedIn(Path directory) {
        Set<String> slugs = new TreeSet<>();
        if (!Files.isDirectory(directory)) {
            return slugs;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt"))
                    .toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        slugs.add(line.split("\t", 2)[0]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return slugs;
    }
}
