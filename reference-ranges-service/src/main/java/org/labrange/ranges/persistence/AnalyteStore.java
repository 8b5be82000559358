package org.labrange.ranges.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.labrange.ranges.domain.Analyte;
import org.labrange.ranges.domain.AnalyteRevision;
import org.labrange.ranges.domain.ChangeAction;
import org.labrange.ranges.domain.RangeStatus;
import org.labrange.ranges.domain.Specimen;

/**
 * Reads and appends analyte revisions. The database numbers them, gives them their place in the change sequence
 * shared with range revisions, and stamps the transaction time.
 */
@ApplicationScoped
public class AnalyteStore {

    /** Aliases travel to and from the text[] column joined by this separator, which no alias may contain. */
    private static final String SEPARATOR = "\u001f";

    private static final String COLUMNS = """
            r.seq, r.analyte_code, r.revision, r.action, r.status, r.loinc, r.display_name,
            array_to_string(r.aliases, E'\\x1f') AS aliases, r.specimen, r.unit, r.molar_mass_g_per_mol,
            r.display_precision, r.analytical_cv_percent, r.within_subject_cv_percent, r.cv_citation,
            r.recorded_at, r.recorded_by, r.reason""";

    @Inject
    EntityManager em;

    /** The latest revision of every analyte (retired ones included), by code. */
    public List<AnalyteRevision> current() {
        return run(
                "SELECT " + COLUMNS + " FROM analyte a CROSS JOIN LATERAL (SELECT * FROM analyte_revision x"
                        + " WHERE x.analyte_code = a.code ORDER BY x.revision DESC LIMIT 1) r ORDER BY a.code",
                Map.of());
    }

    public Optional<AnalyteRevision> current(String code) {
        return first(
                "SELECT " + COLUMNS + " FROM analyte_revision r WHERE r.analyte_code = :code"
                        + " ORDER BY r.revision DESC LIMIT 1",
                Map.of("code", code));
    }

    /**
     * The revision as known at {@code knownAt}: the latest one recorded by then, or revision 1 for a moment before
     * it. The seeded analytes existed before analytes had revisions, and their revision 1 restates the seed, so
     * answers given before then are reproduced with it; for an analyte created later, an earlier moment has no
     * ranges of it either, and revision 1 only names it.
     */
    public Optional<AnalyteRevision> knownAt(String code, Instant knownAt) {
        return first(
                "SELECT " + COLUMNS + " FROM analyte_revision r WHERE r.analyte_code = :code"
                        + " AND (r.recorded_at <= :knownAt OR r.revision = 1)"
                        + " ORDER BY r.revision DESC LIMIT 1",
                Map.of("code", code, "knownAt", OffsetDateTime.ofInstant(knownAt, ZoneOffset.UTC)));
    }

    /** Every revision of one analyte, oldest first. */
    public List<AnalyteRevision> history(String code) {
        return run(
                "SELECT " + COLUMNS + " FROM analyte_revision r WHERE r.analyte_code = :code ORDER BY r.revision",
                Map.of("code", code));
    }

    public Optional<AnalyteRevision> revision(String code, int revision) {
        return first(
                "SELECT " + COLUMNS + " FROM analyte_revision r WHERE r.analyte_code = :code AND r.revision = :n",
                Map.of("code", code, "n", revision));
    }

    /** Revisions of any analyte recorded after sequence {@code since}, oldest first. */
    public List<AnalyteRevision> changesSince(long since, int limit) {
        return run(
                "SELECT " + COLUMNS + " FROM analyte_revision r WHERE r.seq > :since ORDER BY r.seq LIMIT :limit",
                Map.of("since", since, "limit", limit));
    }

    /** Whether the code was ever used, retired analytes included (codes are never reused). */
    public boolean exists(String code) {
        return !em.createNativeQuery("SELECT 1 FROM analyte WHERE code = :code")
                .setParameter("code", code)
                .getResultList()
                .isEmpty();
    }

    /** The ranges of an analyte whose latest revision is active, by id. */
    @SuppressWarnings("unchecked")
    public List<UUID> liveRanges(String code) {
        List<Object> ids = em.createNativeQuery("SELECT i.id FROM range_identity i CROSS JOIN LATERAL"
                        + " (SELECT x.status FROM range_revision x WHERE x.range_id = i.id"
                        + " ORDER BY x.revision DESC LIMIT 1) r"
                        + " WHERE i.analyte_code = :code AND r.status = 'ACTIVE' ORDER BY i.id")
                .setParameter("code", code)
                .getResultList();
        return ids.stream().map(id -> (UUID) id).toList();
    }

    /** Records a new analyte identity; its revision 1 follows with {@link #append}. */
    public void createIdentity(String code) {
        em.createNativeQuery("INSERT INTO analyte (code) VALUES (:code)")
                .setParameter("code", code)
                .executeUpdate();
    }

    /** Appends a revision; the database checks numbering and values, and stamps sequence and time. */
    public AnalyteRevision append(Analyte analyte, int revision, ChangeAction action, String author, String reason) {
        Map<String, Object> p = new HashMap<>();
        p.put("code", analyte.code());
        p.put("revision", revision);
        p.put("action", action.name());
        p.put("status", action == ChangeAction.RETIRE ? RangeStatus.RETIRED.name() : RangeStatus.ACTIVE.name());
        p.put("loinc", analyte.loinc().orElse(null));
        p.put("displayName", analyte.displayName());
        p.put("aliases", String.join(SEPARATOR, analyte.aliases()));
        p.put("specimen", analyte.specimen().name());
        p.put("unit", analyte.unit());
        p.put("molarMass", analyte.molarMassGramsPerMole().orElse(null));
        p.put("precision", analyte.displayPrecision().orElse(null));
        p.put("cva", analyte.analyticalCvPercent().orElse(null));
        p.put("cvi", analyte.withinSubjectCvPercent().orElse(null));
        p.put("citation", analyte.cvCitation().orElse(null));
        p.put("author", author);
        p.put("reason", reason);
        Query insert = em.createNativeQuery("""
                INSERT INTO analyte_revision (analyte_code, revision, action, status, loinc, display_name, aliases,
                    specimen, unit, molar_mass_g_per_mol, display_precision, analytical_cv_percent,
                    within_subject_cv_percent, cv_citation, recorded_by, reason)
                VALUES (:code, :revision, :action, :status, CAST(:loinc AS text), :displayName,
                    CASE WHEN :aliases = '' THEN CAST('{}' AS text[]) ELSE string_to_array(:aliases, E'\\x1f') END,
                    :specimen, :unit, CAST(:molarMass AS numeric), CAST(:precision AS integer),
                    CAST(:cva AS numeric), CAST(:cvi AS numeric), CAST(:citation AS text), :author, :reason)""");
        p.forEach(insert::setParameter);
        insert.executeUpdate();
        return revision(analyte.code(), revision).orElseThrow();
    }

    private Optional<AnalyteRevision> first(String sql, Map<String, Object> params) {
        return run(sql, params).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private List<AnalyteRevision> run(String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql, Tuple.class);
        params.forEach(query::setParameter);
        List<Tuple> rows = query.getResultList();
        List<AnalyteRevision> result = new ArrayList<>(rows.size());
        for (Tuple t : rows) {
            String aliases = (String) t.get("aliases");
            Analyte analyte = new Analyte(
                    (String) t.get("analyte_code"),
                    Optional.ofNullable((String) t.get("loinc")),
                    (String) t.get("display_name"),
                    aliases == null || aliases.isEmpty() ? List.of() : Arrays.asList(aliases.split(SEPARATOR, -1)),
                    Specimen.valueOf((String) t.get("specimen")),
                    (String) t.get("unit"),
                    Optional.ofNullable((BigDecimal) t.get("molar_mass_g_per_mol")),
                    Optional.ofNullable((Number) t.get("display_precision")).map(Number::intValue),
                    Optional.ofNullable((BigDecimal) t.get("analytical_cv_percent")),
                    Optional.ofNullable((BigDecimal) t.get("within_subject_cv_percent")),
                    Optional.ofNullable((String) t.get("cv_citation")));
            result.add(new AnalyteRevision(
                    analyte,
                    ((Number) t.get("revision")).intValue(),
                    ((Number) t.get("seq")).longValue(),
                    ChangeAction.valueOf((String) t.get("action")),
                    RangeStatus.valueOf((String) t.get("status")),
                    instant(t.get("recorded_at")),
                    (String) t.get("recorded_by"),
                    (String) t.get("reason")));
        }
        return result;
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
