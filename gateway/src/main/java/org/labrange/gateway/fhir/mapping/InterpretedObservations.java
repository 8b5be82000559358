package org.labrange.gateway.fhir.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.StringType;

/**
 * Writes the engine's answer for one result onto the FHIR Observation it came from.
 *
 * <p>Several sources, one {@code Observation.interpretation}: the primary source's flag when one is
 * configured (or asked for) and was evaluated; otherwise the flag all sources agree on; when they disagree
 * and no primary source applies, one interpretation per distinct flag, each naming its sources. Every
 * source's flag stays on its own {@code referenceRange} (extension {@link Vocabulary#EXT_RANGE_SOURCE}) and
 * the agreement extension says whether they agreed: a disagreement is never hidden.
 */
public final class InterpretedObservations {

    private static final Set<String> V3_FLAGS = Set.of("N", "L", "H", "LL", "HH", "<", ">", "IND", "U", "D", "A", "AA");
    private static final MathContext SIGNIFICANT = new MathContext(6);

    private InterpretedObservations() {}

    /** The interpreted copy of {@code observation}; the engine's result must be INTERPRETED. */
    public static Observation interpreted(Observation observation, JsonNode result, Optional<String> primarySource) {
        Observation answer = observation.copy();
        answer.getInterpretation().clear();
        answer.getReferenceRange().clear();
        answer.getExtension().removeIf(e -> Vocabulary.EXT_AGREEMENT.equals(e.getUrl()));
        BigDecimal factor =
                decimal(result.path("value").path("conversionFactor")).orElse(BigDecimal.ONE);
        String unit = answer.getValueQuantity().getCode();
        Map<String, List<String>> sourcesByFlag = new LinkedHashMap<>();
        Map<String, String> flagBySource = new LinkedHashMap<>();
        for (JsonNode interpretation : result.path("interpretations")) {
            String source = interpretation.path("source").asText();
            String flag = effectiveFlag(interpretation);
            flagBySource.put(source, flag);
            sourcesByFlag.computeIfAbsent(flag, f -> new ArrayList<>()).add(source);
            answer.addReferenceRange(referenceRange(interpretation, flag, factor, unit));
        }
        Optional<String> primary = primarySource.filter(flagBySource::containsKey);
        if (primary.isPresent()) {
            String flag = flagBySource.get(primary.get());
            answer.addInterpretation(concept(
                    flag,
                    display(flag) + " by " + primary.get() + " (primary source)"
                            + (sourcesByFlag.size() > 1 ? "; the sources disagree" : "")));
        } else {
            sourcesByFlag.forEach((flag, sources) ->
                    answer.addInterpretation(concept(flag, display(flag) + " by " + String.join(", ", sources))));
        }
        JsonNode agreement = result.path("agreement");
        Extension extension = new Extension(Vocabulary.EXT_AGREEMENT);
        extension.addExtension("unanimous", new BooleanType(sourcesByFlag.size() <= 1));
        if (agreement.hasNonNull("summary")) {
            extension.addExtension(
                    "summary", new StringType(agreement.path("summary").asText()));
        }
        primary.ifPresent(code -> extension.addExtension("primarySource", new CodeType(code)));
        answer.addExtension(extension);
        return answer;
    }

    /** The critical flag (LL, HH) when a critical limit was crossed, else the reference range's flag. */
    static String effectiveFlag(JsonNode interpretation) {
        String critical = interpretation.path("critical").path("flag").asText(null);
        String flag = critical != null && !critical.isBlank()
                ? critical
                : interpretation.path("flag").asText();
        return V3_FLAGS.contains(flag) ? flag : "IND";
    }

    private static CodeableConcept concept(String flag, String text) {
        return new CodeableConcept(new Coding(Vocabulary.V3_INTERPRETATION, flag, display(flag))).setText(text);
    }

    static String display(String flag) {
        return switch (flag) {
            case "N" -> "Normal";
            case "L" -> "Low";
            case "H" -> "High";
            case "LL" -> "Critical low";
            case "HH" -> "Critical high";
            case "<" -> "Off scale low";
            case ">" -> "Off scale high";
            case "U" -> "Significant change up";
            case "D" -> "Significant change down";
            case "A" -> "Abnormal";
            case "AA" -> "Critical abnormal";
            default -> "Indeterminate";
        };
    }

    private static Observation.ObservationReferenceRangeComponent referenceRange(
            JsonNode interpretation, String flag, BigDecimal factor, String unit) {
        JsonNode range = interpretation.path("range");
        var component = new Observation.ObservationReferenceRangeComponent();
        // bounds in the Observation's own unit: the engine compared value × factor with them
        decimal(range.path("low")).ifPresent(low -> component.setLow(quantity(low, factor, unit)));
        decimal(range.path("high")).ifPresent(high -> component.setHigh(quantity(high, factor, unit)));
        component.setType(meaning(range.path("category").asText("REFERENCE")));
        JsonNode population = range.path("population");
        String sex = population.path("sex").asText("ANY");
        if (sex.equals("FEMALE")) {
            component.addAppliesTo(new CodeableConcept(new Coding(Vocabulary.SNOMED, "248152002", "Female")));
        } else if (sex.equals("MALE")) {
            component.addAppliesTo(new CodeableConcept(new Coding(Vocabulary.SNOMED, "248153007", "Male")));
        }
        if (population.hasNonNull("condition")) {
            component.addAppliesTo(
                    new CodeableConcept().setText(population.path("condition").asText()));
        }
        age(population).ifPresent(component::setAge);
        StringBuilder text = new StringBuilder(range.path("text").asText(""));
        if (!range.path("lowInclusive").asBoolean(true)
                || !range.path("highInclusive").asBoolean(true)) {
            text.append(" (a bound is exclusive)");
        }
        text.append(" — ").append(interpretation.path("source").asText());
        component.setText(text.toString().trim());
        Extension source = new Extension(Vocabulary.EXT_RANGE_SOURCE);
        source.addExtension("source", new CodeType(interpretation.path("source").asText()));
        source.addExtension("rangeId", new StringType(range.path("rangeId").asText()));
        source.addExtension("revision", new IntegerType(range.path("revision").asInt()));
        source.addExtension("flag", new Coding(Vocabulary.V3_INTERPRETATION, flag, display(flag)));
        if (range.hasNonNull("effectiveFrom")) {
            source.addExtension(
                    "effectiveFrom", new DateType(range.path("effectiveFrom").asText()));
        }
        component.addExtension(source);
        return component;
    }

    static CodeableConcept meaning(String category) {
        // referencerange-meaning has "normal" for a reference interval; other categories are named in text
        if (category.equals("REFERENCE")) {
            return new CodeableConcept(new Coding(Vocabulary.REFERENCE_RANGE_MEANING, "normal", "Normal Range"));
        }
        if (category.equals("OPTIMAL")) {
            return new CodeableConcept(
                    new Coding(Vocabulary.REFERENCE_RANGE_MEANING, "recommended", "Recommended Range"));
        }
        return new CodeableConcept().setText(category.toLowerCase());
    }

    static Optional<Range> age(JsonNode population) {
        Optional<BigDecimal> min = decimal(population.path("ageMin"));
        Optional<BigDecimal> max = decimal(population.path("ageMax"));
        if (min.isEmpty() && max.isEmpty()) {
            return Optional.empty();
        }
        String unit = switch (population.path("ageUnit").asText("YEARS")) {
            case "DAYS" -> "d";
            case "MONTHS" -> "mo";
            default -> "a";
        };
        Range age = new Range();
        min.ifPresent(v -> age.setLow(ucum(v, unit)));
        max.ifPresent(v -> age.setHigh(ucum(v, unit)));
        return Optional.of(age);
    }

    private static Quantity quantity(BigDecimal bound, BigDecimal factor, String unit) {
        BigDecimal value = factor.compareTo(BigDecimal.ONE) == 0 ? bound : bound.divide(factor, SIGNIFICANT);
        return ucum(value, unit);
    }

    static Quantity ucum(BigDecimal value, String unit) {
        return new Quantity()
                .setValue(value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros())
                .setUnit(unit)
                .setSystem(Vocabulary.UCUM)
                .setCode(unit);
    }

    static Optional<BigDecimal> decimal(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || !node.isNumber()
                ? Optional.empty()
                : Optional.of(node.decimalValue());
    }
}
