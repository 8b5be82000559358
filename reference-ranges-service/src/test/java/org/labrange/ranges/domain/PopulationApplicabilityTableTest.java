package org.labrange.ranges.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the shared table {@code contracts/population-applicability.csv} through
 * {@link Population#appliesTo}, the decision the range query uses. The interpretation service runs the same
 * table, so both services judge a patient alike.
 */
class PopulationApplicabilityTableTest {

    /** Set by the root pom's surefire configuration (and its pitest profile). */
    private static final List<String> PROPERTIES = List.of("contracts.dir");

    @TestFactory
    Stream<DynamicTest> everyCaseOfTheSharedTableIsDecidedAsTheTableSays() throws IOException {
        List<CSVRecord> rows = readTable();
        assertFalse(rows.isEmpty(), "the population table has no cases");
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.get("case"), () -> check(row)));
    }

    private static void check(CSVRecord row) {
        Population population = new Population(
                Sex.valueOf(row.get("rangeSex")),
                cell(row, "ageMin", Integer::valueOf),
                cell(row, "ageMax", Integer::valueOf),
                AgeUnit.valueOf(row.get("ageUnit")),
                Optional.empty(),
                Optional.empty());
        Patient patient = new Patient(
                cell(row, "patientSex", Sex::valueOf),
                cell(row, "birthDate", LocalDate::parse),
                cell(row, "statedAge", Period::parse));
        LocalDate collectedOn = LocalDate.parse(row.get("collectedOn"));
        switch (row.get("applies")) {
            case "yes" -> assertTrue(population.appliesTo(patient, collectedOn));
            case "no" -> assertFalse(population.appliesTo(patient, collectedOn));
            case "error" -> {
                DomainException.Invalid refused =
                        assertThrows(DomainException.Invalid.class, () -> population.appliesTo(patient, collectedOn));
                assertEquals("birthDate", refused.errors().get(0).field());
            }
            default -> throw new AssertionError("unknown 'applies' value '" + row.get("applies") + "'");
        }
    }

    private static <T> Optional<T> cell(CSVRecord row, String column, Function<String, T> parse) {
        String value = row.get(column).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(parse.apply(value));
    }

    private static List<CSVRecord> readTable() throws IOException {
        String dir = PROPERTIES.stream()
                .map(System::getProperty)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        assertNotNull(
                dir, "none of the system properties " + PROPERTIES + " is set (the root pom sets it for surefire)");
        Path table = Path.of(dir, "population-applicability.csv");
        assertTrue(Files.isRegularFile(table), "the shared table is missing: " + table.toAbsolutePath());
        try (Reader in = Files.newBufferedReader(table, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }
}
