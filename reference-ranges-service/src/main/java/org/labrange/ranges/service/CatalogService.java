package org.labrange.ranges.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.labrange.ranges.domain.Analyte;
import org.labrange.ranges.domain.AnalyteRevision;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.domain.FieldError;
import org.labrange.ranges.domain.RangeStatus;
import org.labrange.ranges.domain.Source;
import org.labrange.ranges.domain.SourceKind;
import org.labrange.ranges.persistence.AnalyteStore;
import org.labrange.ranges.persistence.AuditLog;
import org.labrange.ranges.persistence.CatalogStore;
import org.labrange.ranges.persistence.RangeStore;

/** Analyte lookups and range sources. */
@ApplicationScoped
public class CatalogService {

    /** What an admin sends to create or update a source. */
    public record SourceChange(String name, SourceKind kind, String citation, Optional<String> url) {}

    @Inject
    CatalogStore store;

    @Inject
    AnalyteStore analytes;

    @Inject
    AuditLog audit;

    @Inject
    RangeStore ranges;

    /** The current revision of every analyte in use (not retired) that matches the query. */
    @Transactional
    public List<AnalyteRevision> findAnalytes(Optional<String> query) {
        return analytes.current().stream()
                .filter(r -> r.status() == RangeStatus.ACTIVE)
                .filter(r -> query.map(q -> matches(r.analyte(), q)).orElse(true))
                .toList();
    }

    @Transactional
    public List<Source> sources() {
        return store.sources();
    }

    @Transactional
    public Source source(String code) {
        return store.source(code).orElseThrow(() -> new DomainException.NotFound("No source with code '" + code + "'"));
    }

    @Transactional
    public Source createSource(String code, SourceChange change, String author, String reason) {
        // serialised with every other catalogue write, so a catalogue version read under the lock is exact
        ranges.lockWriters();
        if (store.source(code).isPresent()) {
            throw new DomainException.Conflict("A source with code '" + code + "' already exists");
        }
        Source source = apply(code, change);
        store.insertSource(source);
        audit.record(author, "SOURCE_CREATE", "SOURCE", code, reason, describe(source));
        return source;
    }

    @Transactional
    public Source updateSource(String code, SourceChange change, String author, String reason) {
        ranges.lockWriters();
        Source before = source(code);
        Source after = apply(code, change);
        store.updateSource(after);
        audit.record(author, "SOURCE_UPDATE", "SOURCE", code, reason, describe(before) + " -> " + describe(after));
        return after;
    }

    /**
     * What is wrong with a source write; field names start with {@code prefix}. The code is checked only when a
     * source is created (an existing one keeps its code).
     */
    public static List<FieldError> checkSource(String code, SourceChange change, boolean creating, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (creating && (code == null || !code.matches("[a-z0-9][a-z0-9-]{1,63}"))) {
            errors.add(new FieldError(prefix + "code", "is required: 2-64 lower-case letters, digits or dashes"));
        }
        if (change.name() == null || change.name().isBlank()) {
            errors.add(new FieldError(prefix + "name", "is required"));
        }
        if (change.kind() == null) {
            errors.add(new FieldError(prefix + "kind", "is required (LAB, TEXTBOOK, OPTIMAL or LOCAL)"));
        }
        if (change.citation() == null || change.citation().isBlank()) {
            errors.add(new FieldError(prefix + "citation", "is required: say where the ranges are published"));
        }
        return errors;
    }

    /** The source a write of {@code change} would store (texts trimmed, an empty URL dropped). */
    static Source apply(String code, SourceChange change) {
        return new Source(
                code,
                change.name().strip(),
                change.kind(),
                change.citation().strip(),
                change.url().map(String::strip).filter(u -> !u.isEmpty()));
    }

    private static String describe(Source s) {
        return "name=" + s.name() + "; kind=" + s.kind() + "; citation=" + s.citation() + "; url="
                + s.url().orElse(null);
    }

    private static boolean matches(Analyte analyte, String query) {
        String q = fold(query);
        if (q.isEmpty()) {
            return true;
        }
        return fold(analyte.code()).equals(q)
                || fold(analyte.displayName()).contains(q)
                || analyte.loinc().map(loinc -> fold(loinc).equals(q)).orElse(false)
                || analyte.aliases().stream().anyMatch(alias -> fold(alias).contains(q));
    }

    /** Case- and spelling-insensitive form: "β2-Microglobulin" and "beta2 microglobulin" fold alike. */
    private static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace("β", "beta").replaceAll("[\\s_-]+", "");
    }
}
