package org.labrange.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;

/** How ranges read on the pages: {@code {fmt:bounds(range)}}, {@code {fmt:population(range.population)}}. */
@TemplateExtension(namespace = "fmt")
final class Formats {

    private Formats() {}

    /** "0.6–2.4 mg/L", "≤ 2.51 mg/L", "> 0.5 mg/L", "(0.6–2.4] mg/L"; a retired range says so. */
    static String bounds(JsonNode range) {
        if (range == null || range.isNull()) {
            return "—";
        }
        if ("RETIRED".equals(range.path("status").asText())) {
            return "retired";
        }
        String low = number(range.get("low"));
        String high = number(range.get("high"));
        boolean lowIn = range.path("lowInclusive").asBoolean(true);
        boolean highIn = range.path("highInclusive").asBoolean(true);
        String unit = range.path("unit").asText("");
        String text;
        if (low != null && high != null) {
            text = (lowIn ? "" : "(") + low + "–" + high + (highIn ? "" : ")");
            if (!lowIn || !highIn) {
                text = (lowIn ? "[" : "(") + low + "–" + high + (highIn ? "]" : ")");
            }
        } else if (high != null) {
            text = (highIn ? "≤ " : "< ") + high;
        } else if (low != null) {
            text = (lowIn ? "≥ " : "> ") + low;
        } else {
            text = "no limits";
        }
        return text + " " + unit;
    }

    /** "everyone", "female, 18–65 years", "male, method: nephelometry". */
    static String population(JsonNode population) {
        if (population == null || population.isNull()) {
            return "everyone";
        }
        StringBuilder text = new StringBuilder();
        String sex = population.path("sex").asText("ANY");
        text.append("ANY".equals(sex) ? "any sex" : sex.toLowerCase(java.util.Locale.ROOT));
        String min = number(population.get("ageMin"));
        String max = number(population.get("ageMax"));
        String unit = population.path("ageUnit").asText("YEARS").toLowerCase(java.util.Locale.ROOT);
        if (min != null && max != null) {
            text.append(", ")
                    .append(min)
                    .append(" to under ")
                    .append(max)
                    .append(' ')
                    .append(unit);
        } else if (min != null) {
            text.append(", ").append(min).append(' ').append(unit).append(" and over");
        } else if (max != null) {
            text.append(", under ").append(max).append(' ').append(unit);
        }
        for (String field : new String[] {"condition", "method"}) {
            JsonNode value = population.get(field);
            if (value != null && !value.isNull() && !value.asText().isBlank()) {
                text.append(", ").append(field).append(": ").append(value.asText());
            }
        }
        return text.toString();
    }

    /** A number as typed (2.4, not 2.40 or 2.4E0); null when absent. */
    static String number(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        BigDecimal number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
        return number.stripTrailingZeros().toPlainString();
    }

    /** Text of a JSON value for a form field; empty when absent. */
    static String field(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isNumber() ? number(value) : value.asText();
    }
}
