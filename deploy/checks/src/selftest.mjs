// Negative self-test: the checks must reject deliberately broken input.
//  1. Each fixture under fixtures/ must make every rule in its expect.json fail.
//  2. Drift: a copy of the repository whose service configuration or
//     Dockerfile disagrees with the manifests must be rejected.

import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkPolicies, checkRepository, checkSchemas } from "./check.mjs";
import { REPO } from "./main.mjs";
import { OVERLAYS } from "./overlays.mjs";
import { render } from "./render.mjs";
import { Report } from "./report.mjs";
import { SERVICES } from "./quarkus.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixturesDir = path.resolve(here, "../fixtures");
let passed = 0;
const failed = [];

function assertRulesFail(name, report, mustFail) {
  const got = report.rulesFailed();
  for (const rule of mustFail) {
    if (got.has(rule)) passed += 1;
    else failed.push(`${name}: rule "${rule}" did not fail`);
  }
}

async function checkFixture(dir) {
  const name = path.basename(dir);
  const spec = JSON.parse(readFileSync(path.join(dir, "expect.json"), "utf8"));
  const rendered = render(dir);
  if (rendered.error) {
    failed.push(`${name}: fixture does not render: ${rendered.error}`);
    return;
  }
  const report = new Report();
  await checkSchemas(rendered.objects, report, name);
  checkPolicies({ objects: rendered.objects, report, overlay: name, repo: REPO, expect: OVERLAYS[spec.base] });
  assertRulesFail(name, report, spec.mustFail);
}

/** A throw-away copy of what the checks read from the repository. */
function scratchRepo() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "labrange-selftest-"));
  cpSync(path.join(REPO, "pom.xml"), path.join(dir, "pom.xml"));
  if (existsSync(path.join(REPO, "deploy/README.md"))) cpSync(path.join(REPO, "deploy/README.md"), path.join(dir, "deploy/README.md"));
  for (const s of SERVICES) {
    for (const rel of ["pom.xml", "src/main/resources/application.properties", "src/main/docker"]) {
      const from = path.join(REPO, s.name, rel);
      if (existsSync(from)) cpSync(from, path.join(dir, s.name, rel), { recursive: true });
    }
    mkdirSync(path.join(dir, s.name, "src/main/resources"), { recursive: true });
  }
  return dir;
}

async function checkDrift() {
  const dev = render(path.join(REPO, "deploy/k8s/overlays/dev"));
  if (dev.error) {
    failed.push(`drift: dev overlay does not render: ${dev.error}`);
    return;
  }
  const repo = scratchRepo();
  try {
    // The gateway moves to another port and health root in its own configuration,
    // and wants longer to shut down than Kubernetes grants.
    const props = path.join(repo, "gateway/src/main/resources/application.properties");
    const before = existsSync(props) ? readFileSync(props, "utf8") : "";
    writeFileSync(props, `${before}\nquarkus.http.port=9080\nquarkus.management.port=9100\nquarkus.smallrye-health.root-path=healthz\nquarkus.shutdown.timeout=60s\n`);
    // reference-ranges-service puts health and metrics back on its public port.
    const rangesProps = path.join(repo, "reference-ranges-service/src/main/resources/application.properties");
    writeFileSync(rangesProps, `${readFileSync(rangesProps, "utf8")}\nquarkus.management.enabled=false\n`);
    // interpretation-service's JVM image floats on a tag again.
    const jvm = path.join(repo, "interpretation-service/src/main/docker/Dockerfile.jvm");
    if (existsSync(jvm)) writeFileSync(jvm, readFileSync(jvm, "utf8").replace(/^ARG RUNTIME_IMAGE=.*$/m, "ARG RUNTIME_IMAGE=registry.access.redhat.com/ubi9/openjdk-21-runtime:1.21"));
    // interpretation-service's Dockerfile exposes the wrong port.
    const dockerfile = path.join(repo, "interpretation-service/src/main/docker/Dockerfile.native-multistage");
    if (existsSync(dockerfile)) writeFileSync(dockerfile, readFileSync(dockerfile, "utf8").replace(/^EXPOSE .*$/m, "EXPOSE 8080"));
    else writeFileSync(dockerfile, "FROM scratch\nEXPOSE 8080\n");
    // gateway's native Dockerfile copied from reference-ranges-service and not adapted.
    const ranges = path.join(repo, "reference-ranges-service/src/main/docker/Dockerfile.native-multistage");
    if (existsSync(ranges)) cpSync(ranges, path.join(repo, "gateway/src/main/docker/Dockerfile.native-multistage"));
    // reference-ranges-service loses its health extension.
    const pom = path.join(repo, "reference-ranges-service/pom.xml");
    writeFileSync(pom, readFileSync(pom, "utf8").replace(/<artifactId>quarkus-smallrye-health<\/artifactId>/g, "<artifactId>quarkus-smallrye-nothing</artifactId>"));
    const report = new Report();
    checkPolicies({ objects: dev.objects, report, overlay: "drift", repo, expect: OVERLAYS.dev });
    checkRepository({ report, repo });
    assertRulesFail("drift", report, ["port", "probe-port", "probe-path", "shutdown", "dockerfile", "dockerfile-module", "extension", "management", "image-digest", "dockerignore"]);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

for (const d of readdirSync(fixturesDir)) {
  const dir = path.join(fixturesDir, d);
  if (existsSync(path.join(dir, "expect.json"))) await checkFixture(dir);
}
await checkDrift();

for (const f of failed) console.log(`FAIL [selftest] ${f}`);
console.log(`self-test (broken input must be rejected): ${passed} passed, ${failed.length} failed`);
process.exitCode = failed.length ? 1 : 0;
