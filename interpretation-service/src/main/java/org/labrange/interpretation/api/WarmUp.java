package org.labrange.interpretation.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.labrange.interpretation.config.InterpretationConfig;
import org.labrange.interpretation.domain.AnalyteRanges;
import org.labrange.interpretation.domain.InterpretationEngine;
import org.labrange.interpretation.domain.ResultInterpretation;
import org.labrange.interpretation.domain.SyntheticSerumRanges;
import org.labrange.interpretation.domain.UnitConverter;
import org.labrange.interpretation.service.InterpretationService;
import org.labrange.interpretation.service.RangeCache;
import org.labrange.interpretation.service.Submission;

/**
 * Runs the code of an interpretation request before the service opens its port: reading and validating the JSON
 * bodies, the engine, the mapping to both views, writing the answers. A new instance otherwise takes its first
 * requests (half of the traffic behind a round-robin caller, during a rolling restart all of it) with a cold JVM,
 * answering them many times slower than a warm one while the compiler catches up.
 *
 * <p>The ranges are {@link SyntheticSerumRanges}, in memory: the warm-up neither calls the ranges service (it has no
 * caller's token) nor touches the range cache, and nothing it computes is kept or answered. Quarkus fires the
 * start-up event before the HTTP server listens, so the port opens only once this is done, and a caller sees the
 * instance as down (connection refused) rather than slow in the meantime.
 */
@ApplicationScoped
public class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);

    /** What one warm-up did: results the engine evaluated, and those it rejected (none when the code path is sound). */
    public record Summary(int rounds, int evaluated, int rejected, Duration took) {}

    private final InterpretationEngine engine;
    private final JsonBodyReader bodies;
    private final RequestValidator validator;
    private final ObjectMapper mapper;
    private final InterpretationConfig config;
    private final AnalyteRanges ranges;

    public WarmUp(
            InterpretationEngine engine,
            UnitConverter units,
            JsonBodyReader bodies,
            RequestValidator validator,
            ObjectMapper mapper,
            InterpretationConfig config) {
        this.engine = engine;
        this.bodies = bodies;
        this.validator = validator;
        this.mapper = mapper;
        this.config = config;
        this.ranges = SyntheticSerumRanges.compile(units, 1);
    }

    void onStart(@Observes StartupEvent event) {
        int rounds = config.warmUp().rounds();
        if (rounds > 0) {
            Summary summary = run(rounds);
            LOG.infof(
                    "warm-up: %d rounds, %d results evaluated (%d rejected) in %d ms, before the port opens",
                    summary.rounds(),
                    summary.evaluated(),
                    summary.rejected(),
                    summary.took().toMillis());
        }
    }

    /** Each round: a batch of eight serum results answered in the full and the compact view, and one single result. */
    public Summary run(int rounds) {
        byte[] batch = resource("warm-up/batch.json");
        byte[] single = resource("warm-up/single.json");
        long start = System.nanoTime();
        int evaluated = 0;
        int rejected = 0;
        for (int round = 0; round < rounds; round++) {
            InterpretationRequest request = bodies.read(batch, InterpretationRequest.class);
            InterpretationService.Outcome outcome = interpret(
                    validator.validate(request.patient(), request.sources(), request.results(), request.knownAt()));
            write(ResponseMapper.response(outcome));
            write(ResponseMapper.compact(outcome));

            SingleInterpretationRequest one = bodies.read(single, SingleInterpretationRequest.class);
            InterpretationService.Outcome alone =
                    interpret(validator.validate(one.patient(), one.sources(), List.of(one.result()), one.knownAt()));
            write(ResponseMapper.single(alone.results().get(0), alone.basis()));

            for (InterpretationService.Outcome o : List.of(outcome, alone)) {
                for (ResultInterpretation r : o.results()) {
                    if (r.status() == ResultInterpretation.Status.REJECTED) {
                        rejected++;
                    } else {
                        evaluated++;
                    }
                }
            }
        }
        return new Summary(rounds, evaluated, rejected, Duration.ofNanos(System.nanoTime() - start));
    }

    private InterpretationService.Outcome interpret(RequestValidator.ValidRequest request) {
        Optional<List<String>> sources =
                request.sources().isEmpty() ? Optional.empty() : Optional.of(request.sources());
        List<ResultInterpretation> results =
                new ArrayList<>(request.submissions().size());
        for (Submission s : request.submissions()) {
            results.add(
                    s.result().isPresent() && s.problems().isEmpty()
                            ? engine.interpret(s.result().get(), request.patient(), ranges, sources)
                            : ResultInterpretation.rejected(s.id(), Optional.empty(), s.problems()));
        }
        Instant now = Instant.now();
        return new InterpretationService.Outcome(
                results,
                engine.patterns(results),
                new RangeCache.Freshness(0, Optional.empty(), Optional.empty(), false),
                new InterpretationService.Basis(now, false, Optional.empty()),
                engine.knowledge().version(),
                now);
    }

    private void write(Object answer) {
        try {
            mapper.writeValue(OutputStream.nullOutputStream(), answer);
        } catch (IOException e) {
            throw new UncheckedIOException("warm-up: an answer could not be written", e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = WarmUp.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("warm-up: " + name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
