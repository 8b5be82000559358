package org.labrange.interpretation.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalDouble;
import org.labrange.interpretation.domain.ResultInterpretation.DeltaCheck;

/**
 * Compares a result with the latest earlier result of the same analyte and patient: is the change larger than
 * the reference change value (RCV) of the analyte's published biological variation?
 */
final class DeltaChecker {

    /** Z for a two-sided 95 % reference change value. */
    static final double Z_TWO_SIDED_95 = 1.96;

    private final UnitConverter units;

    DeltaChecker(UnitConverter units) {
        this.units = units;
    }

    /** RCV in percent for a two-sided 95 % change: √2 · Z · √(CVa² + CVi²). */
    static double referenceChangeValue(double cvaPercent, double cviPercent) {
        return Math.sqrt(2) * Z_TWO_SIDED_95 * Math.sqrt(cvaPercent * cvaPercent + cviPercent * cviPercent);
    }

    DeltaCheck check(LabResult result, MeasuredValue current, Analyte analyte) {
        Optional<LabResult.PreviousResult> latest = result.previous().stream()
                .filter(p -> p.collectedAt().isBefore(result.collectedAt()))
                .max(Comparator.comparing(LabResult.PreviousResult::collectedAt));
        if (latest.isEmpty()) {
            return notPossible("no earlier result was collected before this one", Optional.empty(), Optional.empty());
        }
        LabResult.PreviousResult prev = latest.get();
        MeasuredValue previous;
        try {
            previous = MeasuredValue.parse(prev.value())
                    .scaled(units.factor(prev.unit(), analyte).factor());
        } catch (IllegalArgumentException | UnitConversionException e) {
            return notPossible(
                    "the earlier result is unusable: " + e.getMessage(),
                    Optional.empty(),
                    Optional.of(prev.collectedAt()));
        }
        if (current.isCensored() || previous.isCensored()) {
            return notPossible(
                    "a censored value has no exact change", Optional.of(previous), Optional.of(prev.collectedAt()));
        }
        double change = Numbers.roundSignificant(current.value() - previous.value());
        OptionalDouble percent = previous.value() > 0
                ? OptionalDouble.of(Numbers.round((current.value() - previous.value()) / previous.value() * 100, 2))
                : OptionalDouble.empty();
        if (!analyte.hasBiologicalVariation()) {
            return notJudged(
                    "no published analytical (CVa) and within-subject (CVi) variation for " + analyte.code(),
                    previous,
                    prev.collectedAt(),
                    change,
                    percent);
        }
        if (percent.isEmpty()) {
            return notJudged("the earlier value is not positive", previous, prev.collectedAt(), change, percent);
        }
        double rcv = referenceChangeValue(
                analyte.analyticalCvPercent().getAsDouble(),
                analyte.withinSubjectCvPercent().getAsDouble());
        double exactPercent = (current.value() - previous.value()) / previous.value() * 100;
        boolean significant = Math.abs(exactPercent) > rcv;
        Optional<Flag> flag = significant ? Optional.of(exactPercent > 0 ? Flag.U : Flag.D) : Optional.empty();
        return new DeltaCheck(
                true,
                Optional.empty(),
                Optional.of(previous),
                Optional.of(prev.collectedAt()),
                OptionalDouble.of(change),
                percent,
                OptionalDouble.of(Numbers.round(rcv, 2)),
                significant,
                flag);
    }

    /** The change is known but cannot be judged significant or not. */
    private static DeltaCheck notJudged(
            String reason, MeasuredValue previous, Instant at, double change, OptionalDouble percent) {
        return new DeltaCheck(
                false,
                Optional.of("not possible: " + reason),
                Optional.of(previous),
                Optional.of(at),
                OptionalDouble.of(change),
                percent,
                OptionalDouble.empty(),
                false,
                Optional.empty());
    }

    private static DeltaCheck notPossible(String reason, Optional<MeasuredValue> previous, Optional<Instant> at) {
        return new DeltaCheck(
                false,
                Optional.of("not possible: " + reason),
                previous,
                at,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                false,
                Optional.empty());
    }
}
