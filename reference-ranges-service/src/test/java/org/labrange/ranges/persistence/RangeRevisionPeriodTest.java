package org.labrange.ranges.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The view range_revision_period (rewritten in V4 to compute periods in one pass per range) gives exactly
 * the rows of its first definition (V1), which derived each revision's effective_to with a subquery over
 * all later revisions of the range. That first definition is kept here, word for word, as the oracle.
 *
 * <p>Each test writes its revisions in its own transaction and rolls it back, so the ranges it makes never
 * reach the other tests (revisions cannot be deleted).
 */
@QuarkusTest
class RangeRevisionPeriodTest {

    /** The V1 view's query: the definition of effective_to that V4 must reproduce. */
    private static final String PERIODS_AS_DEFINED_IN_V1 = """
            SELECT r.seq, r.range_id, r.revision, r.effective_from,
                   (SELECT min(l.effective_from) FROM range_revision l
                     WHERE l.range_id = r.range_id AND l.revision > r.revision) AS effective_to
              FROM range_revision r""";

    private static final String PERIODS_FROM_VIEW =
            "SELECT seq, range_id, revision, effective_from, effective_to FROM range_revision_period";

    private static final String SOURCE = "period-view-test";
    private static final String ANALYTE = "PERIOD-VIEW-TEST";

    @Inject
    AgroalDataSource dataSource;

    record Period(long seq, UUID rangeId, int revision, LocalDate effectiveFrom, LocalDate effectiveTo) {}

    /**
     * Revision histories written as "[RETIRE ]yyyy-mm-dd", one per revision in recording order, and the
     * effective_to each revision must get ("open" for none).
     */
    static Stream<Arguments> histories() {
        return Stream.of(
                Arguments.of("single revision stays open", List.of("2024-01-01"), List.of("open")),
                Arguments.of(
                        "later revision with a later date ends the earlier one on that date",
                        List.of("2024-01-01", "2024-06-01"),
                        List.of("2024-06-01", "open")),
                Arguments.of(
                        "later revision with the same date leaves the earlier one an empty period",
                        List.of("2024-01-01", "2024-01-01"),
                        List.of("2024-01-01", "open")),
                Arguments.of(
                        "later revision with an earlier date cuts off every earlier revision from its date",
                        List.of("2024-01-01", "2024-06-01", "2024-03-01"),
                        List.of("2024-03-01", "2024-03-01", "open")),
                Arguments.of(
                        "earliest date in the middle of the history bounds all revisions before it",
                        List.of("2024-03-01", "2024-01-01", "2024-02-01", "2024-12-01"),
                        List.of("2024-01-01", "2024-02-01", "2024-12-01", "open")),
                Arguments.of(
                        "backdated correction before the first revision empties everything before it",
                        List.of("2024-05-01", "2024-07-01", "2023-01-01", "2024-09-01"),
                        List.of("2023-01-01", "2023-01-01", "2024-09-01", "open")),
                Arguments.of(
                        "retirement ends the last revision on its date",
                        List.of("2024-01-01", "2024-06-01", "RETIRE 2024-09-01"),
                        List.of("2024-06-01", "2024-09-01", "open")),
                Arguments.of(
                        "backdated retirement cuts off a revision that starts after it",
                        List.of("2024-01-01", "2024-06-01", "RETIRE 2024-03-01"),
                        List.of("2024-03-01", "2024-03-01", "open")),
                Arguments.of(
                        "revision recorded after a retirement ends the retirement on its date",
                        List.of("2024-01-01", "RETIRE 2024-06-01", "2024-09-01"),
                        List.of("2024-06-01", "2024-09-01", "open")),
                Arguments.of(
                        "revision recorded after a retirement with an earlier date replaces the retirement",
                        List.of("2024-01-01", "RETIRE 2024-06-01", "2024-02-01"),
                        List.of("2024-02-01", "2024-02-01", "open")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void viewGivesTheExpectedPeriodsAndAgreesWithTheV1Definition(
            String name, List<String> revisions, List<String> expectedTo) throws SQLException {
        inRolledBackTransaction(c -> {
            UUID range = createRange(c, revisions);

            List<Period> fromView = periods(c, PERIODS_FROM_VIEW + " WHERE range_id = ? ORDER BY revision", range);
            List<LocalDate> expected = expectedTo.stream()
                    .map(t -> t.equals("open") ? null : LocalDate.parse(t))
                    .toList();
            assertEquals(expected, fromView.stream().map(Period::effectiveTo).toList(), name);
            assertEquals(
                    periods(c, PERIODS_AS_DEFINED_IN_V1 + " WHERE r.range_id = ? ORDER BY r.revision", range),
                    fromView,
                    name);
        });
    }

    @Test
    void viewAgreesWithTheV1DefinitionRowForRowOnRandomHistories() throws SQLException {
        Random random = new Random(20240917L); // fixed, so a failure can be replayed
        inRolledBackTransaction(c -> {
            List<UUID> ranges = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                ranges.add(createRange(c, randomHistory(random)));
            }

            // every row of the view, including the seeded ranges and those other tests wrote
            List<Period> all = periods(c, PERIODS_FROM_VIEW + " ORDER BY seq");
            assertEquals(periods(c, PERIODS_AS_DEFINED_IN_V1 + " ORDER BY r.seq"), all);
            assertTrue(all.size() > 300, "the random histories are in the comparison");

            // and the way RangeStore reads it: one range at a time
            for (UUID range : ranges.subList(0, 50)) {
                assertEquals(
                        periods(c, PERIODS_AS_DEFINED_IN_V1 + " WHERE r.range_id = ? ORDER BY r.revision", range),
                        periods(c, PERIODS_FROM_VIEW + " WHERE range_id = ? ORDER BY revision", range));
            }
        });
    }

    /**
     * 1 to 25 revisions with dates drawn from a few weeks, so that equal, earlier and later dates all
     * occur often; about one revision in six after the first is a retirement.
     */
    private static List<String> randomHistory(Random random) {
        int count = 1 + random.nextInt(25);
        List<String> history = new ArrayList<>(count);
        LocalDate base = LocalDate.of(2024, 1, 1);
        for (int revision = 1; revision <= count; revision++) {
            String date = base.plusDays(random.nextInt(21)).toString();
            history.add(revision > 1 && random.nextInt(6) == 0 ? "RETIRE " + date : date);
        }
        return history;
    }

    private static UUID createRange(Connection c, List<String> revisions) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement identity =
                c.prepareStatement("INSERT INTO range_identity (id, analyte_code, source_code,"
                        + " category) VALUES (?, '" + ANALYTE + "', '" + SOURCE + "', 'REFERENCE')")) {
            identity.setObject(1, id);
            identity.executeUpdate();
        }
        try (PreparedStatement revision = c.prepareStatement(
                "INSERT INTO range_revision (range_id, revision, action,"
                        + " status, low, low_inclusive, high, high_inclusive, unit, sex, age_unit, effective_from, recorded_by,"
                        + " reason) VALUES (?, ?, ?, ?, 0.5, true, 2.5, true, 'mg/L', 'ANY', 'YEARS', ?, 'test', 'period view')")) {
            int number = 1;
            for (String step : revisions) {
                boolean retire = step.startsWith("RETIRE ");
                revision.setObject(1, id);
                revision.setInt(2, number);
                revision.setString(3, number == 1 ? "CREATE" : retire ? "RETIRE" : "REVISE");
                revision.setString(4, retire ? "RETIRED" : "ACTIVE");
                revision.setDate(5, Date.valueOf(LocalDate.parse(retire ? step.substring("RETIRE ".length()) : step)));
                revision.executeUpdate();
                number++;
            }
        }
        return id;
    }

    private static List<Period> periods(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            List<Period> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Date to = rs.getDate("effective_to");
                    rows.add(new Period(
                            rs.getLong("seq"),
                            rs.getObject("range_id", UUID.class),
                            rs.getInt("revision"),
                            rs.getDate("effective_from").toLocalDate(),
                            to == null ? null : to.toLocalDate()));
                }
            }
            return rows;
        }
    }

    interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inRolledBackTransaction(Work work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO source (code, name, kind, citation) VALUES ('" + SOURCE + "',"
                        + " 'Period view test', 'LAB', 'test data, rolled back')");
                s.executeUpdate("INSERT INTO analyte (code) VALUES ('" + ANALYTE + "')");
                s.executeUpdate("INSERT INTO analyte_revision (analyte_code, revision, action, status, display_name,"
                        + " specimen, unit, recorded_by, reason) VALUES ('" + ANALYTE + "', 1, 'CREATE', 'ACTIVE',"
                        + " 'Period view test', 'SERUM_PLASMA', 'mg/L', 'sql', 'test data, rolled back')");
                work.run(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }
}
