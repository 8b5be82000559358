package org.labrange.ranges.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.labrange.ranges.domain.AgeUnit;
import org.labrange.ranges.domain.Category;
import org.labrange.ranges.domain.ChangeAction;
import org.labrange.ranges.domain.Population;
import org.labrange.ranges.domain.RangeContent;
import org.labrange.ranges.domain.RangeFilter;
import org.labrange.ranges.domain.RangeRevision;
import org.labrange.ranges.domain.RangeStatus;
import org.labrange.ranges.domain.Sex;

/**
 * Reads and appends range revisions. The bitemporal rule lives in the SQL here: for a valid date D and a
 * transaction time T, a range's applicable revision is the highest-numbered one recorded at or before T
 * whose effective_from is on or before D.
 */
@ApplicationScoped
public class RangeStore {

    private static final long WRITER_LOCK = 0x6c616272616e6765L; // "labrange"

    private static final String COLUMNS = """
            r.seq, r.range_id, r.revision, r.action, r.status, r.low, r.low_inclusive, r.high, r.high_inclusive,
            r.unit, r.sex, r.age_min, r.age_max, r.age_unit, r.condition, r.method, r.note, r.effective_from,
            r.recorded_at, r.recorded_by, r.reason, i.analyte_code, i.source_code, i.category""";

    /*
     * Revisions with their valid periods. The view computes periods range by range; reaching it through
     * range_id (a parameter, or range_identity's id) keeps that to the ranges asked for. Joining it on seq
     * alone would make PostgreSQL compute the periods of every range (see V4__range_periods_in_one_pass.sql).
     */
    private static final String PERIODS = " FROM range_revision_period p"
            + " JOIN range_identity i ON i.id = p.range_id"
            + " JOIN range_revision r ON r.seq = p.seq";

    /*
     * Revisions with valid periods computed from the revisions recorded at or before :knownAt only (the caller
     * adds that condition and a range_id or analyte filter): effective_to is the earliest effective_from among
     * the range's higher-numbered revisions known then, as in range_revision_period.
     */
    private static final String KNOWN_AT_PERIODS = "SELECT " + COLUMNS
            + ", min(r.effective_from) OVER (PARTITION BY r.range_id ORDER BY r.revision DESC"
            + " ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS effective_to"
            + " FROM range_revision r JOIN range_identity i ON i.id = r.range_id";

    @Inject
    EntityManager em;

    /**
     * Serialises writers of ranges and analytes until the transaction ends, so change sequence order is commit
     * order (both draw from one sequence).
     */
    public void lockWriters() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)")
                .setParameter("key", WRITER_LOCK)
                .getSingleResult();
    }

    /** The revision of each range that applies on {@code on}, as the database knew it at {@code knownAt}. */
    public List<RangeRevision> inEffect(RangeFilter filter, LocalDate on, Instant knownAt) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("on", on);
        params.put("knownAt", OffsetDateTime.ofInstant(knownAt, java.time.ZoneOffset.UTC));
        StringBuilder where = new StringBuilder("WHERE true");
        StringBuilder join = new StringBuilder();
        filter.analyte().ifPresent(a -> {
            where.append(" AND i.analyte_code = :analyte");
            params.put("analyte", a);
        });
        filter.source().ifPresent(s -> {
            where.append(" AND i.source_code = :source");
            params.put("source", s);
        });
        filter.category().ifPresent(c -> {
            where.append(" AND i.category = :category");
            params.put("category", c.name());
        });
        filter.specimen().ifPresent(s -> {
            where.append(" AND a.specimen = :specimen");
            join.append(" CROSS JOIN LATERAL (SELECT y.specimen FROM analyte_revision y"
                    + " WHERE y.analyte_code = i.analyte_code ORDER BY y.revision DESC LIMIT 1) a");
            params.put("specimen", s.name());
        });
        String sql = "SELECT " + COLUMNS + """
                , (SELECT min(l.effective_from) FROM range_revision l
                    WHERE l.range_id = r.range_id AND l.revision > r.revision AND l.recorded_at <= :knownAt) AS effective_to
                  FROM range_identity i""" + join + """
                  CROSS JOIN LATERAL (
                      SELECT * FROM range_revision x
                       WHERE x.range_id = i.id AND x.recorded_at <= :knownAt AND x.effective_from <= :on
                       ORDER BY x.revision DESC LIMIT 1) r
                """ + where
                + " ORDER BY i.analyte_code, i.source_code, i.category, r.range_id";
        return run(sql, params);
    }

    /** Every revision of one range, oldest first, with valid periods as known now. */
    public List<RangeRevision> history(UUID rangeId) {
        return run(
                "SELECT " + COLUMNS + ", p.effective_to" + PERIODS + " WHERE p.range_id = :id ORDER BY r.revision",
                Map.of("id", rangeId));
    }

    public Optional<RangeRevision> revision(UUID rangeId, int revision) {
        return run(
                        "SELECT " + COLUMNS + ", p.effective_to" + PERIODS
                                + " WHERE p.range_id = :id AND p.revision = :revision",
                        Map.of("id", rangeId, "revision", revision))
                .stream()
                .findFirst();
    }

    public Optional<RangeRevision> latest(UUID rangeId) {
        return run(
                        "SELECT " + COLUMNS + ", CAST(NULL AS date) AS effective_to FROM range_revision r"
                                + " JOIN range_identity i ON i.id = r.range_id"
                                + " WHERE r.range_id = :id ORDER BY r.revision DESC LIMIT 1",
                        Map.of("id", rangeId))
                .stream()
                .findFirst();
    }

    /** The latest revision of every range (including retired ones), e.g. to match imported rows. */
    public List<RangeRevision> latestOfEveryRange() {
        return run(
                "SELECT " + COLUMNS + ", CAST(NULL AS date) AS effective_to FROM range_identity i"
                        + " CROSS JOIN LATERAL (SELECT * FROM range_revision x WHERE x.range_id = i.id"
                        + " ORDER BY x.revision DESC LIMIT 1) r ORDER BY r.seq",
                Map.of());
    }

    /**
     * Every revision of an analyte's ranges recorded at or before {@code knownAt} whose valid period, computed
     * from those revisions only, is not empty. Revision numbers grow with recording time, so the revisions known
     * at {@code knownAt} are a prefix of each range's history and its periods are those the database answered then.
     */
    public List<RangeRevision> timelineAt(String analyteCode, Instant knownAt) {
        return run(
                "SELECT * FROM (" + KNOWN_AT_PERIODS
                        + " WHERE i.analyte_code = :analyte AND r.recorded_at <= :knownAt) t"
                        + " WHERE t.effective_to IS NULL OR t.effective_to > t.effective_from"
                        + " ORDER BY t.source_code, t.category, t.range_id, t.revision",
                Map.of("analyte", analyteCode, "knownAt", OffsetDateTime.ofInstant(knownAt, java.time.ZoneOffset.UTC)));
    }

    /** The revisions of one range recorded at or before {@code knownAt}, oldest first, with periods as known then. */
    public List<RangeRevision> historyAt(UUID rangeId, Instant knownAt) {
        return run(
                KNOWN_AT_PERIODS + " WHERE r.range_id = :id AND r.recorded_at <= :knownAt ORDER BY r.revision",
                Map.of("id", rangeId, "knownAt", OffsetDateTime.ofInstant(knownAt, java.time.ZoneOffset.UTC)));
    }

    /** A position in the change feed and when it was recorded. */
    public record Change(long sequence, Instant recordedAt) {}

    /** The latest change recorded at or before {@code knownAt}; empty when nothing had been recorded by then. */
    public Optional<Change> latestChangeAt(Instant knownAt) {
        return change(
                "SELECT seq, recorded_at FROM change_entry WHERE recorded_at <= :knownAt ORDER BY seq DESC LIMIT 1",
                Map.of("knownAt", OffsetDateTime.ofInstant(knownAt, java.time.ZoneOffset.UTC)));
    }

    /** The latest change, of a range or an analyte; empty when nothing was ever recorded. */
    public Optional<Change> latestChange() {
        return change("SELECT seq, recorded_at FROM change_entry ORDER BY seq DESC LIMIT 1", Map.of());
    }

    @SuppressWarnings("unchecked")
    private Optional<Change> change(String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql, Tuple.class);
        params.forEach(query::setParameter);
        List<Tuple> rows = query.getResultList();
        return rows.stream()
                .findFirst()
                .map(t -> new Change(((Number) t.get("seq")).longValue(), instant(t.get("recorded_at"))));
    }

    /** Revisions recorded after sequence {@code since}, oldest first. */
    public List<RangeRevision> changesSince(long since, int limit) {
        Query query = em.createNativeQuery(
                "SELECT " + COLUMNS + ", CAST(NULL AS date) AS effective_to"
                        + " FROM range_revision r JOIN range_identity i ON i.id = r.range_id"
                        + " WHERE r.seq > :since ORDER BY r.seq LIMIT :limit",
                Tuple.class);
        query.setParameter("since", since);
        query.setParameter("limit", limit);
        return map(query);
    }

    public long latestSequence() {
        Object value = em.createNativeQuery("SELECT coalesce(max(seq), 0) FROM change_entry")
                .getSingleResult();
        return ((Number) value).longValue();
    }

    /** Records a new range identity and returns its id. */
    public UUID createIdentity(String analyteCode, String sourceCode, Category category) {
        RangeIdentityEntity identity = new RangeIdentityEntity();
        identity.id = UUID.randomUUID();
        identity.analyteCode = analyteCode;
        identity.sourceCode = sourceCode;
        identity.category = category.name();
        identity.persist();
        return identity.id;
    }

    /** Appends a revision; the database checks numbering, bounds and units, and stamps recorded_at. */
    public RangeRevision append(
            UUID rangeId,
            int revision,
            ChangeAction action,
            RangeContent content,
            LocalDate effectiveFrom,
            String author,
            String reason) {
        RangeRevisionEntity row = new RangeRevisionEntity();
        row.rangeId = rangeId;
        row.revision = revision;
        row.action = action.name();
        row.status = action == ChangeAction.RETIRE ? RangeStatus.RETIRED.name() : RangeStatus.ACTIVE.name();
        row.low = content.low().orElse(null);
        row.lowInclusive = content.lowInclusive();
        row.high = content.high().orElse(null);
        row.highInclusive = content.highInclusive();
        row.unit = content.unit();
        Population population = content.population();
        row.sex = population.sex().name();
        row.ageMin = population.ageMin().orElse(null);
        row.ageMax = population.ageMax().orElse(null);
        row.ageUnit = population.ageUnit().name();
        row.condition = population.condition().orElse(null);
        row.method = population.method().orElse(null);
        row.note = content.note().orElse(null);
        row.effectiveFrom = effectiveFrom;
        row.recordedBy = author;
        row.reason = reason;
        row.persist();
        em.flush();
        return latest(rangeId).orElseThrow();
    }

    private List<RangeRevision> run(String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql, Tuple.class);
        params.forEach(query::setParameter);
        return map(query);
    }

    @SuppressWarnings("unchecked")
    private static List<RangeRevision> map(Query query) {
        List<Tuple> rows = query.getResultList();
        List<RangeRevision> result = new ArrayList<>(rows.size());
        for (Tuple t : rows) {
            Population population = new Population(
                    Sex.valueOf((String) t.get("sex")),
                    Optional.ofNullable(integer(t.get("age_min"))),
                    Optional.ofNullable(integer(t.get("age_max"))),
                    AgeUnit.valueOf((String) t.get("age_unit")),
                    Optional.ofNullable((String) t.get("condition")),
                    Optional.ofNullable((String) t.get("method")));
            RangeContent content = new RangeContent(
                    Optional.ofNullable((BigDecimal) t.get("low")),
                    (Boolean) t.get("low_inclusive"),
                    Optional.ofNullable((BigDecimal) t.get("high")),
                    (Boolean) t.get("high_inclusive"),
                    (String) t.get("unit"),
                    population,
                    Optional.ofNullable((String) t.get("note")));
            result.add(new RangeRevision(
                    (UUID) t.get("range_id"),
                    integer(t.get("revision")),
                    ((Number) t.get("seq")).longValue(),
                    (String) t.get("analyte_code"),
                    (String) t.get("source_code"),
                    Category.valueOf((String) t.get("category")),
                    ChangeAction.valueOf((String) t.get("action")),
                    RangeStatus.valueOf((String) t.get("status")),
                    content,
                    date(t.get("effective_from")),
                    Optional.ofNullable(date(t.get("effective_to"))),
                    instant(t.get("recorded_at")),
                    (String) t.get("recorded_by"),
                    (String) t.get("reason")));
        }
        return result;
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        return ((java.sql.Date) value).toLocalDate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
