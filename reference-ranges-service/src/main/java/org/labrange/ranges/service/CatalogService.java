package org.labrange.ranges.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.domain.SourceKind;
import org.labrange.ranges.persistence.AnalyteEntity;
import org.labrange.ranges.persistence.AuditLog;
import org.labrange.ranges.persistence.SourceEntity;

/** Analytes (read-only through the API) and range sources. */
@ApplicationScoped
public class CatalogService {

    /** What an admin sends to create or update a source. */
    public record SourceChange(String name, SourceKind kind, String citation, Optional<String> url) {}

    @Inject
    AuditLog audit;

    @Transactional
    public List<AnalyteEntity> findAnalytes(Optional<String> query) {
        List<AnalyteEntity> all = AnalyteEntity.<AnalyteEntity>listAll();
        return all.stream()
                .filter(a -> query.map(q -> matches(a, q)).orElse(true))
                .sorted(Comparator.comparing(a -> a.code))
                .toList();
    }

    @Transactional
    public AnalyteEntity analyte(String code) {
        return AnalyteEntity.<AnalyteEntity>findByIdOptional(code)
                .orElseThrow(() -> new DomainException.NotFound("No analyte with code '" + code + "'"));
    }

    @Transactional
    public boolean analyteExists(String code) {
        return AnalyteEntity.findByIdOptional(code).isPresent();
    }

    @Transactional
    public List<SourceEntity> sources() {
        return SourceEntity.<SourceEntity>listAll().stream()
                .sorted(Comparator.comparing(s -> s.code))
                .toList();
    }

    @Transactional
    public SourceEntity source(String code) {
        return SourceEntity.<SourceEntity>findByIdOptional(code)
                .orElseThrow(() -> new DomainException.NotFound("No source with code '" + code + "'"));
    }

    @Transactional
    public SourceEntity createSource(String code, SourceChange change, String author, String reason) {
        if (SourceEntity.findByIdOptional(code).isPresent()) {
            throw new DomainException.Conflict("A source with code '" + code + "' already exists");
        }
        SourceEntity source = new SourceEntity();
        source.code = code;
        apply(source, change);
        source.persist();
        audit.record(author, "SOURCE_CREATE", "SOURCE", code, reason, describe(source));
        return source;
    }

    @Transactional
    public SourceEntity updateSource(String code, SourceChange change, String author, String reason) {
        SourceEntity source = source(code);
        String before = describe(source);
        apply(source, change);
        audit.record(author, "SOURCE_UPDATE", "SOURCE", code, reason, before + " -> " + describe(source));
        return source;
    }

    private static void apply(SourceEntity source, SourceChange change) {
        source.name = change.name().strip();
        source.kind = change.kind().name();
        source.citation = change.citation().strip();
        source.url = change.url().map(String::strip).filter(u -> !u.isEmpty()).orElse(null);
    }

    private static String describe(SourceEntity s) {
        return "name=" + s.name + "; kind=" + s.kind + "; citation=" + s.citation + "; url=" + s.url;
    }

    private static boolean matches(AnalyteEntity analyte, String query) {
        String q = fold(query);
        if (q.isEmpty()) {
            return true;
        }
        return fold(analyte.code).equals(q)
                || fold(analyte.displayName).contains(q)
                || (analyte.loinc != null && fold(analyte.loinc).equals(q))
                || analyte.aliases.stream().anyMatch(alias -> fold(alias).contains(q));
    }

    /** Case- and spelling-insensitive form: "β2-Microglobulin" and "beta2 microglobulin" fold alike. */
    static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace("β", "beta").replaceAll("[\\s_-]+", "");
    }
}
