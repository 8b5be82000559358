package org.labrange.gateway.fhir.mapping;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.labrange.units.Ucum;

/** Reads and checks the body of {@code Observation/$interpret}; nothing reaches the engine unchecked. */
public final class InterpretRequests {

    private InterpretRequests() {}

    /** Parses a FHIR JSON body: a Parameters, a batch Bundle or a bare Observation. */
    public static InterpretCall read(FhirContext fhir, byte[] body) {
        IBaseResource resource = parse(fhir, body);
        if (resource instanceof Parameters parameters) {
            return fromParameters(parameters);
        }
        if (resource instanceof Bundle bundle) {
            return fromBundle(bundle);
        }
        if (resource instanceof Observation observation) {
            InterpretCall.Item item = item("Observation", observation, Optional.empty());
            item.refused().ifPresent(refusal -> {
                throw refusal;
            });
            return new InterpretCall(
                    InterpretCall.Form.OBSERVATION, List.of(item), List.of(), Optional.empty(), Optional.empty());
        }
        String type = resource.fhirType();
        throw InvalidFhirInput.of(
                400,
                "invalid",
                type,
                "$interpret takes a Parameters, a Bundle of type batch or an Observation, not a " + type + ".");
    }

    static IBaseResource parse(FhirContext fhir, byte[] body) {
        if (body == null || body.length == 0) {
            throw InvalidFhirInput.of(400, "required", "", "The request has no body; send a FHIR resource as JSON.");
        }
        IParser parser = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        try {
            return parser.parseResource(new String(body, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw InvalidFhirInput.of(
                    400, "structure", "", "The body is not a FHIR R4 resource in JSON: " + e.getMessage());
        }
    }

    private static InterpretCall fromParameters(Parameters parameters) {
        List<InterpretCall.Item> items = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Optional<String> knownAt = Optional.empty();
        Optional<String> primary = Optional.empty();
        Optional<Patient> patient = Optional.empty();
        List<InvalidFhirInput.Issue> issues = new ArrayList<>();
        List<Parameters.ParametersParameterComponent> list = parameters.getParameter();
        for (int i = 0; i < list.size(); i++) {
            Parameters.ParametersParameterComponent parameter = list.get(i);
            String path = "Parameters.parameter[" + i + "]";
            String name = parameter.getName() == null ? "" : parameter.getName();
            switch (name) {
                case "observation" -> {
                    if (parameter.getResource() instanceof Observation observation) {
                        items.add(new InterpretCall.Item(
                                path + ".resource", Optional.of(observation), Optional.empty(), Optional.empty()));
                    } else {
                        issues.add(new InvalidFhirInput.Issue(
                                "invalid",
                                path + ".resource",
                                "Parameter 'observation' must carry an Observation resource."));
                    }
                }
                case "patient" -> {
                    if (parameter.getResource() instanceof Patient given && patient.isEmpty()) {
                        patient = Optional.of(given);
                    } else {
                        issues.add(new InvalidFhirInput.Issue(
                                "invalid", path + ".resource", "Parameter 'patient' must carry one Patient resource."));
                    }
                }
                case "source" -> {
                    String code = parameter.getValue() == null
                            ? null
                            : parameter.getValue().primitiveValue();
                    if (code == null || code.isBlank()) {
                        issues.add(new InvalidFhirInput.Issue(
                                "required", path + ".value", "Parameter 'source' needs a source code (valueCode)."));
                    } else {
                        sources.add(code.trim());
                    }
                }
                case "primarySource" ->
                    primary = Optional.ofNullable(
                            parameter.getValue() == null
                                    ? null
                                    : parameter.getValue().primitiveValue());
                case "knownAt" -> {
                    Type value = parameter.getValue();
                    if (value == null
                            || value.primitiveValue() == null
                            || !(value.fhirType().equals("instant")
                                    || value.fhirType().equals("dateTime"))) {
                        issues.add(new InvalidFhirInput.Issue(
                                "value", path + ".value", "Parameter 'knownAt' needs a valueInstant."));
                    } else {
                        knownAt = Optional.of(value.primitiveValue());
                    }
                }
                default ->
                    issues.add(new InvalidFhirInput.Issue(
                            "not-supported",
                            path + ".name",
                            "Unknown parameter '" + name
                                    + "'; $interpret takes observation, patient, source, primarySource and knownAt."));
            }
        }
        if (items.isEmpty() && issues.isEmpty()) {
            issues.add(new InvalidFhirInput.Issue(
                    "required", "Parameters.parameter", "Give at least one parameter 'observation'."));
        }
        List<InterpretCall.Item> checked = new ArrayList<>();
        for (InterpretCall.Item item : items) {
            InterpretCall.Item read = item(item.path(), item.observation().orElseThrow(), patient);
            read.refused().ifPresent(refusal -> issues.addAll(refusal.issues()));
            checked.add(read);
        }
        if (!issues.isEmpty()) {
            throw new InvalidFhirInput(400, issues);
        }
        return new InterpretCall(InterpretCall.Form.PARAMETERS, checked, List.copyOf(sources), knownAt, primary);
    }

    private static InterpretCall fromBundle(Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.BATCH) {
            throw InvalidFhirInput.of(
                    400,
                    "value",
                    "Bundle.type",
                    "$interpret takes a Bundle of type batch, not "
                            + (bundle.getType() == null
                                    ? "a Bundle without a type"
                                    : bundle.getType().toCode()) + ".");
        }
        List<InterpretCall.Item> items = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            String path = "Bundle.entry[" + i + "].resource";
            Resource resource = bundle.getEntry().get(i).getResource();
            if (resource instanceof Observation observation) {
                items.add(item(path, observation, Optional.empty()));
            } else {
                items.add(new InterpretCall.Item(
                        path,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(InvalidFhirInput.of(
                                400, "invalid", path, "Each entry of the batch must be an Observation."))));
            }
        }
        if (items.isEmpty()) {
            throw InvalidFhirInput.of(400, "required", "Bundle.entry", "The batch has no entries.");
        }
        return new InterpretCall(InterpretCall.Form.BATCH, items, List.of(), Optional.empty(), Optional.empty());
    }

    /** Checks one Observation; its patient is the given one, or a contained Patient its subject points at. */
    static InterpretCall.Item item(String path, Observation observation, Optional<Patient> given) {
        List<InvalidFhirInput.Issue> issues = new ArrayList<>();
        if (observation.getStatus() == null) {
            issues.add(new InvalidFhirInput.Issue("required", path + ".status", "Observation.status is required."));
        }
        Optional<Coding> loinc = observation.getCode().getCoding().stream()
                .filter(coding -> Vocabulary.LOINC.equals(coding.getSystem()) && coding.hasCode())
                .findFirst();
        if (loinc.isEmpty()) {
            issues.add(new InvalidFhirInput.Issue(
                    "required", path + ".code", "Observation.code needs a LOINC coding (system http://loinc.org)."));
        }
        String value = null;
        String unit = null;
        if (!observation.hasValue()) {
            issues.add(new InvalidFhirInput.Issue(
                    "required", path + ".value", "The Observation has no value; give a valueQuantity."));
        } else if (!(observation.getValue() instanceof Quantity quantity)) {
            String type = observation.getValue().fhirType();
            issues.add(new InvalidFhirInput.Issue(
                    "not-supported",
                    path + ".value" + Character.toUpperCase(type.charAt(0)) + type.substring(1),
                    "Only a valueQuantity can be interpreted, not a value of type " + type + "."));
        } else {
            String qpath = path + ".valueQuantity";
            if (!quantity.hasValue()) {
                issues.add(new InvalidFhirInput.Issue("required", qpath + ".value", "The quantity has no value."));
            }
            if (!Vocabulary.UCUM.equals(quantity.getSystem())) {
                issues.add(new InvalidFhirInput.Issue(
                        "value",
                        qpath + ".system",
                        "The unit must be a UCUM code (system http://unitsofmeasure.org)."));
            }
            if (!quantity.hasCode()) {
                issues.add(new InvalidFhirInput.Issue("required", qpath + ".code", "The quantity has no UCUM code."));
            } else {
                Optional<String> problem = Ucum.bundled().invalid(quantity.getCode());
                problem.ifPresent(reason -> issues.add(new InvalidFhirInput.Issue(
                        "code-invalid",
                        qpath + ".code",
                        "'" + quantity.getCode() + "' is not a UCUM unit: " + reason)));
            }
            String comparator = "";
            if (quantity.hasComparator()) {
                comparator = quantity.getComparator().toCode();
                if (comparator.equals("ad")) {
                    issues.add(new InvalidFhirInput.Issue(
                            "not-supported", qpath + ".comparator", "Comparator 'ad' cannot be interpreted."));
                }
            }
            if (quantity.hasValue()) {
                value = comparator + quantity.getValue().toPlainString();
            }
            unit = quantity.getCode();
        }
        Optional<String> collectedAt = Optional.empty();
        if (observation.hasEffective()) {
            if (observation.hasEffectiveDateTimeType()) {
                collectedAt = Optional.of(observation.getEffectiveDateTimeType().getValueAsString());
            } else {
                issues.add(new InvalidFhirInput.Issue(
                        "not-supported",
                        path + ".effective",
                        "Only effectiveDateTime is read as the collection time."));
            }
        }
        Optional<Patient> patient = given.or(() -> containedSubject(observation));
        if (!issues.isEmpty()) {
            return new InterpretCall.Item(
                    path, Optional.of(observation), Optional.empty(), Optional.of(new InvalidFhirInput(400, issues)));
        }
        Optional<String> sex = patient.filter(Patient::hasGender).map(p -> switch (p.getGender()) {
            case FEMALE -> "FEMALE";
            case MALE -> "MALE";
            default -> "UNKNOWN";
        });
        Optional<String> birthDate = patient.filter(Patient::hasBirthDate)
                .map(p -> p.getBirthDateElement().getValueAsString());
        return new InterpretCall.Item(
                path,
                Optional.of(observation),
                Optional.of(new InterpretCall.ResultQuestion(
                        loinc.orElseThrow().getCode(), value, unit, collectedAt, sex, birthDate)),
                Optional.empty());
    }

    private static Optional<Patient> containedSubject(Observation observation) {
        String reference = observation.getSubject().getReference();
        if (reference == null || !reference.startsWith("#")) {
            return Optional.empty();
        }
        String id = reference.substring(1);
        return observation.getContained().stream()
                .filter(Patient.class::isInstance)
                .map(Patient.class::cast)
                .filter(p -> id.equals(p.getIdElement().getIdPart()) || ("#" + id).equals(p.getId()))
                .findFirst();
    }
}
