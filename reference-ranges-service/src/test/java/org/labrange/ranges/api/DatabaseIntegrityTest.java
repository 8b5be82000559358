package org.labrange.ranges.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** PostgreSQL itself keeps revisions immutable, gapless and sane, whatever the application does. */
@QuarkusTest
class DatabaseIntegrityTest {

    private static final String LABCORP = "'" + SeededRangesTest.LABCORP + "'";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void revisionsCannotBeUpdatedDeletedOrTruncated() {
        assertRefused("UPDATE range_revision SET high = 99 WHERE range_id = " + LABCORP);
        assertRefused("DELETE FROM range_revision WHERE range_id = " + LABCORP);
        assertRefused("TRUNCATE range_revision CASCADE");
        assertRefused("DELETE FROM range_identity WHERE id = " + LABCORP);
        assertRefused("UPDATE audit_entry SET reason = 'rewritten'");
        assertEquals(1, count("SELECT count(*) FROM range_revision WHERE range_id = " + LABCORP + " AND high = 2.4"));
    }

    @Test
    void revisionNumbersCannotSkipOrRepeat() {
        assertRefused(insert(3, "REVISE", "0.6", "2.4"));
        assertRefused(insert(1, "CREATE", "0.6", "2.4"));
    }

    @Test
    void boundsUnitsAndCategoriesAreCheckedByTheDatabase() {
        assertRefused(insert(2, "REVISE", "3", "2"));
        assertRefused(insert(2, "REVISE", "NULL", "NULL"));
        assertRefused(insert(2, "REVISE", "0.6", "2.4").replace("'mg/L'", "'furlongs'"));
        assertRefused("INSERT INTO range_identity (id, analyte_code, source_code, category) VALUES "
                + "(gen_random_uuid(), '1952-1', 'labcorp', 'NORMALISH')");
    }

    private static String insert(int revision, String action, String low, String high) {
        return "INSERT INTO range_revision (range_id, revision, action, status, low, low_inclusive, high, high_inclusive, "
                + "unit, sex, age_unit, effective_from, recorded_by, reason) VALUES (" + LABCORP + ", " + revision
                + ", '"
                + action + "', 'ACTIVE', " + low + ", true, " + high
                + ", true, 'mg/L', 'ANY', 'YEARS', DATE '2030-01-01', "
                + "'sql', 'direct insert')";
    }

    private void assertRefused(String sql) {
        assertThrows(
                SQLException.class,
                () -> {
                    try (Connection c = dataSource.getConnection();
                            Statement s = c.createStatement()) {
                        s.execute(sql);
                    }
                },
                sql);
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
