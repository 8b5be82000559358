package org.labrange.ranges.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/** LOINC codes: the shape {@code digits-checkdigit} and the mod-10 check digit that ends every code. */
public final class Loinc {

    private static final Pattern SHAPE = Pattern.compile("([0-9]{1,7})-([0-9])");

    private Loinc() {}

    /** Why {@code code} is not a LOINC code, or empty when it is one. */
    public static Optional<String> invalid(String code) {
        var parts = SHAPE.matcher(code);
        if (!parts.matches()) {
            return Optional.of("must look like a LOINC code: 1 to 7 digits, a dash and a check digit, e.g. 1952-1");
        }
        int expected = checkDigit(parts.group(1));
        int given = parts.group(2).charAt(0) - '0';
        if (given != expected) {
            return Optional.of("check digit " + given + " does not match " + parts.group(1) + " (LOINC's mod-10 check"
                    + " digit is " + expected + "): the code is mistyped");
        }
        return Optional.empty();
    }

    /**
     * The mod-10 check digit LOINC defines for a code's number: counting from the rightmost digit, every first,
     * third, fifth ... digit is doubled (a two-digit product counts as the sum of its digits), everything is
     * added, and the check digit is what brings the sum up to the next multiple of ten.
     */
    static int checkDigit(String number) {
        int sum = 0;
        boolean doubled = true;
        for (int i = number.length() - 1; i >= 0; i--) {
            int digit = number.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}
