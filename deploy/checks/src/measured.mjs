// Measured figures the manifests are sized from, and the capacity model built on them.
// Every number here comes from a measurement named next to it (BENCHMARKS.md, issue 15's review, or
// the container smoke test recorded in deploy/README.md); deploy/README.md shows the arithmetic.
// When a new measurement replaces one of them, change it here and the checks say which manifest
// no longer fits.

/**
 * Resident memory of each service on the JVM with the manifests' -Xmx128m, MiB.
 * steady: under sustained single-result load; peak: the highest 1-s sample under the mixed load
 * (singles, batches of 1,000 and 10,000, reports), or the container smoke test's peak where higher.
 * The gateway's figures add what FHIR (HAPI) costs it: +68 MiB RSS, measured after the memory runs.
 */
export const MEMORY_MIB = {
  "reference-ranges-service": { steady: 264, peak: 266, source: "BENCHMARKS.md run F (memory, sustained)" },
  // peak: the container smoke test of 2026-12-01 (four concurrent maximum batches, the manifests' exact
  // settings) went above run F's 289
  "interpretation-service": { steady: 226, peak: 297, source: "BENCHMARKS.md run F; smoke test 2026-12-01 (peak)" },
  gateway: { steady: 294 + 68, peak: 301 + 68, source: "BENCHMARKS.md run F + FHIR section (HAPI +68 MiB)" },
};

/** The memory limit must hold the measured peak with this much room; the request, the steady figure. */
export const MEMORY_HEADROOM = 1.25;

/**
 * CPU per request, in microseconds of one core, upper bounds: each is 2 cores divided by a rate measured
 * on a 2-core machine with the load generator (and, where named, other services) on the same cores.
 * slow: BENCHMARKS.md run E (a busy day); quiet: issue 15's review on a quiet machine.
 */
export const CPU_MICROS = {
  // straight to interpretation-service: E 5,165 req/s, review 15,713 req/s
  interpretation: { slow: 2e6 / 5165, quiet: 2e6 / 15713 },
  // through the gateway to a no-op interpretation-service: E 3,333 req/s, review 6,943 req/s
  gateway: { slow: 2e6 / 3333, quiet: 2e6 / 6943 },
  // a serum + urine report through the whole suite and PostgreSQL: E 105.1 req/s, review 347 req/s
  report: { slow: 2e6 / 105.1, quiet: 2e6 / 347 },
};

/** Issue 15's target, cluster-wide. */
export const DEMAND = { interpretationsPerSecond: 100000, reportsPerSecond: 1000, resultsPerReport: 2 };

/** HPA target: average CPU utilisation of the one-core request. */
export const HPA_UTILISATION = 70;

/**
 * Cores and pods each service needs for DEMAND at the given speed ("slow" or "quiet"). A report's whole
 * cost (all services, PostgreSQL and the load generator: the split was not measured) is put on
 * reference-ranges-service, and its two results also count as interpretations: both over-estimate.
 */
export function capacity(speed) {
  const interpretations = DEMAND.interpretationsPerSecond + DEMAND.reportsPerSecond * DEMAND.resultsPerReport;
  const cores = {
    gateway: (interpretations * CPU_MICROS.gateway[speed]) / 1e6,
    "interpretation-service": (interpretations * CPU_MICROS.interpretation[speed]) / 1e6,
    "reference-ranges-service": (DEMAND.reportsPerSecond * CPU_MICROS.report[speed]) / 1e6,
  };
  const pods = Object.fromEntries(Object.entries(cores).map(([s, c]) => [s, Math.ceil(c / (HPA_UTILISATION / 100))]));
  return { cores, pods };
}

/** Connections kept free of the service's pools: superuser reserve, the operator, exporters, a psql. */
export const DB_CONNECTION_RESERVE = 20;
