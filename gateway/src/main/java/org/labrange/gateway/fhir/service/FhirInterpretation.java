package org.labrange.gateway.fhir.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.labrange.gateway.client.RangeReads;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.config.GatewayConfig;
import org.labrange.gateway.fhir.mapping.InterpretCall;

/**
 * Asks interpretation-service, through the gateway's guarded upstream client, about the Observations of
 * a {@code $interpret} call: one JSON interpretation request per patient, so the engine and its rules are
 * the same as for the JSON API.
 */
@ApplicationScoped
public class FhirInterpretation {

    static final String PATH = "/api/v1/interpretations";

    private final RangeReads reads;
    private final ObjectMapper mapper;
    private final GatewayConfig config;

    FhirInterpretation(RangeReads reads, ObjectMapper mapper, GatewayConfig config) {
        this.reads = reads;
        this.mapper = mapper;
        this.config = config;
    }

    /** The source whose flag fills Observation.interpretation: asked for in the call, else configured. */
    public Optional<String> primarySource(InterpretCall call) {
        return call.primarySource().or(() -> config.fhir().primarySource());
    }

    /** The engine's result for each item, by position; empty for items refused before asking. */
    public Uni<List<Optional<JsonNode>>> interpret(InterpretCall call, Map<String, String> headers) {
        Map<List<Optional<String>>, List<Integer>> byPatient = new LinkedHashMap<>();
        for (int i = 0; i < call.items().size(); i++) {
            InterpretCall.Item item = call.items().get(i);
            if (item.valid()) {
                byPatient
                        .computeIfAbsent(item.result().orElseThrow().patientKey(), k -> new ArrayList<>())
                        .add(i);
            }
        }
        List<Optional<JsonNode>> answers =
                new ArrayList<>(Collections.nCopies(call.items().size(), Optional.<JsonNode>empty()));
        if (byPatient.isEmpty()) {
            return Uni.createFrom().item(answers);
        }
        List<Uni<Void>> calls = new ArrayList<>();
        byPatient.forEach((patient, positions) ->
                calls.add(reads.postJson(Upstream.INTERPRETATION, PATH, request(call, positions), headers)
                        .invoke(answer -> {
                            for (JsonNode result : answer.path("results")) {
                                int position = Integer.parseInt(
                                        result.path("id").asText().substring(1));
                                answers.set(position, Optional.of(result));
                            }
                        })
                        .replaceWithVoid()));
        return Uni.join().all(calls).andFailFast().map(done -> answers);
    }

    private ObjectNode request(InterpretCall call, List<Integer> positions) {
        ObjectNode body = mapper.createObjectNode();
        InterpretCall.ResultQuestion first =
                call.items().get(positions.get(0)).result().orElseThrow();
        if (first.sex().isPresent() || first.birthDate().isPresent()) {
            ObjectNode patient = body.putObject("patient");
            first.sex().ifPresent(sex -> patient.put("sex", sex));
            first.birthDate().ifPresent(date -> patient.put("birthDate", date));
        }
        if (!call.sources().isEmpty()) {
            ArrayNode sources = body.putArray("sources");
            call.sources().forEach(sources::add);
        }
        // needs interpretation-service to accept knownAt; until then it refuses the field by name
        call.knownAt().ifPresent(knownAt -> body.put("knownAt", knownAt));
        ArrayNode results = body.putArray("results");
        for (int position : positions) {
            InterpretCall.ResultQuestion question =
                    call.items().get(position).result().orElseThrow();
            ObjectNode result = results.addObject();
            result.put("id", "o" + position);
            result.put("analyte", question.analyte());
            result.put("value", question.value());
            result.put("unit", question.unit());
            question.collectedAt().ifPresent(at -> result.put("collectedAt", at));
        }
        return body;
    }
}
