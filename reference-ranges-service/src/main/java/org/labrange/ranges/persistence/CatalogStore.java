package org.labrange.ranges.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.labrange.ranges.domain.Source;
import org.labrange.ranges.domain.SourceKind;

/** Reads and writes sources; answers in domain values, never entities. */
@ApplicationScoped
public class CatalogStore {

    @Inject
    EntityManager em;

    /** Every source, by code. */
    public List<Source> sources() {
        return SourceEntity.<SourceEntity>listAll().stream()
                .map(CatalogStore::source)
                .sorted(Comparator.comparing(Source::code))
                .toList();
    }

    public Optional<Source> source(String code) {
        return SourceEntity.<SourceEntity>findByIdOptional(code).map(CatalogStore::source);
    }

    public void insertSource(Source source) {
        SourceEntity entity = new SourceEntity();
        entity.code = source.code();
        copy(source, entity);
        entity.persist();
    }

    public void updateSource(Source source) {
        SourceEntity entity = SourceEntity.<SourceEntity>findByIdOptional(source.code())
                .orElseThrow(() -> new IllegalStateException("no source " + source.code()));
        copy(source, entity);
    }

    private static void copy(Source source, SourceEntity entity) {
        entity.name = source.name();
        entity.kind = source.kind().name();
        entity.citation = source.citation();
        entity.url = source.url().orElse(null);
    }

    private static Source source(SourceEntity s) {
        return new Source(s.code, s.name, SourceKind.valueOf(s.kind), s.citation, Optional.ofNullable(s.url));
    }
}
