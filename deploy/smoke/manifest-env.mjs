// Prints, one NAME=value per line, the environment and JVM heap a service's container gets
// in a rendered overlay: its ConfigMaps (envFrom), plain env values, and the Deployment's -Xmx
// argument as JAVA_OPTS_APPEND (the JVM image's launcher reads it; a native executable takes it
// as an argument). Values that come from Secrets are left to the caller.
//   node deploy/smoke/manifest-env.mjs RENDERED.yaml SERVICE
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(new URL("../checks/package.json", import.meta.url));
const YAML = require("yaml");

const [file, service] = process.argv.slice(2);
const objects = YAML.parseAllDocuments(readFileSync(file, "utf8")).map((d) => d.toJS()).filter(Boolean);
const deployment = objects.find((o) => o.kind === "Deployment" && o.metadata.name === service);
if (!deployment) throw new Error(`no Deployment ${service} in ${file}`);
const container = deployment.spec.template.spec.containers[0];
const env = new Map();
for (const src of container.envFrom ?? []) {
  const cm = src.configMapRef && objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === src.configMapRef.name);
  for (const [k, v] of Object.entries(cm?.data ?? {})) env.set(k, v);
}
for (const e of container.env ?? []) if (e.value !== undefined) env.set(e.name, e.value);
const heap = (container.args ?? []).filter((a) => /^-Xm[sx]/.test(a));
env.set("JAVA_OPTS_APPEND", ["-Djava.util.logging.manager=org.jboss.logmanager.LogManager", ...heap].join(" "));
for (const [k, v] of env) console.log(`${k}=${v}`);
