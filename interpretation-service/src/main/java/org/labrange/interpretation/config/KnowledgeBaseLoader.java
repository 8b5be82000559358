package org.labrange.interpretation.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;
import org.labrange.interpretation.domain.Citation;
import org.labrange.interpretation.domain.KnowledgeBase;

/** Reads the versioned rules file into the domain's {@link KnowledgeBase}, failing fast on a bad file. */
public final class KnowledgeBaseLoader {

    public static final String DEFAULT_LOCATION = "knowledge/rules.json";

    private KnowledgeBaseLoader() {}

    public static KnowledgeBase fromClasspath(String location) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("rules file " + location + " not found on the class path");
            }
            return read(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read rules file " + location, e);
        }
    }

    /** The shipped rules file plus every {@code *.json} file of {@code directory}, in name order. */
    public static KnowledgeBase load(String location, Optional<Path> directory) {
        KnowledgeBase shipped = fromClasspath(location);
        if (directory.isEmpty()) {
            return shipped;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory.get())) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the knowledge directory " + directory.get(), e);
        }
        KnowledgeBase merged = shipped;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                merged = merge(
                        merged,
                        read(new ObjectMapper().readTree(in)),
                        file.getFileName().toString());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read rules file " + file, e);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(file + ": " + e.getMessage(), e);
            }
        }
        return merged;
    }

    /** One knowledge base from two; an id (citation, association, pattern) may be defined only once. */
    static KnowledgeBase merge(KnowledgeBase base, KnowledgeBase more, String name) {
        Map<String, Citation> citations = new LinkedHashMap<>(base.citations());
        more.citations().forEach((id, citation) -> {
            Citation known = citations.putIfAbsent(id, citation);
            if (known != null && !known.equals(citation)) {
                throw new IllegalStateException("citation '" + id + "' is defined differently in " + name);
            }
        });
        Set<String> ids = new HashSet<>();
        base.associations().forEach(a -> ids.add(a.id()));
        base.patterns().forEach(p -> ids.add(p.id()));
        List<KnowledgeBase.AssociationRule> associations = new ArrayList<>(base.associations());
        for (KnowledgeBase.AssociationRule a : more.associations()) {
            if (!ids.add(a.id())) {
                throw new IllegalStateException("rule id '" + a.id() + "' is defined twice");
            }
            associations.add(a);
        }
        List<KnowledgeBase.PatternRule> patterns = new ArrayList<>(base.patterns());
        for (KnowledgeBase.PatternRule p : more.patterns()) {
            if (!ids.add(p.id())) {
                throw new IllegalStateException("rule id '" + p.id() + "' is defined twice");
            }
            patterns.add(p);
        }
        return new KnowledgeBase(base.version() + "+" + more.version(), citations, associations, patterns);
    }

    static KnowledgeBase read(JsonNode root) {
        Map<String, Citation> citations = new LinkedHashMap<>();
        root.path("citations")
                .fields()
                .forEachRemaining(e -> citations.put(
                        e.getKey(),
                        new Citation(e.getKey(), required(e.getValue(), "text"), text(e.getValue(), "doi"))));
        List<KnowledgeBase.AssociationRule> associations = new ArrayList<>();
        for (JsonNode a : root.path("associations")) {
            List<String> conditions = new ArrayList<>();
            a.path("conditions").forEach(c -> conditions.add(c.asText()));
            KnowledgeBase.ResultState when = KnowledgeBase.ResultState.valueOf(required(a, "when"));
            OptionalDouble multiple =
                    multiple(a, when, "association " + a.path("id").asText());
            associations.add(new KnowledgeBase.AssociationRule(
                    required(a, "id"),
                    required(a, "analyte"),
                    when,
                    multiple,
                    required(a, "text"),
                    conditions,
                    strings(a.path("citations"))));
        }
        List<KnowledgeBase.PatternRule> patterns = new ArrayList<>();
        for (JsonNode p : root.path("patterns")) {
            List<KnowledgeBase.Requirement> requires = new ArrayList<>();
            for (JsonNode r : p.path("requires")) {
                KnowledgeBase.ResultState state = KnowledgeBase.ResultState.valueOf(required(r, "state"));
                OptionalDouble multiple =
                        multiple(r, state, "pattern " + p.path("id").asText());
                requires.add(new KnowledgeBase.Requirement(required(r, "analyte"), state, multiple));
            }
            patterns.add(new KnowledgeBase.PatternRule(
                    required(p, "id"), requires, required(p, "text"), strings(p.path("citations"))));
        }
        KnowledgeBase kb = new KnowledgeBase(required(root, "version"), citations, associations, patterns);
        associations.forEach(a -> requireCitations(kb, a.id(), a.citations()));
        patterns.forEach(p -> requireCitations(kb, p.id(), p.citations()));
        return kb;
    }

    /** The multiple of the upper limit a state needs: required for MULTIPLE_OF_UPPER_LIMIT_AT_LEAST, else none. */
    private static OptionalDouble multiple(JsonNode node, KnowledgeBase.ResultState state, String rule) {
        boolean needed = state == KnowledgeBase.ResultState.MULTIPLE_OF_UPPER_LIMIT_AT_LEAST;
        if (!node.hasNonNull("multiple")) {
            if (needed) {
                throw new IllegalStateException(rule + " needs a multiple");
            }
            return OptionalDouble.empty();
        }
        if (!needed) {
            throw new IllegalStateException(
                    rule + ": a multiple only goes with " + KnowledgeBase.ResultState.MULTIPLE_OF_UPPER_LIMIT_AT_LEAST);
        }
        double multiple = node.get("multiple").asDouble();
        if (!(multiple > 0)) {
            throw new IllegalStateException(rule + ": the multiple must be above 0");
        }
        return OptionalDouble.of(multiple);
    }

    private static void requireCitations(KnowledgeBase kb, String id, List<String> cited) {
        if (cited.isEmpty()) {
            throw new IllegalStateException("rule " + id + " cites no source");
        }
        kb.cite(cited);
    }

    private static String required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalStateException("rules file: '" + field + "' missing in " + node);
        }
        return v.asText();
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
