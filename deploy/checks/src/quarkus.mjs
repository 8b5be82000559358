// Reads what the services themselves declare (pom.xml, application.properties,
// src/main/docker) so the manifests are checked against the code, not against
// a copy of it.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The services this deployment runs, with the port agreed for the suite. */
export const SERVICES = [
  { name: "reference-ranges-service", conventionPort: 8081, database: true },
  { name: "interpretation-service", conventionPort: 8082, database: false },
  { name: "gateway", conventionPort: 8080, database: false },
];

export function projectVersion(repo) {
  const pom = readFileSync(path.join(repo, "pom.xml"), "utf8");
  const withoutParent = pom.replace(/<parent>[\s\S]*?<\/parent>/, "");
  const m = withoutParent.match(/<artifactId>labrange-parent<\/artifactId>\s*<version>([^<]+)<\/version>/) ?? withoutParent.match(/<version>([^<]+)<\/version>/);
  return m ? m[1].trim() : undefined;
}

/** Parses a .properties file (comments, `=`/`:`/blank separators, line continuations). */
export function parseProperties(text) {
  const props = new Map();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^\s+/, "");
    if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].replace(/^\s+/, "");
    }
    const m = line.match(/^((?:\\.|[^=:\s\\])+)\s*[=:\s]\s*(.*)$/);
    if (m) props.set(m[1].replace(/\\(.)/g, "$1"), m[2].trim());
    else props.set(line.replace(/\\(.)/g, "$1"), "");
  }
  return props;
}

/** Value of a property as the prod profile sees it, with ${NAME:default} resolved to its default. */
export function effective(props, key, fallback) {
  let raw = props.get(`%prod.${key}`) ?? props.get(key);
  if (raw === undefined) return fallback;
  for (let depth = 0; depth < 5 && /\$\{[^}]*\}/.test(raw); depth++) {
    raw = raw.replace(/\$\{([^}:]*)(?::([^}]*))?\}/g, (_, name, def) => {
      const inner = props.get(`%prod.${name}`) ?? props.get(name);
      if (inner !== undefined) return inner;
      return def ?? "";
    });
  }
  return raw;
}

function joinPath(base, sub) {
  if (sub.startsWith("/")) return sub.replace(/\/+$/, "") || "/";
  const b = base.endsWith("/") ? base.slice(0, -1) : base;
  return `${b}/${sub}`.replace(/\/+/g, "/");
}

/**
 * Describes one service module: whether it exists, its HTTP port, the health
 * and metrics paths, the extensions it has and its Dockerfiles.
 */
export function readService(repo, service) {
  const dir = path.join(repo, service.name);
  const info = { ...service, dir, exists: existsSync(path.join(dir, "pom.xml")), notes: [] };
  const propsFile = path.join(dir, "src/main/resources/application.properties");
  info.hasProperties = existsSync(propsFile);
  const props = info.hasProperties ? parseProperties(readFileSync(propsFile, "utf8")) : new Map();
  info.props = props;

  // Quarkus listens on 8080 unless told otherwise; without a properties file
  // yet, assume the suite's agreed port and say so.
  const defaultPort = info.hasProperties ? 8080 : service.conventionPort;
  if (!info.hasProperties) info.notes.push(`${service.name}: no application.properties yet, assuming port ${service.conventionPort}`);
  info.httpPort = Number(effective(props, "quarkus.http.port", String(defaultPort)));

  const rootPath = effective(props, "quarkus.http.root-path", "/");
  const management = effective(props, "quarkus.management.enabled", "false") === "true";
  info.management = management;
  info.swaggerUiInProd = effective(props, "quarkus.swagger-ui.always-include", "false") === "true";
  let nonAppRoot;
  if (management) {
    info.probePort = Number(effective(props, "quarkus.management.port", "9000"));
    nonAppRoot = joinPath("/", effective(props, "quarkus.management.root-path", "q"));
  } else {
    info.probePort = info.httpPort;
    nonAppRoot = joinPath(rootPath, effective(props, "quarkus.http.non-application-root-path", "q"));
  }
  const healthRoot = joinPath(nonAppRoot, effective(props, "quarkus.smallrye-health.root-path", "health"));
  info.health = {
    live: joinPath(healthRoot, effective(props, "quarkus.smallrye-health.liveness-path", "live")),
    ready: joinPath(healthRoot, effective(props, "quarkus.smallrye-health.readiness-path", "ready")),
    started: joinPath(healthRoot, effective(props, "quarkus.smallrye-health.startup-path", "started")),
  };
  info.metricsPath = joinPath(nonAppRoot, effective(props, "quarkus.micrometer.export.prometheus.path", "metrics"));

  const pom = info.exists ? readFileSync(path.join(dir, "pom.xml"), "utf8") : "";
  const artifacts = new Set([...pom.matchAll(/<artifactId>([^<]+)<\/artifactId>/g)].map((m) => m[1].trim()));
  info.hasHealth = artifacts.has("quarkus-smallrye-health");
  info.hasPrometheus = artifacts.has("quarkus-micrometer-registry-prometheus");
  info.hasJsonLogging = artifacts.has("quarkus-logging-json");
  info.artifactId = [...pom.replace(/<parent>[\s\S]*?<\/parent>/, "").matchAll(/<artifactId>([^<]+)<\/artifactId>/g)][0]?.[1];

  info.dockerfiles = {};
  for (const f of ["Dockerfile.native-multistage", "Dockerfile.jvm", "Dockerfile.native-sources"]) {
    const p = path.join(dir, "src/main/docker", f);
    if (existsSync(p)) info.dockerfiles[f] = readFileSync(p, "utf8");
  }
  return info;
}

/** Modules listed in the root pom. */
export function rootModules(repo) {
  const pom = readFileSync(path.join(repo, "pom.xml"), "utf8");
  const block = pom.match(/<modules>([\s\S]*?)<\/modules>/);
  return block ? [...block[1].matchAll(/<module>([^<]+)<\/module>/g)].map((m) => m[1].trim()) : [];
}
