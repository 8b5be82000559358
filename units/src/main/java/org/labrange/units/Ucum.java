package org.labrange.units;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.fhir.ucum.UcumService;

/**
 * UCUM as the project uses it, over the essence file that ships inside {@code org.fhir:ucum}. Thread-safe: the
 * underlying service is not documented as such, so every call into it holds this object's lock (callers that
 * convert often cache the {@link Conversion} they get).
 *
 * <p>The spellings people type are mapped to UCUM here and nowhere else ({@link #toUcum(String)}):
 *
 * <ul>
 *   <li>spaces are dropped; the micro signs {@code µ} (U+00B5) and {@code μ} (U+03BC) and the prefix {@code mcg}
 *       become {@code u} and {@code ug};
 *   <li>{@code 10^9/L} and {@code x10^9/L} become {@code 10*9/L};
 *   <li>{@code IU} (international unit) becomes UCUM's {@code [IU]}; what an international unit weighs is specific
 *       to each substance, so it converts only to other {@code [IU]} units;
 *   <li>a unit written without lower-case letters ({@code MG/L}, {@code MCG/ML}, {@code NMOL/L}, as lab systems
 *       often send) is read case-folded, as UCUM's case-insensitive form does ({@code MG/L} is milligram per litre,
 *       not megagauss per litre), and so is a mixed-case unit that is not valid as written ({@code mg/DL});
 *   <li>anything else is returned unchanged, so that validation reports UCUM's own reason.
 * </ul>
 */
public final class Ucum {

    private static final Pattern POWER_OF_TEN = Pattern.compile("^[xX×]?10\\^");
    private static final Pattern INTERNATIONAL_UNIT = Pattern.compile("(?<![\\[A-Za-z])([kmunp]?)IU(?![A-Za-z\\]])");
    /** After case folding, a lone u (with a prefix) is the enzyme unit U, never the atomic mass unit. */
    private static final Pattern FOLDED_ENZYME_UNIT = Pattern.compile("(?<![A-Za-z\\[])([kmunp]?)u(?![A-Za-z\\]])");
    /** Atoms that count moles (mol, eq) or moles per time (kat, U), with any prefix. */
    private static final Pattern MOLAR_ATOM =
            Pattern.compile("(?<![A-Za-z\\[])(da|[YZEPTGMkhdcmunpfazy])?(mol|eq|kat|U)(?![A-Za-z\\]])");
    /** Arbitrary units ([IU], [arb'U], [CFU]…): commensurable only with units built on the same one. */
    private static final Pattern ARBITRARY_ATOM = Pattern.compile("\\[[^\\]]*U\\]");

    private final UcumService ucum;

    private Ucum(UcumService ucum) {
        this.ucum = ucum;
    }

    private static final class Bundled {
        static final Ucum INSTANCE = load();

        private static Ucum load() {
            try (InputStream in = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
                if (in == null) {
                    throw new IllegalStateException("ucum-essence.xml is missing from the class path");
                }
                return new Ucum(new UcumEssenceService(in));
            } catch (IOException | UcumException e) {
                throw new IllegalStateException("the UCUM essence could not be read", e);
            }
        }
    }

    /** The shared instance over the bundled UCUM essence (loaded once, on first use). */
    public static Ucum bundled() {
        return Bundled.INSTANCE;
    }

    /** The UCUM code for a unit as people write it; see the class comment for the mappings. */
    public synchronized String toUcum(String spelling) {
        String u = spelling.trim()
                .replace(" ", "")
                .replace("µ", "u")
                .replace("μ", "u")
                .replace("mcg", "ug");
        u = POWER_OF_TEN.matcher(u).replaceFirst("10*");
        u = INTERNATIONAL_UNIT.matcher(u).replaceAll("$1[IU]");
        boolean noLowerCase = u.chars().noneMatch(Character::isLowerCase);
        if (!noLowerCase && ucum.validate(u) == null) {
            return u;
        }
        String folded = FOLDED_ENZYME_UNIT
                .matcher(u.toLowerCase(Locale.ROOT).replace("mcg", "ug").replace("[iu]", "[IU]"))
                .replaceAll("$1U");
        // litre is conventionally written L; lower-case l is valid UCUM too
        String withLitre = folded.replaceAll("l$", "L").replace("l/", "L/");
        if (ucum.validate(withLitre) == null) {
            return withLitre;
        }
        if (ucum.validate(folded) == null) {
            return folded;
        }
        return u;
    }

    /** Empty when {@code unit} is a valid UCUM code as written, otherwise UCUM's reason. */
    public synchronized Optional<String> invalid(String unit) {
        if (unit == null || unit.isBlank()) {
            return Optional.of("a unit is required");
        }
        return Optional.ofNullable(ucum.validate(unit));
    }

    /** The dimension of a valid UCUM code; throws {@link UnitException} when it is not one. */
    public synchronized Dimension dimensionOf(String unit) {
        requireValid(unit);
        return classify(unit);
    }

    /** UCUM's canonical form of a valid code, e.g. {@code g.m-3} for {@code mg/L}. */
    public synchronized String canonical(String unit) {
        requireValid(unit);
        try {
            return ucum.getCanonicalUnits(unit);
        } catch (UcumException e) {
            throw new UnitException("'" + unit + "' has no canonical form (" + e.getMessage() + ")", null, null);
        }
    }

    /** Whether {@link #conversion} would succeed. */
    public boolean commensurable(String from, String to, OptionalDouble molarMass) {
        try {
            conversion(from, to, molarMass);
            return true;
        } catch (UnitException e) {
            return false;
        }
    }

    /**
     * How to convert a value in {@code from} to {@code to} (both as people write them; see {@link #toUcum}). Units of
     * the same dimension convert by UCUM; mass and amount of substance convert through {@code molarMass} (g/mol).
     *
     * @throws UnitException naming both dimensions when they differ and no molar mass bridges them
     */
    public synchronized Conversion conversion(String from, String to, OptionalDouble molarMass) {
        String source = toUcum(from);
        String target = toUcum(to);
        requireValid(source);
        requireValid(target);
        try {
            if (comparable(source, target)) {
                return new Conversion(source, target, factor(source, target), false);
            }
            Dimension sourceDimension = classify(source);
            Dimension targetDimension = classify(target);
            if (sourceDimension
                    .molarCounterpart()
                    .filter(targetDimension::equals)
                    .isPresent()) {
                if (molarMass.isEmpty()) {
                    throw new UnitException(
                            sourceDimension.label() + " and " + targetDimension.label()
                                    + " convert only through a molar mass, and none is on file",
                            sourceDimension,
                            targetDimension);
                }
                double grams = molarMass.getAsDouble();
                double toProbe = factor(source, sourceDimension.probe().orElseThrow());
                double fromProbe = factor(targetDimension.probe().orElseThrow(), target);
                double molar = sourceDimension.isMassSide() ? 1 / grams : grams;
                return new Conversion(source, target, toProbe * molar * fromProbe, true);
            }
            throw new UnitException(
                    describe(source, sourceDimension) + " cannot be converted to " + describe(target, targetDimension),
                    sourceDimension,
                    targetDimension);
        } catch (UcumException e) {
            throw new UnitException(
                    "'" + source + "' cannot be converted to '" + target + "' (" + e.getMessage() + ")", null, null);
        }
    }

    private void requireValid(String unit) {
        invalid(unit).ifPresent(reason -> {
            throw new UnitException("'" + unit + "' is not a UCUM unit (" + reason + ")", null, null);
        });
    }

    private Dimension classify(String unit) {
        for (Dimension dimension : Dimension.values()) {
            Optional<String> probe = dimension.probe();
            if (probe.isPresent() && comparable(unit, probe.get())) {
                return dimension;
            }
        }
        return Dimension.OTHER;
    }

    private String describe(String unit, Dimension dimension) {
        if (dimension != Dimension.OTHER) {
            return "'" + unit + "' (" + dimension.label() + ")";
        }
        try {
            return "'" + unit + "' (a quantity in " + ucum.getCanonicalUnits(unit) + ")";
        } catch (UcumException e) {
            return "'" + unit + "'";
        }
    }

    /**
     * UCUM treats the mole as a plain number (6.022…×10^23), so on its own it finds 10*9/L and mol/L
     * commensurable. A laboratory does not: a count of cells is not an amount of substance. So two units compare
     * only when UCUM says so, both or neither count moles, and both build on the same arbitrary units.
     */
    private boolean comparable(String a, String b) {
        if (MOLAR_ATOM.matcher(a).find() != MOLAR_ATOM.matcher(b).find()
                || !arbitraryAtoms(a).equals(arbitraryAtoms(b))) {
            return false;
        }
        try {
            return ucum.isComparable(a, b);
        } catch (UcumException | RuntimeException e) {
            // arbitrary and special units (e.g. [IU], Cel) are comparable with nothing UCUM can reduce
            return a.equals(b);
        }
    }

    private static java.util.Set<String> arbitraryAtoms(String unit) {
        java.util.Set<String> atoms = new java.util.TreeSet<>();
        java.util.regex.Matcher m = ARBITRARY_ATOM.matcher(unit);
        while (m.find()) {
            atoms.add(m.group());
        }
        return atoms;
    }

    private double factor(String from, String to) throws UcumException {
        if (from.equals(to)) {
            return 1;
        }
        Decimal zero = ucum.convert(new Decimal(0), from, to);
        if (new BigDecimal(zero.asDecimal()).signum() != 0) {
            throw new UnitException(
                    "'" + from + "' and '" + to + "' differ by an offset (a temperature scale), not a factor",
                    null,
                    null);
        }
        return new BigDecimal(ucum.convert(new Decimal(1), from, to).asDecimal()).doubleValue();
    }
}
