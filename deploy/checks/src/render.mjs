// Renders a kustomization with the kubectl-embedded kustomize and parses it.

import { spawnSync } from "node:child_process";
import { parseAllDocuments } from "yaml";

export function render(dir) {
  const kubectl = process.env.KUBECTL ?? "kubectl";
  const result = spawnSync(kubectl, ["kustomize", dir], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error) return { error: `cannot run ${kubectl}: ${result.error.message}` };
  if (result.status !== 0) return { error: result.stderr.trim() || `kubectl kustomize exited ${result.status}` };
  return parseYaml(result.stdout);
}

export function parseYaml(text) {
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  const errors = docs.flatMap((d) => d.errors.map((e) => e.message));
  if (errors.length) return { error: errors.join("; "), text };
  return { objects: docs.map((d) => d.toJS()).filter((o) => o !== null), text };
}
