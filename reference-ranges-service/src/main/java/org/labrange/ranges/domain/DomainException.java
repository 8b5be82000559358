package org.labrange.ranges.domain;

import java.util.List;

/** Failures a caller can act on; the API turns each into a problem document. */
public abstract sealed class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    /** The thing asked for does not exist. */
    public static final class NotFound extends DomainException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The request is well-formed JSON but breaks a rule; nothing was written. */
    public static final class Invalid extends DomainException {
        private final List<FieldError> errors;

        public Invalid(List<FieldError> errors) {
            super(
                    errors.size() == 1
                            ? errors.get(0).field() + ": " + errors.get(0).reason()
                            : errors.size() + " fields are invalid");
            this.errors = List.copyOf(errors);
        }

        public Invalid(String field, String reason) {
            this(List.of(new FieldError(field, reason)));
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** The write was based on a revision that is no longer the latest. */
    public static final class StaleRevision extends DomainException {
        private final RangeRevision current;

        public StaleRevision(int expected, RangeRevision current) {
            super("You edited revision " + expected + " but range " + current.rangeId() + " is at revision "
                    + current.revision() + "; reload it, re-apply your change and send If-Match: \""
                    + current.revision() + "\"");
            this.current = current;
        }

        public RangeRevision current() {
            return current;
        }
    }

    /** A write to an existing range did not say which revision it was based on. */
    public static final class RevisionRequired extends DomainException {
        public RevisionRequired(String message) {
            super(message);
        }
    }

    /** The write conflicts with the current state (e.g. retiring a retired range). */
    public static final class Conflict extends DomainException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** An analyte write was based on a revision that is no longer the latest. */
    public static final class StaleAnalyteRevision extends DomainException {
        private final AnalyteRevision current;

        public StaleAnalyteRevision(int expected, AnalyteRevision current) {
            super("You edited revision " + expected + " but analyte " + current.code() + " is at revision "
                    + current.revision() + "; reload it, re-apply your change and send If-Match: \""
                    + current.revision() + "\"");
            this.current = current;
        }

        public AnalyteRevision current() {
            return current;
        }
    }

    /** An analyte cannot be retired while ranges of it are still live; nothing was written. */
    public static final class AnalyteInUse extends DomainException {
        private final List<String> liveRanges;

        public AnalyteInUse(String code, List<String> liveRanges) {
            super("Analyte " + code + " still has " + liveRanges.size() + " live range"
                    + (liveRanges.size() == 1 ? "" : "s") + " (" + String.join(", ", liveRanges)
                    + "); retire them first, then retire the analyte");
            this.liveRanges = List.copyOf(liveRanges);
        }

        public List<String> liveRanges() {
            return liveRanges;
        }
    }

    /** A catalogue import was based on a catalogue version that is no longer current; nothing was written. */
    public static final class CatalogueChanged extends DomainException {
        private final String currentVersion;

        public CatalogueChanged(String expected, String currentVersion) {
            super("The import was based on catalogue version " + expected + " but the catalogue is now at version "
                    + currentVersion + "; repeat the dry run, review it, and apply with If-Match: \"" + currentVersion
                    + "\"");
            this.currentVersion = currentVersion;
        }

        public String currentVersion() {
            return currentVersion;
        }
    }

    /** The request carries more than the service accepts in one go. */
    public static final class TooLarge extends DomainException {
        public TooLarge(String message) {
            super(message);
        }
    }
}
