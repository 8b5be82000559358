// Entry point: renders every overlay under deploy/k8s/overlays, checks it and
// exits non-zero when anything fails. Usage: node src/main.mjs [--out DIR]

import { mkdirSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkPolicies, checkRepository, checkSchemas, NAMESPACE } from "./check.mjs";
import { OVERLAYS } from "./overlays.mjs";
import { render } from "./render.mjs";
import { Report } from "./report.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, "../../..");

export async function checkOverlayDir(dir, name, expect, report, outDir) {
  const rendered = render(dir);
  if (!report.expect(!rendered.error, "render", name, `kustomize failed: ${rendered.error}`)) return;
  if (outDir) writeFileSync(path.join(outDir, `${name}.yaml`), rendered.text);
  await checkSchemas(rendered.objects, report, name);
  checkPolicies({ objects: rendered.objects, report, overlay: name, repo: REPO, expect });
  return rendered.objects;
}

async function main() {
  const outIdx = process.argv.indexOf("--out");
  const outDir = outIdx > 0 ? path.resolve(process.argv[outIdx + 1]) : undefined;
  if (outDir) mkdirSync(outDir, { recursive: true });
  const report = new Report();
  const overlayRoot = path.join(REPO, "deploy/k8s/overlays");
  const found = readdirSync(overlayRoot).filter((d) => existsSync(path.join(overlayRoot, d, "kustomization.yaml")));
  for (const name of found) {
    if (!report.expect(Boolean(OVERLAYS[name]), "overlay", name, "overlay has no expectations in deploy/checks/src/overlays.mjs")) continue;
    const objects = await checkOverlayDir(path.join(overlayRoot, name), name, OVERLAYS[name], report, outDir);
    if (objects) console.log(`rendered ${name}: ${objects.length} objects`);
  }
  for (const name of Object.keys(OVERLAYS)) report.expect(found.includes(name), "overlay", name, "overlay missing");
  checkRepository({ report, repo: REPO });
  // The base must render on its own too (it is what overlays build on).
  const base = render(path.join(REPO, "deploy/k8s/base"));
  report.expect(!base.error, "render", "base", `kustomize failed: ${base.error}`);
  // The Namespace, applied once before any overlay, carries the Pod Security labels.
  const bootstrap = render(path.join(REPO, "deploy/k8s/bootstrap"));
  if (report.expect(!bootstrap.error, "render", "bootstrap", `kustomize failed: ${bootstrap.error}`)) {
    const ns = bootstrap.objects.find((o) => o.kind === "Namespace" && o.metadata?.name === NAMESPACE);
    report.expect(ns?.metadata?.labels?.["pod-security.kubernetes.io/enforce"] === "restricted", "namespace", "bootstrap", `needs Namespace ${NAMESPACE} enforcing the restricted Pod Security Standard`);
  }

  for (const n of [...new Set(report.notes)]) console.log(`note: ${n}`);
  for (const f of report.failures) console.log(`FAIL [${f.rule}] ${f.where}: ${f.message}`);
  console.log(`manifest checks: ${report.passed} passed, ${report.failures.length} failed`);
  process.exitCode = report.failures.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
