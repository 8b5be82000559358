package org.labrange.interpretation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared population rule (contracts/population-applicability.csv, also answered by the ranges service): each
 * row goes through {@link Patient#ageOn} and the selector's applicability decision, the code that picks ranges in
 * production.
 */
class PopulationApplicabilityTableTest {

    private static final String TABLE = "population-applicability.csv";
    private static final int COLUMNS_AFTER_CASE = 9;

    @TestFactory
    Stream<DynamicTest> everyRowOfTheSharedTableIsAnsweredAsWritten() throws IOException {
        List<String> lines = Files.readAllLines(table(), StandardCharsets.UTF_8);
        assertTrue(lines.size() > 1, TABLE + " has no cases");
        return lines.stream().skip(1).filter(line -> !line.isBlank()).map(line -> {
            String[] cells = line.split(",", -1);
            assertTrue(cells.length > COLUMNS_AFTER_CASE, "too few columns in: " + line);
            int first = cells.length - COLUMNS_AFTER_CASE;
            String name = String.join(",", Arrays.copyOfRange(cells, 0, first));
            String[] c = Arrays.copyOfRange(cells, first, cells.length);
            return DynamicTest.dynamicTest(name, () -> check(c));
        });
    }

    private static void check(String[] c) {
        Patient patient = new Patient(
                Optional.of(Sex.valueOf(c[3])),
                c[0].isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(c[0])),
                c[1].isBlank() ? Optional.empty() : Optional.of(Period.parse(c[1])));
        LocalDate collectedOn = LocalDate.parse(c[2]);
        Population population = new Population(
                Sex.valueOf(c[4]), bound(c[6]), bound(c[7]), AgeUnit.valueOf(c[5]), Optional.empty(), Optional.empty());
        switch (c[8]) {
            case "error" -> assertThrows(IllegalArgumentException.class, () -> patient.ageOn(collectedOn));
            case "yes", "no" -> {
                Optional<String> mismatch =
                        RangeSelector.mismatch(population, patient.sex(), patient.ageOn(collectedOn), Optional.empty());
                assertEquals(c[8].equals("yes"), mismatch.isEmpty(), mismatch.orElse("applies"));
            }
            default -> fail("applies must be yes, no or error, not '" + c[8] + "'");
        }
    }

    private static OptionalDouble bound(String cell) {
        return cell.isBlank() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(cell));
    }

    private static Path table() {
        // the root build (surefire and the pitest profile) passes the folder as contracts.dir
        String dir = System.getProperty("contracts.dir");
        if (dir == null || dir.isBlank()) {
            fail("system property contracts.dir is not set: run the tests through the root build, which passes"
                    + " the contracts folder");
        }
        Path file = Path.of(dir).resolve(TABLE);
        if (!Files.isRegularFile(file)) {
            fail("shared table not found: " + file.toAbsolutePath());
        }
        return file;
    }
}
