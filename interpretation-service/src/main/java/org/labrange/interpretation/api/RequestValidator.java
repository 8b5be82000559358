package org.labrange.interpretation.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.labrange.interpretation.api.InterpretationRequest.PatientInput;
import org.labrange.interpretation.api.InterpretationRequest.PreviousInput;
import org.labrange.interpretation.api.InterpretationRequest.ResultInput;
import org.labrange.interpretation.api.problem.Problem.FieldError;
import org.labrange.interpretation.api.problem.RequestRejectedException;
import org.labrange.interpretation.config.InterpretationConfig;
import org.labrange.interpretation.domain.LabResult;
import org.labrange.interpretation.domain.MeasuredValue;
import org.labrange.interpretation.domain.Patient;
import org.labrange.interpretation.domain.ResultProblem;
import org.labrange.interpretation.domain.Sex;
import org.labrange.interpretation.service.Submission;

/**
 * Checks a request's fields and turns them into the service's inputs.
 *
 * <p>The whole request is refused (400/413) only for what concerns every result: no results, too many, a null
 * entry, or an invalid patient. A problem of one result (missing value, unreadable time…) travels with that
 * result in its {@link Submission} and rejects it alone.
 */
@ApplicationScoped
public class RequestValidator {

    /** Clocks of labs and of this server drift; a collection this far ahead of now is still accepted. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(15);
    /** Older than any person has lived: such an age is a typo or an attack, not a patient. */
    private static final int MAX_AGE_YEARS = 150;

    private final InterpretationConfig config;
    private final Clock clock = Clock.systemUTC();

    public RequestValidator(InterpretationConfig config) {
        this.config = config;
    }

    /** A request whose shape and patient are valid. */
    public record ValidRequest(
            Patient patient, List<String> sources, List<Submission> submissions, Optional<Instant> knownAt) {}

    public ValidRequest validate(PatientInput patientInput, List<String> sources, List<ResultInput> inputs) {
        return validate(patientInput, sources, inputs, null);
    }

    public ValidRequest validate(
            PatientInput patientInput, List<String> sources, List<ResultInput> inputs, String knownAtInput) {
        if (inputs == null || inputs.isEmpty()) {
            throw RequestRejectedException.validation(
                    List.of(new FieldError("results", "at least one result is required")));
        }
        if (inputs.size() > config.maxBatchSize()) {
            throw new RequestRejectedException(
                    "batch-too-large",
                    "the batch has " + inputs.size() + " results; at most " + config.maxBatchSize()
                            + " are accepted per request",
                    List.of(new FieldError("results", "at most " + config.maxBatchSize() + " results")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) == null) {
                errors.add(new FieldError("results[" + i + "]", "must not be null"));
            }
        }
        Patient patient = patient(patientInput, errors);
        Instant now = clock.instant();
        Optional<Instant> knownAt = knownAt(knownAtInput, now, errors);
        if (!errors.isEmpty()) {
            throw RequestRejectedException.validation(errors);
        }
        List<Submission> submissions = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ResultInput in = inputs.get(i);
            String id = in.id() == null || in.id().isBlank() ? "r" + (i + 1) : in.id();
            List<ResultProblem> problems = new ArrayList<>();
            Optional<LabResult> result = toLabResult(id, in, now, problems);
            submissions.add(new Submission(
                    id,
                    in.analyte() == null ? "" : in.analyte(),
                    Optional.ofNullable(in.specimen()),
                    result,
                    problems));
        }
        return new ValidRequest(patient, sources == null ? List.of() : sources, submissions, knownAt);
    }

    /**
     * An RFC 3339 instant with an offset, not after now: what will be known at a later moment is not known yet, so
     * an answer for it could not be reproduced.
     */
    private static Optional<Instant> knownAt(String text, Instant now, List<FieldError> errors) {
        if (text == null) {
            return Optional.empty();
        }
        Instant knownAt;
        try {
            knownAt = OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(
                    "knownAt", "must be an RFC 3339 instant with an offset, such as 2026-11-21T10:00:00Z"));
            return Optional.empty();
        }
        if (knownAt.isAfter(now)) {
            errors.add(new FieldError("knownAt", "is in the future: only what is already known can be asked for"));
            return Optional.empty();
        }
        return Optional.of(knownAt);
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
                LocalDate today = LocalDate.now(ZoneOffset.UTC);
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

    private Optional<LabResult> toLabResult(String id, ResultInput in, Instant now, List<ResultProblem> problems) {
        if (in.analyte() == null || in.analyte().isBlank()) {
            problems.add(
                    new ResultProblem(ResultProblem.INVALID_RESULT, "analyte", "an analyte code or alias is required"));
        }
        if (in.value() == null || in.value().isBlank()) {
            problems.add(new ResultProblem(ResultProblem.INVALID_RESULT, "value", "a value is required"));
        }
        if (in.unit() == null || in.unit().isBlank()) {
            problems.add(new ResultProblem(ResultProblem.INVALID_RESULT, "unit", "a unit is required"));
        }
        Optional<Instant> collectedAt = instant(in.collectedAt(), "collectedAt", problems);
        if (collectedAt.isPresent() && collectedAt.get().isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(new ResultProblem(ResultProblem.INVALID_RESULT, "collectedAt", "is in the future"));
        }
        List<LabResult.PreviousResult> previous = new ArrayList<>();
        if (in.previous() != null) {
            for (int i = 0; i < in.previous().size(); i++) {
                PreviousInput p = in.previous().get(i);
                String field = "previous[" + i + "]";
                if (p == null || p.value() == null || p.unit() == null || p.collectedAt() == null) {
                    problems.add(new ResultProblem(
                            ResultProblem.INVALID_RESULT, field, "value, unit and collectedAt are required"));
                    continue;
                }
                try {
                    MeasuredValue.parse(p.value());
                } catch (IllegalArgumentException e) {
                    problems.add(new ResultProblem(ResultProblem.INVALID_RESULT, field + ".value", e.getMessage()));
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

    private Optional<Instant> instant(String text, String field, List<ResultProblem> problems) {
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
            problems.add(new ResultProblem(
                    ResultProblem.INVALID_RESULT,
                    field,
                    "must be an ISO-8601 instant (2026-11-20T08:00:00Z) or date (2026-11-20)"));
            return Optional.empty();
        }
    }
}
