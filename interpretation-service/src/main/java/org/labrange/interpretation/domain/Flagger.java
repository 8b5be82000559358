package org.labrange.interpretation.domain;

import java.util.Optional;
import java.util.OptionalDouble;
import org.labrange.interpretation.domain.Interval.Placement;
import org.labrange.interpretation.domain.ResultInterpretation.CriticalAssessment;
import org.labrange.interpretation.domain.ResultInterpretation.OptimalAssessment;
import org.labrange.interpretation.domain.ResultInterpretation.Position;
import org.labrange.interpretation.domain.ResultInterpretation.SourceInterpretation;

/** Flags one value against one source's reference range, with its critical and optimal ranges if it has any. */
final class Flagger {

    private Flagger() {}

    static SourceInterpretation flag(
            String source, MeasuredValue value, RangeSelector.Choice reference, RangeLookup lookup) {
        CanonicalRange range = reference.range().orElseThrow();
        Interval interval = range.interval();
        Optional<CriticalAssessment> critical = Optional.empty();
        Optional<Flag> criticalFlag = Optional.empty();
        RangeSelector.Choice criticalChoice = lookup.chooseOptional(source, RangeCategory.CRITICAL);
        if (criticalChoice.range().isPresent()) {
            Optional<Placement> p = criticalChoice.range().get().interval().place(value);
            criticalFlag = p.flatMap(pl -> switch (pl) {
                case BELOW -> Optional.of(Flag.LL);
                case ABOVE -> Optional.of(Flag.HH);
                case WITHIN -> Optional.empty();
            });
            critical = Optional.of(
                    new CriticalAssessment(criticalChoice.range().get(), criticalFlag, criticalChoice.rule()));
        }
        Flag flag;
        Optional<String> note = Optional.empty();
        if (interval.isUnbounded()) {
            flag = Flag.IND;
            note = Optional.of("the range has no numeric bounds");
        } else if (criticalFlag.isPresent()) {
            flag = criticalFlag.get();
        } else {
            Optional<Placement> p = interval.place(value);
            if (p.isEmpty()) {
                flag = value.comparator().orElseThrow().isUpperLimit() ? Flag.OFF_SCALE_LOW : Flag.OFF_SCALE_HIGH;
                note = Optional.of(
                        "the censored value " + value.display() + " cannot be placed against " + range.text());
            } else {
                flag = switch (p.get()) {
                    case BELOW -> Flag.L;
                    case ABOVE -> Flag.H;
                    case WITHIN -> Flag.N;
                };
            }
        }
        Optional<OptimalAssessment> optimal = Optional.empty();
        RangeSelector.Choice optimalChoice = lookup.chooseOptional(source, RangeCategory.OPTIMAL);
        if (optimalChoice.range().isPresent()) {
            String status = optimalChoice
                    .range()
                    .get()
                    .interval()
                    .place(value)
                    .map(pl -> switch (pl) {
                        case BELOW -> "BELOW_OPTIMAL";
                        case WITHIN -> "OPTIMAL";
                        case ABOVE -> "ABOVE_OPTIMAL";
                    })
                    .orElse("UNDETERMINED");
            optimal = Optional.of(new OptimalAssessment(optimalChoice.range().get(), status, optimalChoice.rule()));
        }
        return new SourceInterpretation(
                source, flag, range, reference.rule(), position(value, interval), critical, optimal, note);
    }

    static Position position(MeasuredValue value, Interval interval) {
        if (value.isCensored()) {
            return Position.none();
        }
        double v = value.value();
        OptionalDouble multiple = interval.high().isPresent() && interval.high().getAsDouble() > 0
                ? OptionalDouble.of(Numbers.round(v / interval.high().getAsDouble(), 3))
                : OptionalDouble.empty();
        OptionalDouble percent = OptionalDouble.empty();
        if (interval.low().isPresent()
                && interval.high().isPresent()
                && interval.high().getAsDouble() > interval.low().getAsDouble()) {
            double l = interval.low().getAsDouble();
            double h = interval.high().getAsDouble();
            percent = OptionalDouble.of(Numbers.round((v - l) / (h - l) * 100.0, 1));
        }
        return new Position(multiple, percent);
    }
}
