package org.labrange.ranges.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import org.labrange.units.Dimension;
import org.labrange.units.Ucum;

/** What an analyte revision must satisfy, and what its canonical unit means for the ranges written against it. */
public final class AnalyteRules {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_TEXT = 200;
    private static final int MAX_ALIASES = 50;
    private static final BigDecimal MAX_CV = new BigDecimal("1000");
    private static final int MAX_PRECISION = 6;

    private AnalyteRules() {}

    /** The analyte with its canonical unit written as UCUM (user spellings such as mcg or µ mapped). */
    public static Analyte normalised(Analyte a) {
        String unit = a.unit() == null || a.unit().isBlank()
                ? a.unit()
                : Ucum.bundled().toUcum(a.unit());
        return new Analyte(
                a.code(),
                a.loinc(),
                a.displayName() == null ? null : a.displayName().strip(),
                a.aliases().stream().map(s -> s == null ? null : s.strip()).toList(),
                a.specimen(),
                unit,
                a.molarMassGramsPerMole(),
                a.displayPrecision(),
                a.analyticalCvPercent(),
                a.withinSubjectCvPercent(),
                a.cvCitation().map(String::strip));
    }

    /** Every rule the analyte's own fields break (collisions with other analytes are checked separately). */
    public static List<FieldError> check(Analyte a) {
        List<FieldError> errors = new ArrayList<>();
        if (a.code() == null || !CODE.matcher(a.code()).matches()) {
            errors.add(new FieldError(
                    "code", "is required: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        a.loinc().flatMap(Loinc::invalid).ifPresent(reason -> errors.add(new FieldError("loinc", reason)));
        text(errors, "displayName", a.displayName(), true);
        checkAliases(a.aliases(), errors);
        if (a.specimen() == null) {
            errors.add(new FieldError("specimen", "is required (see the specimen vocabulary, e.g. SERUM_PLASMA)"));
        }
        Optional<Dimension> dimension = checkUnit(a.unit(), errors);
        a.molarMassGramsPerMole().ifPresent(m -> {
            if (m.signum() <= 0) {
                errors.add(new FieldError("molarMassGramsPerMole", "must be greater than 0 (g/mol)"));
            } else {
                dimension
                        .filter(d -> !d.molarMassApplies())
                        .ifPresent(d -> errors.add(new FieldError(
                                "molarMassGramsPerMole",
                                "means nothing for a unit of " + d.label() + " ('" + a.unit()
                                        + "'): a molar mass converts only between mass and amount of substance")));
            }
        });
        a.displayPrecision()
                .filter(p -> p < 0 || p > MAX_PRECISION)
                .ifPresent(p -> errors.add(
                        new FieldError("displayPrecision", "must be between 0 and " + MAX_PRECISION + " decimals")));
        cv(errors, "analyticalCvPercent", a.analyticalCvPercent());
        cv(errors, "withinSubjectCvPercent", a.withinSubjectCvPercent());
        boolean hasCv = a.analyticalCvPercent().isPresent()
                || a.withinSubjectCvPercent().isPresent();
        if (hasCv && a.cvCitation().filter(c -> !c.isBlank()).isEmpty()) {
            errors.add(new FieldError("cvCitation", "is required with a CV: say where the figures are published"));
        }
        a.cvCitation().ifPresent(c -> text(errors, "cvCitation", c, false));
        return errors;
    }

    /**
     * The aliases of {@code a} that another analyte with the same specimen already uses (compared without case);
     * an alias may be shared only by analytes of different specimens, so that a lookup by alias and specimen
     * stays unambiguous.
     */
    public static List<FieldError> aliasCollisions(Analyte a, List<Analyte> others) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < a.aliases().size(); i++) {
            String alias = fold(a.aliases().get(i));
            for (Analyte other : others) {
                if (other.code().equals(a.code()) || other.specimen() != a.specimen()) {
                    continue;
                }
                boolean taken = other.aliases().stream().anyMatch(o -> fold(o).equals(alias))
                        || fold(other.code()).equals(alias);
                if (taken) {
                    errors.add(new FieldError(
                            "aliases[" + i + "]",
                            "'" + a.aliases().get(i) + "' already names analyte " + other.code() + " of the same "
                                    + "specimen (" + a.specimen() + "); an alias may be shared only across specimens"));
                    break;
                }
            }
        }
        return errors;
    }

    /** The dimension of an analyte's canonical unit, as UCUM classifies it. */
    public static Dimension dimension(Analyte a) {
        return Ucum.bundled().dimensionOf(a.unit());
    }

    /** A range unit as UCUM writes it (user spellings mapped). */
    public static String rangeUnit(String spelling) {
        return Ucum.bundled().toUcum(spelling);
    }

    /**
     * Why a range in {@code unit} cannot be written for {@code analyte}, or empty when UCUM can convert it to the
     * analyte's canonical unit (through the molar mass, when the analyte has one).
     */
    public static Optional<String> rangeUnitProblem(String unit, Analyte analyte) {
        Ucum ucum = Ucum.bundled();
        Optional<String> invalid = ucum.invalid(unit);
        if (invalid.isPresent()) {
            return Optional.of("'" + unit + "' is not a UCUM unit (" + invalid.get() + ")");
        }
        OptionalDouble molarMass = analyte.molarMassGramsPerMole()
                .map(m -> OptionalDouble.of(m.doubleValue()))
                .orElse(OptionalDouble.empty());
        if (ucum.commensurable(unit, analyte.unit(), molarMass)) {
            return Optional.empty();
        }
        Dimension from = ucum.dimensionOf(unit);
        Dimension to = ucum.dimensionOf(analyte.unit());
        String bridge = from.molarCounterpart().filter(to::equals).isPresent()
                ? "; analyte " + analyte.code() + " has no molar mass to convert it"
                : "";
        return Optional.of("'" + unit + "' (" + from.label() + ") cannot be converted to analyte " + analyte.code()
                + "'s unit '" + analyte.unit() + "' (" + to.label() + ")" + bridge);
    }

    private static Optional<Dimension> checkUnit(String unit, List<FieldError> errors) {
        if (unit == null || unit.isBlank()) {
            errors.add(new FieldError("unit", "is required: the canonical UCUM unit, e.g. mg/L"));
            return Optional.empty();
        }
        Optional<String> invalid = Ucum.bundled().invalid(unit);
        if (invalid.isPresent() || unit.length() > 64) {
            errors.add(new FieldError(
                    "unit",
                    "'" + unit + "' is not a UCUM unit (" + invalid.orElse("longer than 64 characters")
                            + "); write e.g. mg/L, umol/L, U/L, 10*9/L or %"));
            return Optional.empty();
        }
        return Optional.of(Ucum.bundled().dimensionOf(unit));
    }

    private static void checkAliases(List<String> aliases, List<FieldError> errors) {
        if (aliases.size() > MAX_ALIASES) {
            errors.add(new FieldError("aliases", "at most " + MAX_ALIASES + " aliases"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < aliases.size(); i++) {
            String alias = aliases.get(i);
            String field = "aliases[" + i + "]";
            if (text(errors, field, alias, true) && !seen.add(fold(alias))) {
                errors.add(new FieldError(field, "'" + alias + "' is listed twice"));
            }
        }
    }

    private static boolean text(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required and must not be blank"));
            }
            return false;
        }
        if (value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
            return false;
        }
        if (value.chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f))) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return false;
        }
        return true;
    }

    private static void cv(List<FieldError> errors, String field, Optional<BigDecimal> value) {
        value.filter(v -> v.signum() < 0 || v.compareTo(MAX_CV) >= 0)
                .ifPresent(v -> errors.add(new FieldError(field, "must be at least 0 and below 1000 (%)")));
    }

    private static String fold(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
