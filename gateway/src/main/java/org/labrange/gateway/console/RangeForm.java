package org.labrange.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The fields of the range form as typed. Turned into the API's RangeWrite without judging them: the service says
 * what is wrong, in the same words as for an API call.
 */
public class RangeForm {
    @RestForm
    public String id;

    @RestForm
    public String base;

    @RestForm
    public String analyteCode;

    @RestForm
    public String sourceCode;

    @RestForm
    public String category;

    @RestForm
    public String low;

    @RestForm
    public String lowInclusive;

    @RestForm
    public String high;

    @RestForm
    public String highInclusive;

    @RestForm
    public String unit;

    @RestForm
    public String sex;

    @RestForm
    public String ageMin;

    @RestForm
    public String ageMax;

    @RestForm
    public String ageUnit;

    @RestForm
    public String condition;

    @RestForm
    public String method;

    @RestForm
    public String effectiveFrom;

    @RestForm
    public String reason;

    @RestForm
    public String csrf;

    /** The form filled with a revision, for editing it. */
    static RangeForm of(JsonNode revision) {
        RangeForm form = new RangeForm();
        form.id = revision.path("rangeId").asText();
        form.base = revision.path("revision").asText();
        form.analyteCode = revision.path("analyteCode").asText();
        form.sourceCode = revision.path("sourceCode").asText();
        form.category = revision.path("category").asText("REFERENCE");
        form.low = Formats.field(revision.get("low"));
        form.lowInclusive = revision.path("lowInclusive").asBoolean(true) ? "on" : null;
        form.high = Formats.field(revision.get("high"));
        form.highInclusive = revision.path("highInclusive").asBoolean(true) ? "on" : null;
        form.unit = revision.path("unit").asText();
        JsonNode population = revision.path("population");
        form.sex = population.path("sex").asText("ANY");
        form.ageMin = Formats.field(population.get("ageMin"));
        form.ageMax = Formats.field(population.get("ageMax"));
        form.ageUnit = population.path("ageUnit").asText("YEARS");
        form.condition = Formats.field(population.get("condition"));
        form.method = Formats.field(population.get("method"));
        form.effectiveFrom = "";
        form.reason = "";
        return form;
    }

    /** The range fields (everything but identity, expected revision, date, reason and token). */
    private static final java.util.List<String> RANGE_FIELDS = java.util.List.of(
            "low",
            "lowInclusive",
            "high",
            "highInclusive",
            "unit",
            "sex",
            "ageMin",
            "ageMax",
            "ageUnit",
            "condition",
            "method");

    /**
     * This form's edits re-applied on top of {@code latest}: a field the user left as it was in {@code edited} takes
     * the latest value, a field the user changed keeps theirs. Date and reason stay the user's.
     *
     * @return the names of the fields the user changed
     */
    java.util.List<String> rebase(RangeForm edited, RangeForm latest) {
        java.util.List<String> changed = new java.util.ArrayList<>();
        try {
            for (String name : RANGE_FIELDS) {
                java.lang.reflect.Field field = RangeForm.class.getField(name);
                String mine = (String) field.get(this);
                if (java.util.Objects.equals(normal(mine), normal((String) field.get(edited)))) {
                    field.set(this, field.get(latest));
                } else {
                    changed.add(name);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        base = latest.base;
        return changed;
    }

    private static String normal(String value) {
        return value == null ? "" : value.strip();
    }

    /** An empty form for a new range of an analyte. */
    static RangeForm empty(String analyteCode) {
        RangeForm form = new RangeForm();
        form.analyteCode = analyteCode == null ? "" : analyteCode;
        form.category = "REFERENCE";
        form.lowInclusive = "on";
        form.highInclusive = "on";
        form.sex = "ANY";
        form.ageUnit = "YEARS";
        return form;
    }

    /** The API body; {@code create} adds what only a new range names (analyte, source, category). */
    ObjectNode write(ObjectMapper mapper, boolean create) {
        ObjectNode body = mapper.createObjectNode();
        if (create) {
            body.put("analyteCode", text(analyteCode));
            body.put("sourceCode", text(sourceCode));
            body.put("category", text(category));
        }
        number(body, "low", low);
        body.put("lowInclusive", lowInclusive != null);
        number(body, "high", high);
        body.put("highInclusive", highInclusive != null);
        body.put("unit", text(unit));
        ObjectNode population = body.putObject("population");
        population.put("sex", blank(sex) ? "ANY" : sex);
        number(population, "ageMin", ageMin);
        number(population, "ageMax", ageMax);
        population.put("ageUnit", blank(ageUnit) ? "YEARS" : ageUnit);
        optional(population, "condition", condition);
        optional(population, "method", method);
        body.put("effectiveFrom", text(effectiveFrom));
        body.put("reason", text(reason));
        return body;
    }

    public boolean isLowInclusive() {
        return lowInclusive != null;
    }

    public boolean isHighInclusive() {
        return highInclusive != null;
    }

    private static void number(ObjectNode node, String field, String value) {
        if (blank(value)) {
            node.putNull(field);
            return;
        }
        try {
            node.put(field, new BigDecimal(value.strip()));
        } catch (NumberFormatException e) {
            // passed on as typed: the service names the field and why it refuses it
            node.put(field, value);
        }
    }

    private static void optional(ObjectNode node, String field, String value) {
        if (blank(value)) {
            node.putNull(field);
        } else {
            node.put(field, value.strip());
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
