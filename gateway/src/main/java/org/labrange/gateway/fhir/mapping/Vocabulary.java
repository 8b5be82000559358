package org.labrange.gateway.fhir.mapping;

/** The code systems, value sets and extension URLs the FHIR interface writes. */
public final class Vocabulary {

    public static final String LOINC = "http://loinc.org";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String V3_INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    public static final String REFERENCE_RANGE_MEANING = "http://terminology.hl7.org/CodeSystem/referencerange-meaning";
    public static final String SNOMED = "http://snomed.info/sct";

    /** Base of the canonical URLs of labrange's own FHIR artefacts. */
    public static final String BASE = "https://labrange.dev/fhir/";

    /** On each Observation.referenceRange: the source, range, revision and flag the engine used. */
    public static final String EXT_RANGE_SOURCE = BASE + "StructureDefinition/range-source";
    /** On an interpreted Observation: whether the sources agreed, and the engine's summary. */
    public static final String EXT_AGREEMENT = BASE + "StructureDefinition/source-agreement";
    /** On each ObservationDefinition.qualifiedInterval: range id, revision and effective period. */
    public static final String EXT_RANGE_REVISION = BASE + "StructureDefinition/range-revision";
    /** On an ObservationDefinition: the source of its ranges. */
    public static final String EXT_SOURCE = BASE + "StructureDefinition/range-catalogue-source";

    public static final String INTERPRET_OPERATION = BASE + "OperationDefinition/Observation-interpret";
    public static final String INTERPRET_OPERATION_ID = "Observation-interpret";

    private Vocabulary() {}
}
