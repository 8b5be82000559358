// Checks the bundles written by deploy/scripts/native-sources.sh: each service
// has target/native-sources/ with native-image.args and the runner jar, and the
// runner jar's resource configuration includes every resource the service
// ships in src/main/resources (Flyway scripts, rules) plus the UCUM essence
// file when the service depends on org.fhir:ucum.
// Usage: node native-sources.mjs module...

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
let passed = 0;
const failures = [];
const expect = (ok, msg) => (ok ? passed++ : failures.push(msg));

/** Java regex with \Q..\E quoting -> JavaScript RegExp. */
function javaPattern(p) {
  const js = p.replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_, lit) => lit.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  return new RegExp(`^(?:${js})$`);
}

function filesUnder(dir, rel = "") {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const r = rel ? `${rel}/${name}` : name;
    return statSync(full).isDirectory() ? filesUnder(full, r) : [r];
  });
}

function readFromJar(jar, entry) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "native-sources-"));
  try {
    const javaHome = process.env.JAVA_HOME;
    const jarTool = javaHome && existsSync(path.join(javaHome, "bin/jar")) ? path.join(javaHome, "bin/jar") : "jar";
    const r = spawnSync(jarTool, ["xf", jar, entry], { cwd: tmp, encoding: "utf8" });
    if (r.status !== 0) return undefined;
    const file = path.join(tmp, entry);
    return existsSync(file) ? readFileSync(file, "utf8") : undefined;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const JDK_TYPES = new Set(["List", "Map", "Set", "Collection", "Optional", "String", "Integer", "Long", "Boolean", "Double", "BigDecimal", "Object", "JsonNode", "ObjectNode", "ArrayNode"]);

/** Binary name of a source-level qualified name (a.b.Outer.Inner -> a.b.Outer$Inner). */
function binaryName(qualified) {
  const parts = qualified.split(".");
  const firstType = parts.findIndex((p) => /^[A-Z]/.test(p));
  if (firstType < 0) return qualified;
  return `${parts.slice(0, firstType + 1).join(".")}${parts.slice(firstType + 1).map((p) => `$${p}`).join("")}`;
}

/**
 * Types the code deserialises by hand (readEntity, GenericType, ObjectMapper
 * readValue/treeToValue/convertValue): Quarkus cannot see them in a REST
 * signature, so they must be registered for reflection explicitly.
 */
function handDeserialisedTypes(srcDir) {
  const found = [];
  for (const rel of filesUnder(srcDir).filter((f) => f.endsWith(".java"))) {
    const text = readFileSync(path.join(srcDir, rel), "utf8");
    const pkg = text.match(/^package\s+([\w.]+);/m)?.[1] ?? "";
    const top = path.basename(rel, ".java");
    const imports = new Map([...text.matchAll(/^import\s+([\w.]+);/gm)].map((m) => [m[1].split(".").pop(), m[1]]));
    const nested = new Set([...text.matchAll(/\b(?:record|class|enum|interface)\s+([A-Z]\w*)/g)].map((m) => m[1]));
    const names = [];
    for (const m of text.matchAll(/\b(?:readEntity|readValue|treeToValue|convertValue)\s*\([^;]*?\b([A-Z][\w.]*)\.class/g)) names.push(m[1]);
    for (const m of text.matchAll(/new\s+GenericType<(.+?)>\s*\(/g)) names.push(...(m[1].match(/\b[A-Z][\w.]*/g) ?? []));
    for (const simple of names) {
      const head = simple.split(".")[0];
      if (JDK_TYPES.has(head)) continue;
      let fq;
      if (imports.has(head)) fq = imports.get(head) + simple.slice(head.length);
      else if (nested.has(head) && head !== top) fq = `${pkg}.${top}.${simple}`;
      else fq = `${pkg}.${simple}`;
      if (!fq.startsWith("org.labrange.")) continue;
      found.push({ type: binaryName(fq), where: rel });
    }
  }
  return found;
}

for (const module of process.argv.slice(2)) {
  const dir = path.join(repo, module, "target/native-sources");
  if (!existsSync(dir)) {
    expect(false, `${module}: ${dir} was not produced`);
    continue;
  }
  const args = path.join(dir, "native-image.args");
  expect(existsSync(args), `${module}: native-image.args missing`);
  const jar = readdirSync(dir).find((f) => f.endsWith("-runner.jar"));
  if (!jar) {
    expect(false, `${module}: no *-runner.jar in ${dir}`);
    continue;
  }
  const argsText = existsSync(args) ? readFileSync(args, "utf8") : "";
  expect(argsText.includes(`-jar ${jar}`) || argsText.includes(jar), `${module}: native-image.args does not build ${jar}`);
  const config = readFromJar(path.join(dir, jar), "META-INF/native-image/resource-config.json");
  if (!config) {
    expect(false, `${module}: ${jar} has no META-INF/native-image/resource-config.json`);
    continue;
  }
  const parsed = JSON.parse(config);
  const includes = (parsed.resources?.includes ?? []).map((i) => javaPattern(i.pattern));
  const included = (name) => includes.some((re) => re.test(name));
  // Files Quarkus consumes at build time (configuration, a static OpenAPI
  // document) or serves itself (META-INF/resources) need no inclusion.
  const buildTimeOnly = /^(application(-[^/]*)?\.(properties|ya?ml)|META-INF\/microprofile-config\.properties|META-INF\/openapi\.(ya?ml|json)|META-INF\/resources\/.*)$/;
  const resources = filesUnder(path.join(repo, module, "src/main/resources")).filter((f) => !buildTimeOnly.test(f));
  for (const r of resources) expect(included(r), `${module}: resource ${r} is not bundled into the native image (quarkus.native.resources.includes)`);
  const reflect = readFromJar(path.join(dir, jar), "META-INF/native-image/reflect-config.json");
  const registered = new Set(reflect ? JSON.parse(reflect).map((e) => e.name) : []);
  for (const { type, where } of handDeserialisedTypes(path.join(repo, module, "src/main/java"))) {
    expect(registered.has(type), `${module}: ${type} is deserialised by hand in ${where} but not registered for reflection (@RegisterForReflection)`);
  }
  const pom = readFileSync(path.join(repo, module, "pom.xml"), "utf8");
  if (/<artifactId>ucum<\/artifactId>/.test(pom)) {
    expect(included("ucum-essence.xml"), `${module}: ucum-essence.xml (org.fhir:ucum) is not bundled into the native image`);
  }
  console.log(`native-sources: ${module}: ${jar}, ${resources.length} application resource(s) checked`);
}

for (const f of failures) console.log(`FAIL [native-sources] ${f}`);
console.log(`native-sources checks: ${passed} passed, ${failures.length} failed`);
process.exitCode = failures.length ? 1 : 0;
