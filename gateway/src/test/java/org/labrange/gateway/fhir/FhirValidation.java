package org.labrange.gateway.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's instance validator against the R4 core profiles, offline, built once per test run (its first
 * validation takes seconds). Every FHIR resource the gateway answers with in the tests goes through it.
 */
public final class FhirValidation {

    private static final FhirContext CONTEXT = FhirContext.forR4();
    private static FhirValidator validator;

    private FhirValidation() {}

    private static synchronized FhirValidator validator() {
        if (validator == null) {
            ValidationSupportChain chain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(CONTEXT),
                    new CommonCodeSystemsTerminologyService(CONTEXT),
                    new InMemoryTerminologyServerValidationSupport(CONTEXT),
                    new SnapshotGeneratingValidationSupport(CONTEXT));
            validator = CONTEXT.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
        }
        return validator;
    }

    /** Parses a FHIR JSON answer, fails on any validation error, and returns the resource. */
    @SuppressWarnings("unchecked")
    public static <T extends IBaseResource> T valid(String json, Class<T> type) {
        assertValid(json);
        return (T) CONTEXT.newJsonParser().parseResource(type, json);
    }

    /** Fails on any validation error (severity error or fatal) in a FHIR JSON resource. */
    public static void assertValid(String json) {
        List<SingleValidationMessage> errors;
        synchronized (FhirValidation.class) {
            errors = validator().validateWithResult(json).getMessages().stream()
                    .filter(m ->
                            m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                    .toList();
        }
        assertEquals(
                List.of(),
                errors.stream()
                        .map(m -> m.getLocationString() + ": " + m.getMessage())
                        .toList(),
                "FHIR validation errors in " + json);
    }

    public static FhirContext context() {
        return CONTEXT;
    }
}
