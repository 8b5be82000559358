package org.labrange.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.labrange.units.Ucum;

/** The one HAPI {@link FhirContext} of the application: building one scans the whole R4 model, so it is made once. */
public class FhirContextProducer {

    /** Every resource type the FHIR interface reads or writes. */
    private static final String[] SERVED = {
        "Observation",
        "ObservationDefinition",
        "Parameters",
        "Bundle",
        "OperationOutcome",
        "CapabilityStatement",
        "OperationDefinition",
        "Patient"
    };

    private static final String WARM_UP = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"observation\","
            + "\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
            + "\"valueQuantity\":{\"value\":1,\"system\":\"http://unitsofmeasure.org\",\"code\":\"mg/L\"}}}]}";

    @Produces
    @Singleton
    @Startup
    FhirContext fhirContext() {
        FhirContext context = FhirContext.forR4();
        // HAPI scans its model on first use, which takes seconds: do it at start, not on a request's event loop
        for (String type : SERVED) {
            context.getResourceDefinition(type);
        }
        context.newJsonParser().parseResource(WARM_UP);
        Ucum.bundled().invalid("mg/L");
        return context;
    }
}
