package org.labrange.gateway.fhir.mapping;

import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationDefinition;

/** The CapabilityStatement at {@code /fhir/r4/metadata} and the definition of {@code Observation/$interpret}. */
public final class ServerDocuments {

    private static final Date PUBLISHED = new Date(1795564800000L); // 2026-11-25

    private ServerDocuments() {}

    /** What the gateway serves, and nothing else. */
    public static CapabilityStatement capabilityStatement(String base, String softwareVersion) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setId("labrange");
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(PUBLISHED);
        statement.setPublisher("labrange");
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("labrange gateway").setVersion(softwareVersion);
        statement
                .getImplementation()
                .setDescription("labrange FHIR R4 interface")
                .setUrl(base);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("application/fhir+json");
        statement.addFormat("json");
        var rest = statement.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.setDocumentation("Every call except this statement and the OperationDefinition needs a bearer JWT: "
                + "ObservationDefinition reads any of ranges-reader, ranges-admin, interpreter; $interpret needs "
                + "interpreter or ranges-admin.");
        rest.getSecurity().setDescription("Bearer JWT (Authorization: Bearer <token>), roles in the groups claim.");

        var observation = rest.addResource().setType("Observation");
        observation.setDocumentation("Observations are not stored; they are interpreted by $interpret.");
        observation
                .addOperation()
                .setName("interpret")
                .setDefinition(Vocabulary.INTERPRET_OPERATION)
                .setDocumentation("Flags and reference ranges for Observations, per source.");

        var definition = rest.addResource().setType("ObservationDefinition");
        definition.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED);
        definition.setReadHistory(true);
        definition.setUpdateCreate(false);
        definition.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        definition.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.VREAD);
        definition.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.HISTORYINSTANCE);
        definition.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        definition
                .addSearchParam()
                .setName("code")
                .setType(Enumerations.SearchParamType.TOKEN)
                .setDefinition("http://hl7.org/fhir/SearchParameter/ObservationDefinition-code")
                .setDocumentation("LOINC code of the analyte, e.g. http://loinc.org|1952-1 (required)");

        var operations = rest.addResource().setType("OperationDefinition");
        operations.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        return statement;
    }

    /** {@code Observation/$interpret}: labrange's own operation; FHIR R4 defines none for this. */
    public static OperationDefinition interpretOperation() {
        OperationDefinition operation = new OperationDefinition();
        operation.setId(Vocabulary.INTERPRET_OPERATION_ID);
        operation.setUrl(Vocabulary.INTERPRET_OPERATION);
        operation.setName("Interpret");
        operation.setTitle("Interpret Observations against versioned reference ranges");
        operation.setStatus(Enumerations.PublicationStatus.ACTIVE);
        operation.setKind(OperationDefinition.OperationKind.OPERATION);
        operation.setDate(PUBLISHED);
        operation.setPublisher("labrange");
        operation.setDescription("Returns each Observation with interpretation (v3-ObservationInterpretation) and one "
                + "referenceRange per source that has an applicable range (extension range-source: source, range id, "
                + "revision, flag). With several sources, interpretation holds the primary source's flag (parameter "
                + "primarySource or the gateway's configured one) or, without one, the flag the sources agree on; "
                + "when they disagree, one interpretation per distinct flag. An Observation that cannot be "
                + "interpreted gets an OperationOutcome issue, never a guessed code. The body may also be a single "
                + "Observation (answered with the Observation, or 422 with an OperationOutcome) or a Bundle of type "
                + "batch of Observations (answered with a batch-response).");
        operation.setAffectsState(false);
        operation.setCode("interpret");
        operation.addResource("Observation");
        operation.setSystem(false);
        operation.setType(true);
        operation.setInstance(false);
        in(
                operation,
                "observation",
                1,
                "*",
                "Observation",
                "An Observation with a LOINC code, valueQuantity (UCUM; "
                        + "comparator for censored values) and effectiveDateTime; a contained Patient as subject is read");
        in(operation, "patient", 0, "1", "Patient", "The patient (gender, birthDate) of every Observation");
        in(operation, "source", 0, "*", "code", "A source to compare against; none: every source with a range");
        in(operation, "primarySource", 0, "1", "code", "The source whose flag fills Observation.interpretation");
        in(operation, "knownAt", 0, "1", "instant", "Interpret with the ranges as known at this moment");
        out(operation, "observation", 0, "*", "Observation", "Each Observation, in request order, interpreted");
        out(
                operation,
                "outcome",
                0,
                "1",
                "OperationOutcome",
                "Observations (by position) that have no interpretation, or sources that were not evaluated");
        return operation;
    }

    private static void in(OperationDefinition op, String name, int min, String max, String type, String doc) {
        op.addParameter()
                .setName(name)
                .setUse(OperationDefinition.OperationParameterUse.IN)
                .setMin(min)
                .setMax(max)
                .setTypeElement(new CodeType(type))
                .setDocumentation(doc);
    }

    private static void out(OperationDefinition op, String name, int min, String max, String type, String doc) {
        op.addParameter()
                .setName(name)
                .setUse(OperationDefinition.OperationParameterUse.OUT)
                .setMin(min)
                .setMax(max)
                .setTypeElement(new CodeType(type))
                .setDocumentation(doc);
    }
}
