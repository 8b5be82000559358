package org.labrange.gateway.fhir.mapping;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Observation;

/**
 * A {@code $interpret} request as read from its FHIR body.
 *
 * @param form          what the client sent, which decides the form of the answer
 * @param items         every Observation (or, in a batch, every entry) in request order
 * @param sources       source codes asked for; empty for every source
 * @param knownAt       transaction time to interpret as of, when given
 * @param primarySource the source whose flag fills Observation.interpretation, when given
 */
public record InterpretCall(
        Form form, List<Item> items, List<String> sources, Optional<String> knownAt, Optional<String> primarySource) {

    public enum Form {
        /** A bare Observation: answered with the Observation, or an OperationOutcome. */
        OBSERVATION,
        /** A Parameters resource: answered with a Parameters. */
        PARAMETERS,
        /** A Bundle of type batch: answered with a batch-response. */
        BATCH
    }

    /**
     * One Observation of the request: valid (a result the engine can be asked about), or refused.
     *
     * @param path        FHIRPath of the Observation in the request, e.g. {@code Parameters.parameter[0].resource}
     * @param observation the Observation as received (empty when the entry is not an Observation)
     * @param result      what the engine is asked, when the Observation is valid
     * @param refused     why not, otherwise
     */
    public record Item(
            String path,
            Optional<Observation> observation,
            Optional<ResultQuestion> result,
            Optional<InvalidFhirInput> refused) {

        public boolean valid() {
            return result.isPresent();
        }
    }

    /**
     * The engine's question for one Observation, in the JSON interpretation API's terms.
     *
     * @param analyte     LOINC code
     * @param value       number, with a censoring comparator in front when there is one
     * @param unit        UCUM code
     * @param collectedAt effectiveDateTime, when given
     * @param sex         FEMALE, MALE or UNKNOWN from the patient, when known
     * @param birthDate   the patient's birth date, when known
     */
    public record ResultQuestion(
            String analyte,
            String value,
            String unit,
            Optional<String> collectedAt,
            Optional<String> sex,
            Optional<String> birthDate) {

        /** Results of one patient go to the engine in one request. */
        public List<Optional<String>> patientKey() {
            return List.of(sex, birthDate);
        }
    }
}
