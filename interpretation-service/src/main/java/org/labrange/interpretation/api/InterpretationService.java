package org.labrange.interpretation.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.labrange.interpretation.api.InterpretationRequest.PatientInput;
import org.labrange.interpretation.api.InterpretationRequest.PreviousInput;
import org.labrange.interpretation.api.InterpretationRequest.ResultInput;
import org.labrange.interpretation.api.ProblemDocument.FieldError;
import org.labrange.interpretation.client.RangeCache;
import org.labrange.interpretation.client.UpstreamCall;
import org.labrange.interpretation.config.InterpretationConfig;
import org.labrange.interpretation.domain.AnalyteCatalog;
import org.labrange.interpretation.domain.AnalyteRanges;
import org.labrange.interpretation.domain.InterpretationEngine;
import org.labrange.interpretation.domain.LabResult;
import org.labrange.interpretation.domain.MeasuredValue;
import org.labrange.interpretation.domain.Patient;
import org.labrange.interpretation.domain.PatternMatch;
import org.labrange.interpretation.domain.Problem;
import org.labrange.interpretation.domain.ResultInterpretation;
import org.labrange.interpretation.domain.Sex;

/**
 * Runs a request: checks it as a whole, fetches each analyte's ranges once, lets the engine interpret every
 * result, then looks for patterns across them.
 *
 * <p>The whole request is rejected (400/413/503) only for what concerns every result: a malformed body, no
 * results, too many, an invalid patient, an unknown source code, or ranges that cannot be had. Anything about
 * one result (unknown analyte, bad value, unconvertible unit, impossible value…) rejects that result alone.
 */
@ApplicationScoped
public class InterpretationService {

    /** Clocks of labs and of this server drift; a collection this far ahead of now is still accepted. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(15);
    /** Older than any person has lived: such an age is a typo or an attack, not a patient. */
    private static final int MAX_AGE_YEARS = 150;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(InterpretationService.class);

    private final InterpretationEngine engine;
    private final RangeCache cache;
    private final InterpretationConfig config;
    private final Clock clock = Clock.systemUTC();

    public InterpretationService(InterpretationEngine engine, RangeCache cache, InterpretationConfig config) {
        this.engine = engine;
        this.cache = cache;
        this.config = config;
    }

    /** A finished batch: results in request order, patterns, and the cache state they rest on. */
    public record Outcome(
            List<ResultInterpretation> results,
            List<PatternMatch> patterns,
            RangeCache.Freshness ranges,
            String rulesVersion,
            Instant evaluatedAt) {}

    /** A result either already rejected, or ready for the engine with its resolved analyte code. */
    private record Slot(Optional<ResultInterpretation> rejected, Optional<LabResult> result, String code) {}

    public Outcome interpret(
            PatientInput patientInput, List<String> sourcesInput, List<ResultInput> inputs, UpstreamCall call) {
        List<FieldError> errors = new ArrayList<>();
        if (inputs == null || inputs.isEmpty()) {
            throw RequestRejectedException.validation(
                    List.of(new FieldError("results", "at least one result is required")));
        }
        if (inputs.size() > config.maxBatchSize()) {
            throw new RequestRejectedException(
                    413,
                    "batch-too-large",
                    "Batch too large",
                    "the batch has " + inputs.size() + " results; at most " + config.maxBatchSize()
                            + " are accepted per request",
                    List.of(new FieldError("results", "at most " + config.maxBatchSize() + " results")));
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) == null) {
                errors.add(new FieldError("results[" + i + "]", "must not be null"));
            }
        }
        Patient patient = patient(patientInput, errors);
        if (!errors.isEmpty()) {
            throw RequestRejectedException.validation(errors);
        }

        cache.checkForChanges(call);
        Optional<List<String>> sources = sources(sourcesInput, call);
        AnalyteCatalog catalog = cache.analytes(call);

        Instant now = clock.instant();
        List<Slot> prepared = new ArrayList<>(inputs.size());
        Map<String, Optional<AnalyteRanges>> rangesByCode = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            ResultInput in = inputs.get(i);
            String id = in.id() == null || in.id().isBlank() ? "r" + (i + 1) : in.id();
            List<Problem> problems = new ArrayList<>();
            Optional<LabResult> result = toLabResult(id, in, now, problems);
            AnalyteCatalog.Resolution resolution = catalog.resolve(in.analyte(), Optional.ofNullable(in.specimen()));
            resolution.problem().ifPresent(p -> problems.add(new Problem(Problem.UNKNOWN_ANALYTE, "analyte", p)));
            if (!problems.isEmpty() || result.isEmpty()) {
                prepared.add(new Slot(
                        Optional.of(ResultInterpretation.rejected(id, Optional.empty(), problems)),
                        Optional.empty(),
                        ""));
                continue;
            }
            String code = resolution.code().orElseThrow();
            // one upstream call per analyte per batch at most, none when cached
            rangesByCode.computeIfAbsent(code, c -> cache.ranges(c, call));
            prepared.add(new Slot(Optional.empty(), result, code));
        }

        List<ResultInterpretation> results = new ArrayList<>(inputs.size());
        for (Slot slot : prepared) {
            if (slot.rejected().isPresent()) {
                results.add(slot.rejected().get());
                continue;
            }
            LabResult result = slot.result().orElseThrow();
            Optional<AnalyteRanges> ranges = rangesByCode.get(slot.code());
            if (ranges.isEmpty()) {
                results.add(ResultInterpretation.rejected(
                        result.id(),
                        Optional.empty(),
                        List.of(new Problem(
                                Problem.UNKNOWN_ANALYTE,
                                "analyte",
                                "no analyte with code or alias '" + result.analyte()
                                        + "' is known to the ranges service"))));
                continue;
            }
            results.add(engine.interpret(result, patient, ranges.get(), sources));
        }
        List<PatternMatch> patterns = engine.patterns(results);
        if (LOG.isInfoEnabled()) {
            Map<ResultInterpretation.Status, Long> byStatus = results.stream()
                    .collect(java.util.stream.Collectors.groupingBy(
                            ResultInterpretation::status, java.util.stream.Collectors.counting()));
            LOG.infof(
                    "interpreted %d results (%s), %d analytes, %d patterns",
                    results.size(), byStatus, rangesByCode.size(), patterns.size());
        }
        return new Outcome(
                results, patterns, cache.freshness(), engine.knowledge().version(), now);
    }

    private Optional<List<String>> sources(List<String> requested, UpstreamCall call) {
        if (requested == null || requested.isEmpty()) {
            return Optional.empty();
        }
        Map<String, org.labrange.interpretation.domain.Source> known = cache.sourcesIncluding(
                requested.stream().map(code -> code == null ? "" : code.trim()).toList(), call);
        List<FieldError> errors = new ArrayList<>();
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String code = requested.get(i) == null ? "" : requested.get(i).trim();
            if (!known.containsKey(code)) {
                errors.add(new FieldError(
                        "sources[" + i + "]",
                        "unknown source '" + code + "'; known: "
                                + known.keySet().stream().sorted().toList()));
            }
            codes.add(code);
        }
        if (!errors.isEmpty()) {
            throw RequestRejectedException.validation(errors);
        }
        return Optional.of(List.copyOf(codes));
    }

    private static Patient patient(PatientInput in, List<FieldError> errors) {
        if (in == null) {
            return Patient.unknown();
        }
        Optional<Sex> sex = Optional.empty();
        try {
            sex = Sex.ofPatient(in.sex());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("patient.sex", e.getMessage()));
        }
        Optional<LocalDate> birthDate = Optional.empty();
        if (in.birthDate() != null && !in.birthDate().isBlank()) {
            try {
                birthDate = Optional.of(LocalDate.parse(in.birthDate().trim()));
                LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
                if (birthDate.get().isAfter(today.plusDays(1))) {
                    errors.add(new FieldError("patient.birthDate", "is in the future"));
                } else if (birthDate.get().isBefore(today.minusYears(MAX_AGE_YEARS))) {
                    errors.add(new FieldError("patient.birthDate", "is more than " + MAX_AGE_YEARS + " years ago"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("patient.birthDate", "must be an ISO-8601 date such as 1970-05-01"));
            }
        }
        Optional<Period> age = Optional.empty();
        if (in.age() != null && !in.age().isBlank()) {
            try {
                Period p = Period.parse(in.age().trim());
                if (p.isNegative()) {
                    errors.add(new FieldError("patient.age", "must not be negative"));
                } else if (p.toTotalMonths() > MAX_AGE_YEARS * 12L
                        || p.toTotalMonths() * 31L + p.getDays() > (MAX_AGE_YEARS + 1) * 366L) {
                    errors.add(new FieldError("patient.age", "must be at most " + MAX_AGE_YEARS + " years"));
                } else {
                    age = Optional.of(p.normalized());
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("patient.age", "must be an ISO-8601 period such as P56Y or P6M"));
            }
        }
        return new Patient(sex, birthDate, age);
    }

    private Optional<LabResult> toLabResult(String id, ResultInput in, Instant now, List<Problem> problems) {
        if (in.analyte() == null || in.analyte().isBlank()) {
            problems.add(new Problem(Problem.INVALID_RESULT, "analyte", "an analyte code or alias is required"));
        }
        if (in.value() == null || in.value().isBlank()) {
            problems.add(new Problem(Problem.INVALID_RESULT, "value", "a value is required"));
        }
        if (in.unit() == null || in.unit().isBlank()) {
            problems.add(new Problem(Problem.INVALID_RESULT, "unit", "a unit is required"));
        }
        Optional<Instant> collectedAt = instant(in.collectedAt(), "collectedAt", problems);
        if (collectedAt.isPresent() && collectedAt.get().isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(new Problem(Problem.INVALID_RESULT, "collectedAt", "is in the future"));
        }
        List<LabResult.PreviousResult> previous = new ArrayList<>();
        if (in.previous() != null) {
            for (int i = 0; i < in.previous().size(); i++) {
                PreviousInput p = in.previous().get(i);
                String field = "previous[" + i + "]";
                if (p == null || p.value() == null || p.unit() == null || p.collectedAt() == null) {
                    problems.add(
                            new Problem(Problem.INVALID_RESULT, field, "value, unit and collectedAt are required"));
                    continue;
                }
                try {
                    MeasuredValue.parse(p.value());
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(Problem.INVALID_RESULT, field + ".value", e.getMessage()));
                    continue;
                }
                instant(p.collectedAt(), field + ".collectedAt", problems)
                        .ifPresent(at -> previous.add(new LabResult.PreviousResult(p.value(), p.unit(), at)));
            }
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LabResult(
                id,
                in.analyte().trim(),
                Optional.ofNullable(in.specimen()),
                in.value(),
                in.unit(),
                collectedAt.orElse(now),
                Optional.ofNullable(in.method()).filter(m -> !m.isBlank()),
                previous));
    }

    private Optional<Instant> instant(String text, String field, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException e) {
            // fall through to the other accepted forms
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return Optional.of(
                    LocalDate.parse(t).atStartOfDay(config.timeZone()).toInstant());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(
                    Problem.INVALID_RESULT,
                    field,
                    "must be an ISO-8601 instant (2026-11-20T08:00:00Z) or date (2026-11-20)"));
            return Optional.empty();
        }
    }
}
