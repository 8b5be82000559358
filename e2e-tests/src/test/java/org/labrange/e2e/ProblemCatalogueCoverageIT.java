package org.labrange.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.labrange.problems.ProblemCatalogue;
import org.labrange.problems.ProblemType;
import org.labrange.problems.testing.ProblemsSeen;

/**
 * Every entry of the problem catalogue is produced by some test of this build. Each module's tests record the
 * problem types they received (problem-catalogue's ProblemsSeen, in target/problem-types-seen); this class runs
 * after every other end-to-end test and reads them all, so it needs the modules' tests to have run before it
 * (the whole build: ./mvnw verify).
 */
@Order(Integer.MAX_VALUE)
class ProblemCatalogueCoverageIT {

    private static final List<String> MODULES =
            List.of("reference-ranges-service", "interpretation-service", "gateway", "e2e-tests");

    @Test
    void everyCatalogueEntryIsProducedBySomeTest() {
        Path root = Path.of(System.getProperty("labrange.root", ".."))
                .toAbsolutePath()
                .normalize();
        Set<String> seen = new TreeSet<>();
        for (String module : MODULES) {
            Path records = root.resolve(module).resolve("target/problem-types-seen");
            assertTrue(
                    Files.isDirectory(records),
                    "no problem types were recorded by " + module + "'s tests (" + records + "); run the whole build"
                            + " (./mvnw verify) so that every module's tests run before this check");
            seen.addAll(ProblemsSeen.recordedIn(records));
        }
        Set<String> missing = new TreeSet<>();
        for (ProblemType type : ProblemCatalogue.load().types()) {
            if (!seen.contains(type.slug())) {
                missing.add(type.slug());
            }
        }
        assertTrue(missing.isEmpty(), "catalogue entries that no test produced: " + missing + " (seen: " + seen + ")");
    }
}
