package org.labrange.ranges.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * PostgreSQL itself keeps revisions immutable, gapless and sane, whatever the application does. Each refusal
 * is pinned to the SQLState and the constraint or trigger function of the migrations that must give it, so a
 * statement refused for another reason (a typo, or a different guard firing first) fails the test.
 */
@QuarkusTest
class DatabaseIntegrityTest {

    private static final String LABCORP = "'" + SeededRangesTest.LABCORP + "'";

    /** SQLStates PostgreSQL uses for these refusals. */
    private static final String APPEND_ONLY = "42501"; // insufficient_privilege, raised by refuse_change()

    private static final String NUMBERING = "23000"; // integrity_constraint_violation, range_revision_before_insert()
    private static final String CHECK = "23514"; // check_violation
    private static final String FOREIGN_KEY = "23503"; // foreign_key_violation

    @Inject
    AgroalDataSource dataSource;

    @Test
    void revisionsCannotBeUpdatedDeletedOrTruncated() {
        assertRefusedByTrigger(
                "UPDATE range_revision SET high = 99 WHERE range_id = " + LABCORP,
                APPEND_ONLY,
                "refuse_change",
                "range_revision is append-only: UPDATE");
        assertRefusedByTrigger(
                "DELETE FROM range_revision WHERE range_id = " + LABCORP,
                APPEND_ONLY,
                "refuse_change",
                "range_revision is append-only: DELETE");
        assertRefusedByTrigger(
                "TRUNCATE range_revision CASCADE",
                APPEND_ONLY,
                "refuse_change",
                "range_revision is append-only: TRUNCATE");
        assertRefusedByTrigger(
                "DELETE FROM range_identity WHERE id = " + LABCORP,
                APPEND_ONLY,
                "refuse_change",
                "range_identity is append-only: DELETE");
        assertRefusedByTrigger(
                "UPDATE audit_entry SET reason = 'rewritten'",
                APPEND_ONLY,
                "refuse_change",
                "audit_entry is append-only: UPDATE");
        assertEquals(1, count("SELECT count(*) FROM range_revision WHERE range_id = " + LABCORP + " AND high = 2.4"));
    }

    @Test
    void revisionNumbersCannotSkipOrRepeat() {
        int next = nextRevision();
        assertRefusedByTrigger(
                insert(next + 1, "REVISE", "0.6", "2.4"),
                NUMBERING,
                "range_revision_before_insert",
                "would leave a gap or duplicate");
        assertRefusedByTrigger(
                insert(1, "CREATE", "0.6", "2.4"),
                NUMBERING,
                "range_revision_before_insert",
                "would leave a gap or duplicate");
    }

    @Test
    void boundsUnitsAndCategoriesAreCheckedByTheDatabase() {
        int next = nextRevision();
        assertRefusedByConstraint(insert(next, "REVISE", "3", "2"), CHECK, "range_revision_low_not_above_high");
        assertRefusedByConstraint(insert(next, "REVISE", "NULL", "NULL"), CHECK, "range_revision_has_a_bound");
        assertRefusedByConstraint(
                insert(next, "REVISE", "0.6", "2.4").replace("'mg/L'", "'mg per L'"),
                CHECK,
                "range_revision_unit_shape");
        assertRefusedByConstraint(insert(next, "REVISE", "-1", "2.4"), CHECK, "range_revision_bounds_plausible");
        assertRefusedByConstraint(
                "INSERT INTO range_identity (id, analyte_code, source_code, category) VALUES "
                        + "(gen_random_uuid(), '1952-1', 'labcorp', 'NORMALISH')",
                CHECK,
                "range_identity_category_check");
    }

    @Test
    void analyteRevisionsAreAppendOnlyLikeRangeRevisions() {
        assertRefusedByTrigger(
                "UPDATE analyte_revision SET unit = 'g/L' WHERE analyte_code = '1952-1'",
                APPEND_ONLY,
                "refuse_change",
                "analyte_revision is append-only: UPDATE");
        assertRefusedByTrigger(
                "DELETE FROM analyte_revision WHERE analyte_code = '1952-1'",
                APPEND_ONLY,
                "refuse_change",
                "analyte_revision is append-only: DELETE");
        assertRefusedByTrigger(
                "TRUNCATE analyte_revision CASCADE",
                APPEND_ONLY,
                "refuse_change",
                "analyte_revision is append-only: TRUNCATE");
        assertRefusedByTrigger(
                "DELETE FROM analyte WHERE code = '1953-9'",
                APPEND_ONLY,
                "refuse_change",
                "analyte is append-only: DELETE");
        assertEquals(1, count("SELECT count(*) FROM analyte_revision WHERE analyte_code = '1952-1' AND unit = 'mg/L'"));
    }

    @Test
    void analyteRevisionNumbersCannotSkipOrRepeatAndNeedAnAuthorAndReason() {
        int next = (int) count("SELECT max(revision) + 1 FROM analyte_revision WHERE analyte_code = '1953-9'");
        assertRefusedByTrigger(
                analyteInsert("1953-9", next + 1, "'sql'", "'direct insert'"),
                NUMBERING,
                "analyte_revision_before_insert",
                "would leave a gap or duplicate");
        assertRefusedByTrigger(
                analyteInsert("1953-9", 1, "'sql'", "'direct insert'"),
                NUMBERING,
                "analyte_revision_before_insert",
                "would leave a gap or duplicate");
        assertRefusedByConstraint(
                analyteInsert("1953-9", next, "' '", "'direct insert'"), CHECK, "analyte_revision_recorded_by_check");
        assertRefusedByConstraint(analyteInsert("1953-9", next, "'sql'", "''"), CHECK, "analyte_revision_reason_check");
        assertRefusedByConstraint(
                analyteInsert("no-such-analyte", 1, "'sql'", "'direct insert'"),
                FOREIGN_KEY,
                "analyte_revision_analyte_code_fkey");
    }

    @Test
    void analyteRevisionTakesTheSharedChangeSequenceAndTheDatabaseClock() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                long before = single(s, "SELECT max(seq) FROM change_entry");
                int next =
                        (int) single(s, "SELECT max(revision) + 1 FROM analyte_revision WHERE analyte_code = '1953-9'");
                s.executeUpdate(analyteInsert("1953-9", next, "'sql'", "'direct insert'")
                        .replace("(analyte_code,", "(seq, recorded_at, analyte_code,")
                        .replace("VALUES (", "VALUES (1, TIMESTAMPTZ '2000-01-01 00:00:00Z', "));
                assertTrue(
                        single(
                                        s,
                                        "SELECT seq FROM analyte_revision WHERE analyte_code = '1953-9' AND revision = "
                                                + next)
                                > before,
                        "the sequence sent is replaced by the next one of the shared change sequence");
                assertEquals(
                        0,
                        single(
                                s,
                                "SELECT count(*) FROM analyte_revision WHERE recorded_at < TIMESTAMPTZ '2001-01-01Z'"),
                        "the recording time sent is replaced by the database's clock");
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String analyteInsert(String code, int revision, String author, String reason) {
        return "INSERT INTO analyte_revision (analyte_code, revision, action, status, display_name, specimen, unit, "
                + "recorded_by, reason) VALUES ('" + code + "', " + revision + ", '"
                + (revision == 1 ? "CREATE" : "REVISE")
                + "', 'ACTIVE', 'B2M urine', 'URINE', 'mg/L', " + author + ", " + reason + ")";
    }

    private static String insert(int revision, String action, String low, String high) {
        return "INSERT INTO range_revision (range_id, revision, action, status, low, low_inclusive, high, high_inclusive, "
                + "unit, sex, age_unit, effective_from, recorded_by, reason) VALUES (" + LABCORP + ", " + revision
                + ", '"
                + action + "', 'ACTIVE', " + low + ", true, " + high
                + ", true, 'mg/L', 'ANY', 'YEARS', DATE '2030-01-01', "
                + "'sql', 'direct insert')";
    }

    private void assertRefusedByConstraint(String sql, String sqlState, String constraint) {
        ServerErrorMessage error = refusal(sql, sqlState);
        assertEquals(constraint, error.getConstraint(), "constraint that refused: " + sql);
    }

    private void assertRefusedByTrigger(String sql, String sqlState, String function, String message) {
        ServerErrorMessage error = refusal(sql, sqlState);
        assertNotNull(error.getWhere(), "no trigger context for: " + sql);
        assertTrue(error.getWhere().contains("function " + function + "()"), error.getWhere());
        assertTrue(error.getMessage().contains(message), error.getMessage());
    }

    private ServerErrorMessage refusal(String sql, String sqlState) {
        SQLException refused = assertThrows(
                SQLException.class,
                () -> {
                    try (Connection c = dataSource.getConnection();
                            Statement s = c.createStatement()) {
                        s.execute(sql);
                    }
                },
                sql);
        assertEquals(sqlState, refused.getSQLState(), refused.getMessage());
        PSQLException server = assertInstanceOfPsql(refused);
        assertNotNull(server.getServerErrorMessage(), "no server error message for: " + sql);
        return server.getServerErrorMessage();
    }

    private static PSQLException assertInstanceOfPsql(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql) {
                return psql;
            }
        }
        throw new AssertionError("not a PostgreSQL error: " + e);
    }

    private int nextRevision() {
        return (int) count("SELECT max(revision) + 1 FROM range_revision WHERE range_id = " + LABCORP);
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
