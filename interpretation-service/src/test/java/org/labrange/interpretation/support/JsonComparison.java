package org.labrange.interpretation.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compares an expected JSON document (a trimmed copy of an answer: a README example, a consumer's stub) with what
 * the service really answered. Every field of the expected document must be in the answer; fields the expected
 * document leaves out are not looked at.
 */
public final class JsonComparison {

    /** How much of a value must match. */
    public enum Strictness {
        /** Same JSON type and the same value everywhere. */
        SAME_VALUES,
        /**
         * Same JSON type everywhere, and the same value where a consumer decides on it: enum codes and flags,
         * units, range revision numbers and change sequences. A null on either side is an optional field.
         */
        SAME_TYPES_AND_CODES
    }

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private JsonComparison() {}

    /** The differences, one line each with its JSON path; empty when the answer matches. */
    public static List<String> mismatches(JsonNode expected, JsonNode actual, Strictness strictness) {
        List<String> out = new ArrayList<>();
        compare("$", "", expected, actual, strictness, out);
        return out;
    }

    private static void compare(
            String path, String field, JsonNode expected, JsonNode actual, Strictness strictness, List<String> out) {
        if (strictness == Strictness.SAME_TYPES_AND_CODES && (expected.isNull() || actual.isNull())) {
            return;
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                out.add(path + ": expected an object, the service sends " + actual.getNodeType());
                return;
            }
            for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!actual.has(name)) {
                    out.add(path + "." + name + ": the service does not send this field");
                } else {
                    compare(path + "." + name, name, expected.get(name), actual.get(name), strictness, out);
                }
            }
        } else if (expected.isArray()) {
            if (!actual.isArray()) {
                out.add(path + ": expected an array, the service sends " + actual.getNodeType());
                return;
            }
            if (actual.size() < expected.size()) {
                out.add(path + ": expected at least " + expected.size() + " elements, the service sends "
                        + actual.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", field, expected.get(i), actual.get(i), strictness, out);
            }
        } else if (expected.getNodeType() != actual.getNodeType()) {
            out.add(path + ": expected " + expected.getNodeType() + ", the service sends " + actual.getNodeType());
        } else if (mustBeEqual(field, expected, strictness) && !sameValue(expected, actual)) {
            out.add(path + ": expected " + expected + ", the service sends " + actual);
        }
    }

    private static boolean mustBeEqual(String field, JsonNode expected, Strictness strictness) {
        if (strictness == Strictness.SAME_VALUES) {
            return true;
        }
        String name = field.toLowerCase(java.util.Locale.ROOT);
        return (expected.isTextual() && CODE.matcher(expected.asText()).matches())
                || name.endsWith("unit")
                || name.equals("flag")
                || name.equals("revision")
                || name.equals("changesequence");
    }

    private static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }
}
