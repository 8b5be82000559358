package org.labrange.gateway.fhir.api;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Set;
import org.labrange.gateway.fhir.mapping.InvalidFhirInput;
import org.labrange.gateway.fhir.mapping.Vocabulary;

/** Search parameters of the ObservationDefinition search, and the answer to what is not served. */
final class FhirSearch {

    private static final Set<String> SERVED_TYPES =
            Set.of("Observation", "ObservationDefinition", "OperationDefinition");
    private static final Set<String> RESULT_PARAMETERS = Set.of("_format", "_pretty", "_summary", "_elements");

    private FhirSearch() {}

    /**
     * The LOINC code of {@code code=http://loinc.org|1952-1} (or {@code code=1952-1}); empty when the code
     * names another system. Other parameters are refused rather than silently ignored.
     */
    static String loincCode(MultivaluedMap<String, String> query) {
        for (String name : query.keySet()) {
            if (!name.equals("code") && !RESULT_PARAMETERS.contains(name)) {
                throw InvalidFhirInput.of(
                        400,
                        "not-supported",
                        name,
                        "Search parameter '" + name + "' is not supported; ObservationDefinition is searched by code.");
            }
        }
        List<String> codes = query.get("code");
        if (codes == null || codes.isEmpty() || codes.get(0).isBlank()) {
            throw InvalidFhirInput.of(
                    400,
                    "required",
                    "code",
                    "Search by code, e.g. ObservationDefinition?code=http://loinc.org|1952-1.");
        }
        if (codes.size() > 1 || codes.get(0).contains(",")) {
            throw InvalidFhirInput.of(400, "not-supported", "code", "Search one code at a time.");
        }
        String token = codes.get(0).trim();
        int bar = token.indexOf('|');
        if (bar < 0) {
            return token;
        }
        String system = token.substring(0, bar);
        String code = token.substring(bar + 1);
        if (code.isBlank()) {
            throw InvalidFhirInput.of(400, "required", "code", "The code token has no code after '|'.");
        }
        return system.isEmpty() || system.equals(Vocabulary.LOINC) ? code : "";
    }

    /** 404 for a type that is not served, 405 for an interaction a served type does not offer. */
    static InvalidFhirInput unsupported(String path, String method) {
        String type = path.split("/")[0];
        if (type.startsWith("$")) {
            return InvalidFhirInput.of(501, "not-supported", "", "Operation " + type + " is not implemented.");
        }
        if (!SERVED_TYPES.contains(type)) {
            return InvalidFhirInput.of(
                    404, "not-supported", "", "Resource type " + type + " is not served here; see /fhir/r4/metadata.");
        }
        if (path.contains("$")) {
            return InvalidFhirInput.of(
                    501,
                    "not-supported",
                    "",
                    "Operation " + path + " is not implemented; " + "the only operation is Observation/$interpret.");
        }
        return InvalidFhirInput.of(
                405,
                "not-supported",
                "",
                method + " " + path + " is not supported; see /fhir/r4/metadata for what is served.");
    }
}
