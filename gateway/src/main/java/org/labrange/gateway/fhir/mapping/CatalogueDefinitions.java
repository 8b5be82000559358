package org.labrange.gateway.fhir.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.ObservationDefinition;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.StringType;

/**
 * The range catalogue of one analyte and one source as an R4 {@code ObservationDefinition}, in every
 * version the ranges service has known.
 *
 * <p>Each recorded revision (the service's change sequence number) makes a version: {@code meta.versionId}
 * is that sequence number and the version holds, for every range, the revisions recorded up to it, each
 * with its effective period as then known. Reading an old version is "the catalogue as known at" that
 * revision; the ranges service keeps the history, nothing is rewritten.
 */
public final class CatalogueDefinitions {

    private CatalogueDefinitions() {}

    /** The id of the definition of an analyte's ranges from one source, e.g. {@code 1952-1.labcorp}. */
    public static String id(String analyte, String source) {
        return analyte + "." + source;
    }

    /** Splits an id into analyte and source; empty when it cannot be one of ours. */
    public static Optional<String[]> parts(String id) {
        int dot = id.indexOf('.');
        if (dot <= 0 || dot == id.length() - 1 || !id.matches("[A-Za-z0-9\\-.]{1,64}")) {
            return Optional.empty();
        }
        return Optional.of(new String[] {id.substring(0, dot), id.substring(dot + 1)});
    }

    /**
     * Every version, oldest first.
     *
     * @param analyte   the ranges service's analyte (code, displayName, unit)
     * @param source    source code
     * @param histories the revisions of every range of this analyte and source
     */
    public static List<ObservationDefinition> versions(
            JsonNode analyte, String source, List<List<JsonNode>> histories) {
        TreeSet<Long> sequences = new TreeSet<>();
        histories.forEach(
                history -> history.forEach(r -> sequences.add(r.path("sequence").asLong())));
        List<ObservationDefinition> versions = new ArrayList<>();
        for (long sequence : sequences) {
            versions.add(version(analyte, source, histories, sequence));
        }
        return versions;
    }

    private static ObservationDefinition version(
            JsonNode analyte, String source, List<List<JsonNode>> histories, long sequence) {
        String code = analyte.path("code").asText();
        ObservationDefinition definition = new ObservationDefinition();
        definition.setId(id(code, source));
        definition.getMeta().setVersionId(Long.toString(sequence));
        Instant lastUpdated = Instant.EPOCH;
        definition.setCode(new CodeableConcept(new Coding(
                        Vocabulary.LOINC, code, analyte.path("displayName").asText(null)))
                .setText(analyte.path("displayName").asText(code)));
        definition.addPermittedDataType(ObservationDefinition.ObservationDataType.QUANTITY);
        definition.setPreferredReportName(analyte.path("displayName").asText(code) + " — ranges of " + source);
        String unit = analyte.path("unit").asText(null);
        if (unit != null) {
            definition.getQuantitativeDetails().setUnit(new CodeableConcept(new Coding(Vocabulary.UCUM, unit, unit)));
        }
        definition.addExtension(new Extension(Vocabulary.EXT_SOURCE, new CodeType(source)));
        for (List<JsonNode> history : histories) {
            List<JsonNode> known = history.stream()
                    .filter(r -> r.path("sequence").asLong() <= sequence)
                    .sorted(Comparator.comparingLong(r -> r.path("sequence").asLong()))
                    .toList();
            for (int i = 0; i < known.size(); i++) {
                JsonNode revision = known.get(i);
                Instant recorded = Instant.parse(revision.path("recordedAt").asText("1970-01-01T00:00:00Z"));
                if (recorded.isAfter(lastUpdated)) {
                    lastUpdated = recorded;
                }
                if (isRetirement(revision)) {
                    continue;
                }
                Optional<String> until = i + 1 < known.size()
                        ? Optional.of(known.get(i + 1).path("effectiveFrom").asText())
                        : Optional.empty();
                definition.addQualifiedInterval(interval(revision, until));
            }
        }
        definition.getMeta().setLastUpdated(Date.from(lastUpdated));
        return definition;
    }

    private static boolean isRetirement(JsonNode revision) {
        return "RETIRE".equals(revision.path("action").asText())
                || "RETIRED".equals(revision.path("status").asText());
    }

    private static ObservationDefinition.ObservationDefinitionQualifiedIntervalComponent interval(
            JsonNode revision, Optional<String> effectiveTo) {
        var interval = new ObservationDefinition.ObservationDefinitionQualifiedIntervalComponent();
        String category = revision.path("category").asText("REFERENCE");
        interval.setCategory(
                switch (category) {
                    case "CRITICAL" -> ObservationDefinition.ObservationRangeCategory.CRITICAL;
                    case "ABSOLUTE" -> ObservationDefinition.ObservationRangeCategory.ABSOLUTE;
                    default -> ObservationDefinition.ObservationRangeCategory.REFERENCE;
                });
        interval.setContext(InterpretedObservations.meaning(category));
        String unit = revision.path("unit").asText();
        Range range = new Range();
        InterpretedObservations.decimal(revision.path("low"))
                .ifPresent(low -> range.setLow(InterpretedObservations.ucum(low, unit)));
        InterpretedObservations.decimal(revision.path("high"))
                .ifPresent(high -> range.setHigh(InterpretedObservations.ucum(high, unit)));
        if (range.hasLow() || range.hasHigh()) {
            interval.setRange(range);
        }
        JsonNode population = revision.path("population");
        switch (population.path("sex").asText("ANY")) {
            case "FEMALE" -> interval.setGender(Enumerations.AdministrativeGender.FEMALE);
            case "MALE" -> interval.setGender(Enumerations.AdministrativeGender.MALE);
            default -> {}
        }
        InterpretedObservations.age(population).ifPresent(interval::setAge);
        if (population.hasNonNull("condition")) {
            interval.setCondition(population.path("condition").asText());
        }
        if (population.hasNonNull("method")) {
            interval.addAppliesTo(new CodeableConcept()
                    .setText("method: " + population.path("method").asText()));
        }
        Extension ext = new Extension(Vocabulary.EXT_RANGE_REVISION);
        ext.addExtension("rangeId", new StringType(revision.path("rangeId").asText()));
        ext.addExtension("revision", new IntegerType(revision.path("revision").asInt()));
        Period effective = new Period();
        effective.setStartElement(new org.hl7.fhir.r4.model.DateTimeType(
                revision.path("effectiveFrom").asText()));
        effectiveTo.ifPresent(to -> effective.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(to)));
        ext.addExtension("effective", effective);
        ext.addExtension(
                "recordedAt",
                new org.hl7.fhir.r4.model.DateTimeType(
                        revision.path("recordedAt").asText()));
        if (revision.hasNonNull("recordedBy")) {
            ext.addExtension(
                    "recordedBy", new StringType(revision.path("recordedBy").asText()));
        }
        if (revision.hasNonNull("reason")) {
            ext.addExtension("reason", new StringType(revision.path("reason").asText()));
        }
        if (revision.hasNonNull("note")) {
            ext.addExtension("note", new StringType(revision.path("note").asText()));
        }
        interval.addExtension(ext);
        return interval;
    }

    static DateType date(String text) {
        return new DateType(text);
    }
}
