package org.labrange.interpretation.domain;

import java.util.List;
import java.util.Optional;

/** Resolves what a caller wrote (a code, a name or an alias, plus a specimen) to one analyte code. */
public record AnalyteCatalog(List<Analyte> analytes) {

    private static final java.util.regex.Pattern CODE_SHAPE =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    public AnalyteCatalog {
        analytes = List.copyOf(analytes);
    }

    /**
     * Folds A–Z only. Unicode case folding would let look-alikes from other scripts match (Greek capital beta
     * "Β2M" folds onto the alias "β2M"); a name with non-ASCII letters must be written exactly.
     */
    static String asciiLowerCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }

    /** The result of a look-up: the analyte code, or why there is none. */
    public record Resolution(Optional<String> code, Optional<String> problem) {
        static Resolution found(String code) {
            return new Resolution(Optional.of(code), Optional.empty());
        }

        static Resolution failed(String why) {
            return new Resolution(Optional.empty(), Optional.of(why));
        }
    }

    /**
     * An exact code wins. Otherwise names and aliases are matched case-insensitively and narrowed by the
     * specimen; several analytes left (e.g. "B2M" without a specimen) is a problem, never a guess.
     * A text that matches nothing is returned as a candidate code, since the catalog may be older than the
     * ranges service (the caller then asks for its timeline).
     */
    public Resolution resolve(String text, Optional<String> specimen) {
        if (text == null || text.isBlank()) {
            return Resolution.failed("an analyte code or alias is required");
        }
        String wanted = text.trim();
        Optional<String> spec = specimen.filter(s -> !s.isBlank()).map(Specimens::normalise);
        for (Analyte a : analytes) {
            if (asciiLowerCase(a.code()).equals(asciiLowerCase(wanted))) {
                if (spec.isPresent() && !Specimens.matches(spec.get(), a.specimen())) {
                    return Resolution.failed(
                            "analyte " + a.code() + " is measured in " + a.specimen() + ", not in " + spec.get());
                }
                return Resolution.found(a.code());
            }
        }
        String key = asciiLowerCase(wanted);
        List<Analyte> byName = analytes.stream()
                .filter(a -> asciiLowerCase(a.displayName()).equals(key)
                        || a.aliases().stream()
                                .anyMatch(al -> asciiLowerCase(al).equals(key)))
                .toList();
        if (byName.isEmpty()) {
            // only something shaped like a code is worth a question to the ranges service
            return CODE_SHAPE.matcher(wanted).matches()
                    ? Resolution.found(wanted)
                    : Resolution.failed("no analyte with code, name or alias '" + wanted + "'");
        }
        List<Analyte> matching = spec.map(s -> byName.stream()
                        .filter(a -> Specimens.matches(s, a.specimen()))
                        .toList())
                .orElse(byName);
        if (matching.size() == 1) {
            return Resolution.found(matching.get(0).code());
        }
        if (matching.isEmpty()) {
            return Resolution.failed("'" + wanted + "' is not measured in " + spec.orElse("?") + "; known for "
                    + byName.stream()
                            .map(a -> a.code() + " (" + a.specimen() + ")")
                            .toList());
        }
        return Resolution.failed("'" + wanted + "' is ambiguous: give a specimen or a code, one of "
                + matching.stream()
                        .map(a -> a.code() + " (" + a.specimen() + ")")
                        .toList());
    }
}
