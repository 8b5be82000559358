package org.labrange.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateExtension;

/** Lets templates read upstream JSON as it came ({@code {range.low}}, {@code {range.population.sex}}). */
@TemplateExtension
final class JsonValues {

    private JsonValues() {}

    @TemplateExtension(matchName = TemplateExtension.ANY)
    static Object member(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        return value;
    }
}
