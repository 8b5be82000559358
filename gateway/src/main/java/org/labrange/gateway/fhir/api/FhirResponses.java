package org.labrange.gateway.fhir.api;

import ca.uhn.fhir.context.FhirContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.labrange.gateway.fhir.mapping.InvalidFhirInput;

/** FHIR JSON answers: written with HAPI as application/fhir+json. */
final class FhirResponses {

    static final String FHIR_JSON = "application/fhir+json";
    private static final Set<String> JSON_FORMATS = Set.of("json", "application/json", FHIR_JSON);

    private FhirResponses() {}

    static Response ok(FhirContext fhir, IBaseResource resource, String format) {
        checkFormat(format);
        return write(fhir, resource, 200);
    }

    static Response write(FhirContext fhir, IBaseResource resource, int status) {
        return Response.status(status)
                .type(FHIR_JSON + ";charset=utf-8")
                .entity(fhir.newJsonParser().encodeResourceToString(resource))
                .build();
    }

    /** Only JSON is served; {@code _format=xml} and the like get 406. */
    static void checkFormat(String format) {
        if (format != null
                && !JSON_FORMATS.contains(format.trim().toLowerCase(Locale.ROOT).replace(' ', '+'))) {
            throw InvalidFhirInput.of(
                    406,
                    "not-supported",
                    "",
                    "Only JSON is served (_format=json or application/fhir+json), not " + format + ".");
        }
    }

    /** A body must be FHIR JSON (application/fhir+json or application/json). */
    static void checkContentType(HttpHeaders headers) {
        String type = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return;
        }
        String bare = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!bare.equals(FHIR_JSON) && !bare.equals("application/json")) {
            throw InvalidFhirInput.of(
                    415,
                    "not-supported",
                    "",
                    "Send FHIR JSON (Content-Type: application/fhir+json), not " + type + ".");
        }
    }
}
