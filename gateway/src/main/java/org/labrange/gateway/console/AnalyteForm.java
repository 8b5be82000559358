package org.labrange.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The fields of the analyte form as typed, named like the API's AnalyteWrite so that a problem naming a field can be
 * shown next to it. Turned into the request body without judging the values: the service says what is wrong.
 */
public class AnalyteForm {

    /** The fields that describe the analyte (everything but its code, the edited revision, the reason, the token). */
    static final List<String> ANALYTE_FIELDS = List.of(
            "loinc",
            "displayName",
            "aliases",
            "specimen",
            "unit",
            "molarMassGramsPerMole",
            "displayPrecision",
            "analyticalCvPercent",
            "withinSubjectCvPercent",
            "cvCitation");

    @RestForm
    public String code;

    @RestForm
    public String base;

    @RestForm
    public String loinc;

    @RestForm
    public String displayName;

    /** One alias a line. */
    @RestForm
    public String aliases;

    @RestForm
    public String specimen;

    @RestForm
    public String unit;

    @RestForm
    public String molarMassGramsPerMole;

    @RestForm
    public String displayPrecision;

    @RestForm
    public String analyticalCvPercent;

    @RestForm
    public String withinSubjectCvPercent;

    @RestForm
    public String cvCitation;

    @RestForm
    public String reason;

    @RestForm
    public String csrf;

    /** The form filled with a revision of an analyte, for revising it. */
    static AnalyteForm of(JsonNode revision) {
        AnalyteForm form = new AnalyteForm();
        form.code = revision.path("code").asText();
        form.base = revision.path("revision").asText();
        form.loinc = Formats.field(revision.get("loinc"));
        form.displayName = Formats.field(revision.get("displayName"));
        List<String> names = new ArrayList<>();
        revision.path("aliases").forEach(alias -> names.add(alias.asText()));
        form.aliases = String.join("\n", names);
        form.specimen = Formats.field(revision.get("specimen"));
        form.unit = Formats.field(revision.get("unit"));
        form.molarMassGramsPerMole = Formats.field(revision.get("molarMassGramsPerMole"));
        form.displayPrecision = Formats.field(revision.get("displayPrecision"));
        form.analyticalCvPercent = Formats.field(revision.get("analyticalCvPercent"));
        form.withinSubjectCvPercent = Formats.field(revision.get("withinSubjectCvPercent"));
        form.cvCitation = Formats.field(revision.get("cvCitation"));
        form.reason = "";
        return form;
    }

    /** An empty form for a new analyte. */
    static AnalyteForm empty() {
        AnalyteForm form = new AnalyteForm();
        form.specimen = "SERUM_PLASMA";
        return form;
    }

    /**
     * This form's edits re-applied on top of {@code latest}: a field the user left as it was in {@code edited} takes
     * the latest value, a field the user changed keeps theirs. The reason stays the user's.
     *
     * @return the names of the fields the user changed
     */
    List<String> rebase(AnalyteForm edited, AnalyteForm latest) {
        List<String> changed = new ArrayList<>();
        try {
            for (String name : ANALYTE_FIELDS) {
                Field field = AnalyteForm.class.getField(name);
                if (Objects.equals(normal((String) field.get(this)), normal((String) field.get(edited)))) {
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

    /** The API's AnalyteWrite; the code is sent on create only (a revise names the analyte in its path). */
    ObjectNode write(ObjectMapper mapper, boolean create) {
        ObjectNode body = mapper.createObjectNode();
        if (create) {
            body.put("code", text(code));
        }
        optional(body, "loinc", loinc);
        body.put("displayName", text(displayName));
        ArrayNode names = body.putArray("aliases");
        text(aliases).lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
        optional(body, "specimen", specimen);
        body.put("unit", text(unit));
        number(body, "molarMassGramsPerMole", molarMassGramsPerMole);
        number(body, "displayPrecision", displayPrecision);
        number(body, "analyticalCvPercent", analyticalCvPercent);
        number(body, "withinSubjectCvPercent", withinSubjectCvPercent);
        optional(body, "cvCitation", cvCitation);
        body.put("reason", text(reason));
        return body;
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
            node.put(field, value.strip());
        }
    }

    private static void optional(ObjectNode node, String field, String value) {
        if (blank(value)) {
            node.putNull(field);
        } else {
            node.put(field, value.strip());
        }
    }

    private static String normal(String value) {
        return value == null ? "" : value.strip().replace("\r\n", "\n");
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
