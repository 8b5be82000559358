package org.labrange.ranges.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.labrange.ranges.domain.DomainException;

/** Parses query, path and header values so that a bad one is a 400 naming the parameter. */
final class Params {

    private Params() {}

    static void requireBody(Object body) {
        if (body == null) {
            throw new DomainException.Invalid("body", "is required");
        }
    }

    static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** true or false; absent means false; anything else is a 400. */
    static boolean bool(String name, String value) {
        return text(value)
                .map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new DomainException.Invalid(name, "must be true or false");
                })
                .orElse(false);
    }

    static Optional<LocalDate> date(String name, String value) {
        return text(value).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeException e) {
                throw new DomainException.Invalid(name, "'" + v + "' is not a date (use YYYY-MM-DD)");
            }
        });
    }

    /** An instant such as 2026-11-24T10:00:00Z; a bare date means the end of that day (UTC). */
    static Optional<Instant> instant(String name, String value) {
        return text(value).map(v -> {
            try {
                if (v.length() == 10) {
                    return LocalDate.parse(v)
                            .plusDays(1)
                            .atStartOfDay()
                            .toInstant(ZoneOffset.UTC)
                            .minusNanos(1000);
                }
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeException e) {
                throw new DomainException.Invalid(
                        name, "'" + v + "' is not a timestamp (use e.g. 2026-11-24T10:00:00Z)");
            }
        });
    }

    /**
     * A transaction time that has already happened: what was known at a future moment is not known yet, and an
     * answer given for it now could differ from one given then.
     */
    static Optional<Instant> pastInstant(String name, String value) {
        Optional<Instant> instant = instant(name, value);
        if (instant.isPresent() && instant.get().isAfter(Instant.now())) {
            throw new DomainException.Invalid(name, "'" + value.strip() + "' is in the future");
        }
        return instant;
    }

    static Optional<Period> period(String name, String value) {
        return text(value).map(v -> {
            try {
                Period period = Period.parse(v);
                if (period.isNegative()) {
                    throw new DomainException.Invalid(name, "must not be negative");
                }
                return period;
            } catch (DateTimeException e) {
                throw new DomainException.Invalid(name, "'" + v + "' is not an ISO-8601 period (e.g. P45Y, P6M, P10D)");
            }
        });
    }

    static <E extends Enum<E>> Optional<E> enumeration(String name, String value, Class<E> type) {
        return text(value).map(v -> {
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new DomainException.Invalid(
                        name, "'" + v + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
        });
    }

    static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new DomainException.NotFound("No range with id '" + value + "'");
        }
    }

    static long nonNegative(String name, String value, long fallback) {
        return text(value)
                .map(v -> {
                    try {
                        long n = Long.parseLong(v);
                        if (n < 0) {
                            throw new DomainException.Invalid(name, "must not be negative");
                        }
                        return n;
                    } catch (NumberFormatException e) {
                        throw new DomainException.Invalid(name, "'" + v + "' is not a whole number");
                    }
                })
                .orElse(fallback);
    }

    /** One entity tag: a quoted string of the characters RFC 9110 allows in it. */
    private static final java.util.regex.Pattern ENTITY_TAG =
            java.util.regex.Pattern.compile("(W/)?\"([\\x21\\x23-\\x7E]*)\"");
    /** Our range ETags: a revision number, quoted. */
    private static final java.util.regex.Pattern REVISION = java.util.regex.Pattern.compile("[1-9][0-9]{0,8}");
    /** A revision number no range has: what a weak or foreign entity tag is compared as. */
    static final int NO_REVISION = 0;

    /**
     * The revision an If-Match names. Exactly one strong entity tag is accepted: absent is empty (the service
     * answers 428); {@code *} would match whatever is stored, so it is refused as 428 too; a weak tag
     * ({@code W/"1"}) or a well-formed tag we never issued is compared and never matches (412, with the
     * current revision); anything else, a list included, is malformed (400).
     */
    static Optional<Integer> ifMatch(String header) {
        Optional<String> value = text(header);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().equals("*")) {
            throw new DomainException.RevisionRequired(
                    "If-Match: * would overwrite whatever revision is stored; send the ETag of the revision you"
                            + " edited, e.g. \"3\"");
        }
        java.util.regex.Matcher tag = ENTITY_TAG.matcher(value.get());
        if (!tag.matches()) {
            throw new DomainException.Invalid(
                    "If-Match", "must be exactly one entity tag, the ETag of the revision you edited, e.g. \"3\"");
        }
        boolean strong = tag.group(1) == null;
        if (strong && REVISION.matcher(tag.group(2)).matches()) {
            return Optional.of(Integer.parseInt(tag.group(2)));
        }
        // If-Match compares strongly (RFC 9110 13.1.1): a weak tag, or one we never issued, matches nothing
        return Optional.of(NO_REVISION);
    }
}
