package org.labrange.benchmarks.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.labrange.interpretation.domain.LabResult;
import org.labrange.interpretation.domain.PatternMatch;
import org.labrange.interpretation.domain.ResultInterpretation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * In-process throughput of {@code InterpretationEngine} with the ranges already compiled (the service's state
 * once its range cache is warm). One operation = one result evaluated against three sources (Quest, Labcorp,
 * Mosby/Pagana). Single-threaded unless {@code -t} says otherwise, so the score is per core.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EngineBenchmark} (see BENCHMARKS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class EngineBenchmark {

    private static final int CYCLE = 1024;

    /** Revisions per range; 1 is the seed. Raise it (-p revisionsPerRange=1,10,100,1000) for the growth table. */
    @Param({"1"})
    public int revisionsPerRange;

    private SerumWorkload workload;
    private LabResult[] cycle;
    private List<LabResult> batchOf1000;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        workload = new SerumWorkload(revisionsPerRange);
        cycle = workload.results(CYCLE).toArray(LabResult[]::new);
        batchOf1000 = workload.results(1000);
        // the unit factors are cached by the converter after first use, as in the running service
        for (LabResult r : cycle) {
            workload.engine.interpret(r, workload.patient, workload.ranges, workload.requestedSources);
        }
    }

    /** One result, three sources: what POST /interpretations/single costs once the request is parsed. */
    @Benchmark
    public ResultInterpretation singleResult() {
        LabResult r = cycle[next++ & (CYCLE - 1)];
        return workload.engine.interpret(r, workload.patient, workload.ranges, workload.requestedSources);
    }

    /** 1,000 results of one patient plus the panel patterns; the score is results per second. */
    @Benchmark
    @OperationsPerInvocation(1000)
    public void batchOf1000(Blackhole bh) {
        List<ResultInterpretation> out = new ArrayList<>(batchOf1000.size());
        for (LabResult r : batchOf1000) {
            out.add(workload.engine.interpret(r, workload.patient, workload.ranges, workload.requestedSources));
        }
        List<PatternMatch> patterns = workload.engine.patterns(out);
        bh.consume(out);
        bh.consume(patterns);
    }
}
