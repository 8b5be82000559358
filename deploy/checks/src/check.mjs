// All checks run on one rendered overlay. Each assertion goes to the Report
// with a rule id (used by the self-test to prove the rule can fail).

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkStructure, STRUCTURES } from "./cnpg.mjs";
import { canConnect, selectorMatches } from "./netpol.mjs";
import { capacity, DB_CONNECTION_RESERVE, HPA_UTILISATION, MEMORY_HEADROOM, MEMORY_MIB } from "./measured.mjs";
import { effective, projectVersion, readService, SERVICES } from "./quarkus.mjs";
import { describe } from "./report.mjs";
import { validateStrict, validatorFor } from "./schema.mjs";

export const NAMESPACE = "labrange";
const CLUSTER_SCOPED = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "StorageClass", "PersistentVolume", "CustomResourceDefinition", "PriorityClass"]);
const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet", "Pod"]);

function podTemplate(obj) {
  if (obj.kind === "Pod") return { metadata: obj.metadata, spec: obj.spec };
  if (obj.kind === "CronJob") return obj.spec?.jobTemplate?.spec?.template;
  return obj.spec?.template;
}

function allContainers(podSpec) {
  return [...(podSpec?.initContainers ?? []), ...(podSpec?.containers ?? [])];
}

function toMiB(q) {
  const m = String(q ?? "").match(/^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/);
  if (!m) return undefined;
  const factor = { Ki: 1 / 1024, Mi: 1, Gi: 1024, Ti: 1024 * 1024, k: 1000 / 1048576, M: 1e6 / 1048576, G: 1e9 / 1048576, T: 1e12 / 1048576 }[m[2]] ?? 1 / 1048576;
  return Number(m[1]) * factor;
}

function resolvePort(container, port) {
  if (typeof port === "number") return port;
  if (/^\d+$/.test(String(port))) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/** Repository part of an image reference, without registry host, tag or digest. */
export function imageParts(image) {
  let rest = image;
  let digest;
  if (rest.includes("@")) [rest, digest] = rest.split("@");
  let tag;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split("/");
  const hasRegistry = parts.length > 1 && (parts[0].includes(".") || parts[0].includes(":") || parts[0] === "localhost");
  const registry = hasRegistry ? parts[0] : undefined;
  const repository = hasRegistry ? parts.slice(1).join("/") : rest;
  return { registry, repository, tag, digest };
}

function envOf(container, objects) {
  // Returns Map name -> { value?, secret?, configMap? } as the container sees it.
  const env = new Map();
  for (const src of container.envFrom ?? []) {
    if (src.configMapRef) {
      const cm = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === src.configMapRef.name);
      for (const [k, v] of Object.entries(cm?.data ?? {})) env.set(`${src.prefix ?? ""}${k}`, { value: v, configMap: src.configMapRef.name });
    }
    if (src.secretRef) env.set(`*secret:${src.secretRef.name}`, { secret: src.secretRef.name });
  }
  for (const e of container.env ?? []) {
    if (e.value !== undefined) env.set(e.name, { value: e.value });
    else if (e.valueFrom?.secretKeyRef) env.set(e.name, { secret: e.valueFrom.secretKeyRef.name, key: e.valueFrom.secretKeyRef.key });
    else if (e.valueFrom?.configMapKeyRef) {
      const ref = e.valueFrom.configMapKeyRef;
      const cm = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === ref.name);
      env.set(e.name, { value: cm?.data?.[ref.key], configMap: ref.name });
    } else env.set(e.name, { other: true });
  }
  return env;
}

export async function checkSchemas(objects, report, overlay) {
  for (const obj of objects) {
    const where = `${overlay}: ${describe(obj)}`;
    if (!obj || typeof obj !== "object" || !obj.apiVersion || !obj.kind) {
      report.fail("schema", `${overlay}`, `a document has no apiVersion/kind: ${JSON.stringify(obj)?.slice(0, 120)}`);
      continue;
    }
    const structure = STRUCTURES[`${obj.apiVersion}/${obj.kind}`];
    if (structure) {
      const problems = checkStructure(structure, obj);
      report.expect(problems.length === 0, "crd-structure", where, `does not fit the CloudNativePG structure: ${problems.join("; ")}`);
      continue;
    }
    const validate = await validatorFor(obj.apiVersion, obj.kind);
    if (!report.expect(Boolean(validate), "no-schema", where, `no schema known for ${obj.apiVersion} ${obj.kind}`)) continue;
    const { errors, unknown } = validateStrict(validate, obj);
    report.expect(errors.length === 0, "schema", where, `schema violations: ${errors.join("; ")}`);
    report.expect(unknown.length === 0, "unknown-field", where, `fields not in the schema: ${unknown.join(", ")}`);
  }
}

export function checkPolicies({ objects, report, overlay, repo, expect }) {
  const version = projectVersion(repo);
  const services = SERVICES.map((s) => readService(repo, s));
  for (const s of services) for (const n of s.notes) report.note(n);
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const find = (kind, name) => objects.find((o) => o.kind === kind && o.metadata?.name === name);
  const at = (o) => `${overlay}: ${describe(o)}`;
  const readme = existsSync(path.join(repo, "deploy/README.md")) ? readFileSync(path.join(repo, "deploy/README.md"), "utf8") : "";

  // --- Namespaces and secrets ---------------------------------------------
  // The Namespace is bootstrapped once (deploy/k8s/bootstrap): if an overlay owned it, `kubectl delete -k`
  // would delete the database volumes and the Secrets with the application.
  for (const ns of byKind("Namespace")) report.fail("namespace-owned", at(ns), "an overlay must not own the Namespace; it belongs to deploy/k8s/bootstrap");
  for (const o of objects) {
    if (CLUSTER_SCOPED.has(o.kind)) continue;
    report.expect(o.metadata?.namespace === NAMESPACE, "namespace", at(o), `must live in namespace ${NAMESPACE} (has ${o.metadata?.namespace ?? "none"})`);
  }
  for (const s of byKind("Secret")) {
    report.expect(!s.data && !s.stringData, "no-committed-secret", at(s), "a Secret with values is committed; Secrets are created by the platform team");
  }

  const referencedSecrets = new Map(); // name -> where
  const referencedConfigMaps = new Map();

  // --- Workloads ----------------------------------------------------------
  const workloads = objects.filter((o) => WORKLOAD_KINDS.has(o.kind));
  for (const w of workloads) {
    const tpl = podTemplate(w);
    const pod = tpl?.spec ?? {};
    const podSec = pod.securityContext ?? {};
    report.expect(!pod.hostNetwork && !pod.hostPID && !pod.hostIPC, "host-namespaces", at(w), "must not share host network/PID/IPC");
    report.expect(!(pod.volumes ?? []).some((v) => v.hostPath), "host-path", at(w), "must not mount hostPath volumes");
    for (const v of pod.volumes ?? []) {
      if (v.secret) referencedSecrets.set(v.secret.secretName, at(w));
      if (v.configMap) referencedConfigMaps.set(v.configMap.name, at(w));
    }
    const service = services.find((s) => s.name === w.metadata.name);
    for (const c of allContainers(pod)) {
      const cw = `${at(w)} container ${c.name}`;
      const isInit = (pod.initContainers ?? []).includes(c);
      const sec = c.securityContext ?? {};
      if (!isInit) {
        report.expect(Boolean(c.livenessProbe), "probes", cw, "has no livenessProbe");
        report.expect(Boolean(c.readinessProbe), "probes", cw, "has no readinessProbe");
        report.expect(Boolean(c.startupProbe), "probes", cw, "has no startupProbe");
      }
      report.expect(Boolean(c.resources?.limits?.memory && c.resources?.limits?.cpu), "resources", cw, "needs cpu and memory limits");
      report.expect(Boolean(c.resources?.requests?.memory && c.resources?.requests?.cpu), "resources", cw, "needs cpu and memory requests");
      const nonRoot = sec.runAsNonRoot ?? podSec.runAsNonRoot;
      const uid = sec.runAsUser ?? podSec.runAsUser;
      report.expect(nonRoot === true && uid !== 0, "non-root", cw, "must set runAsNonRoot: true (and not run as uid 0)");
      report.expect(sec.readOnlyRootFilesystem === true, "read-only-rootfs", cw, "must set readOnlyRootFilesystem: true");
      report.expect(sec.allowPrivilegeEscalation === false, "privilege-escalation", cw, "must set allowPrivilegeEscalation: false");
      report.expect(sec.privileged !== true, "privilege-escalation", cw, "must not be privileged");
      report.expect((sec.capabilities?.drop ?? []).includes("ALL") && !(sec.capabilities?.add?.length > 0), "capabilities", cw, "must drop ALL capabilities and add none");
      const seccomp = sec.seccompProfile?.type ?? podSec.seccompProfile?.type;
      report.expect(seccomp === "RuntimeDefault" || seccomp === "Localhost", "seccomp", cw, `needs seccompProfile RuntimeDefault (has ${seccomp ?? "none"})`);

      const img = imageParts(c.image ?? "");
      report.expect(Boolean(img.digest || (img.tag && img.tag !== "latest")), "image-tag", cw, `image ${c.image} needs a fixed tag or digest`);
      // An image without a registry host resolves to whatever the node's default registry serves.
      report.expect(Boolean(img.registry), "image-registry", cw, `image ${c.image} names no registry: it would resolve to the node's default registry (Docker Hub)`);
      // Immutable references (a digest, or the git revision a labrange image was built from) may be cached.
      report.expect(c.imagePullPolicy === "IfNotPresent", "image-pull-policy", cw, `imagePullPolicy ${c.imagePullPolicy ?? "unset"}: with immutable references it is IfNotPresent`);
      const isOwn = services.some((s) => img.repository === `labrange/${s.name}` || img.repository.endsWith(`/labrange/${s.name}`));
      if (!isOwn) report.expect(Boolean(img.digest), "image-digest", cw, `third-party image ${c.image} must be pinned by digest`);
      if (expect.digests) report.expect(Boolean(img.digest), "image-digest", cw, `image ${c.image} must be pinned by digest in this overlay`);

      const env = envOf(c, objects);
      for (const e of c.env ?? []) {
        if (e.valueFrom?.secretKeyRef) referencedSecrets.set(e.valueFrom.secretKeyRef.name, cw);
        if (e.valueFrom?.configMapKeyRef) referencedConfigMaps.set(e.valueFrom.configMapKeyRef.name, cw);
      }
      for (const src of c.envFrom ?? []) {
        if (src.secretRef) referencedSecrets.set(src.secretRef.name, cw);
        if (src.configMapRef) referencedConfigMaps.set(src.configMapRef.name, cw);
      }

      if (!service || isInit) continue;
      // --- A labrange service container: compare with the code ---------------
      const expectedRepo = `labrange/${service.name}`;
      // A registry (with any path of its own) may precede the name the build produces.
      report.expect(img.repository === expectedRepo || img.repository.endsWith(`/${expectedRepo}`), "image-name", cw, `image ${c.image} is not the built image ${expectedRepo}`);
      report.expect(Boolean(img.digest) || /^[0-9a-f]{40}$/.test(img.tag ?? ""), "image-name", cw, `image tag ${img.tag} is not a git revision (40 hex digits), which deploy/scripts/build-images.sh tags with`);
      report.expect(img.registry !== "docker.io" && img.registry !== "index.docker.io", "image-registry", cw, `image ${c.image} points at Docker Hub, not your registry`);

      const envPort = env.get("QUARKUS_HTTP_PORT")?.value;
      const httpPort = envPort ? Number(envPort) : service.httpPort;
      const probePort = service.probePort === service.httpPort ? httpPort : service.probePort;
      const declared = (c.ports ?? []).map((p) => p.containerPort);
      report.expect(declared.includes(httpPort), "port", cw, `containerPort ${declared.join(",") || "none"} does not include the service's HTTP port ${httpPort} (quarkus.http.port in ${service.name})`);
      report.expect(declared.length === (service.probePort === service.httpPort ? 1 : 2), "port", cw, `declares ports ${declared.join(",")}; expected exactly the HTTP port`);
      report.expect(httpPort === service.conventionPort, "port", cw, `${service.name} listens on ${httpPort} but the suite agreed on ${service.conventionPort}`);
      if (service.probePort !== service.httpPort) {
        report.expect(declared.includes(service.probePort), "port", cw, `does not declare the management port ${service.probePort}`);
      }
      const probes = { startupProbe: "started", readinessProbe: "ready", livenessProbe: "live" };
      for (const [probe, kind] of Object.entries(probes)) {
        const h = c[probe]?.httpGet;
        if (!report.expect(Boolean(h), "probe-path", cw, `${probe} must be an httpGet on ${service.health[kind]}`)) continue;
        report.expect(h.path === service.health[kind], "probe-path", cw, `${probe} path ${h.path} differs from the service's ${service.health[kind]}`);
        report.expect(resolvePort(c, h.port) === probePort, "probe-port", cw, `${probe} port ${h.port} is not the service's port ${probePort}`);
        // A throttled container (at its CPU limit) answers late; the default 1 s would restart healthy pods.
        report.expect((c[probe].timeoutSeconds ?? 1) >= 3, "probe-timeout", cw, `${probe} timeoutSeconds ${c[probe].timeoutSeconds ?? 1} does not survive CPU throttling (at least 3)`);
      }
      report.expect(service.hasHealth || !service.exists, "extension", cw, `probes need quarkus-smallrye-health in ${service.name}/pom.xml`);
      // Health, metrics and build info must not share the public port (issue: /q/info, /q/metrics public).
      report.expect(service.management || !service.exists, "management", cw, `${service.name} serves health and metrics on its public port: set quarkus.management.enabled=true`);
      report.expect(!service.swaggerUiInProd || !service.exists, "management", cw, `${service.name} includes the Swagger UI in its production build`);

      const ann = tpl.metadata?.annotations ?? {};
      const monitors = byKind("ServiceMonitor").filter((m) => {
        const svc = byKind("Service").find((s) => s.metadata.name === service.name);
        return svc && selectorMatches(m.spec.selector, svc.metadata.labels);
      });
      report.expect(ann["prometheus.io/scrape"] === "true" || monitors.length > 0, "metrics", cw, "is neither annotated for scraping nor selected by a ServiceMonitor");
      if (ann["prometheus.io/scrape"] === "true") {
        report.expect(ann["prometheus.io/path"] === service.metricsPath, "metrics", cw, `prometheus.io/path ${ann["prometheus.io/path"]} differs from ${service.metricsPath}`);
        report.expect(Number(ann["prometheus.io/port"]) === probePort, "metrics", cw, `prometheus.io/port ${ann["prometheus.io/port"]} is not ${probePort}`);
      }
      for (const m of monitors) {
        const svc = byKind("Service").find((s) => s.metadata.name === service.name);
        for (const ep of m.spec.endpoints ?? []) {
          report.expect(ep.path === service.metricsPath, "metrics", `${at(m)}`, `endpoint path ${ep.path} differs from ${service.name}'s ${service.metricsPath}`);
          const sp = (svc?.spec.ports ?? []).find((p) => p.name === ep.port);
          report.expect(Boolean(sp) && resolvePort(c, sp.targetPort ?? sp.port) === probePort, "metrics", `${at(m)}`, `endpoint port ${ep.port} of Service ${service.name} does not lead to the management port ${probePort}`);
        }
      }
      report.expect(service.hasPrometheus || !service.exists, "extension", cw, `metrics need quarkus-micrometer-registry-prometheus in ${service.name}/pom.xml`);
      if (env.get("QUARKUS_LOG_CONSOLE_JSON_ENABLED")?.value === "true") {
        report.expect(service.hasJsonLogging || !service.exists, "extension", cw, `JSON logs need quarkus-logging-json in ${service.name}/pom.xml`);
      }

      // A fixed heap must leave room for the rest of the process inside the limit.
      const xmx = [...(c.args ?? []), ...(c.command ?? [])].map((a) => String(a).match(/^-Xmx(\d+)([kmg])$/i)).find(Boolean);
      const limit = toMiB(c.resources?.limits?.memory);
      if (xmx && limit) {
        const heap = Number(xmx[1]) * { k: 1 / 1024, m: 1, g: 1024 }[xmx[2].toLowerCase()];
        report.expect(heap <= limit * 0.6, "heap", cw, `-Xmx${xmx[1]}${xmx[2]} leaves too little of the ${c.resources.limits.memory} limit for the rest of the process (keep the heap at most 60 %)`);
      }

      // Memory from measurements: the limit holds the measured peak with room, the request the steady use
      // (issue 15: the gateway was OOM-killed at 256 MiB by one maximum batch).
      const measured = MEMORY_MIB[service.name];
      if (measured) {
        const request = toMiB(c.resources?.requests?.memory);
        report.expect(limit >= measured.peak * MEMORY_HEADROOM, "memory-measured", cw, `memory limit ${c.resources?.limits?.memory} is below ${MEMORY_HEADROOM} x the measured peak ${measured.peak} MiB (${measured.source})`);
        report.expect(request >= measured.steady, "memory-measured", cw, `memory request ${c.resources?.requests?.memory} is below the measured steady use ${measured.steady} MiB (${measured.source})`);
      }

      // Read-only root: Quarkus and the JDK need a writable /tmp.
      const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
      const tmpVol = tmp && (pod.volumes ?? []).find((v) => v.name === tmp.name);
      report.expect(Boolean(tmpVol?.emptyDir) && !tmp.readOnly, "tmp-volume", cw, "needs a writable emptyDir at /tmp");

      // Graceful shutdown: a preStop pause while the endpoint removal spreads, then Quarkus finishes the
      // requests in flight; Kubernetes must wait for both before it kills the process.
      const shutdown = service.props.get("quarkus.shutdown.timeout");
      report.expect(Boolean(shutdown) || !service.hasProperties, "shutdown", cw, `${service.name} sets no quarkus.shutdown.timeout: SIGTERM cuts requests in flight`);
      const preStop = c.lifecycle?.preStop;
      const preStopSeconds = preStop?.sleep?.seconds ?? Number((preStop?.exec?.command ?? []).join(" ").match(/sleep\s+(\d+)/)?.[1] ?? NaN);
      report.expect(preStopSeconds > 0, "shutdown", cw, "needs a preStop sleep so that traffic stops arriving before SIGTERM");
      if (shutdown) {
        const timeout = seconds(shutdown);
        const grace = pod.terminationGracePeriodSeconds ?? 30;
        const pause = preStopSeconds > 0 ? preStopSeconds : 0;
        report.expect(!Number.isFinite(timeout) || grace > timeout + pause, "shutdown", cw, `terminationGracePeriodSeconds ${grace} must exceed the preStop sleep (${pause}s) plus quarkus.shutdown.timeout ${shutdown}`);
      }

      // Configuration the service reads.
      const required = ["MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER"];
      if (service.database) required.push("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
      if (service.name === "interpretation-service" || service.name === "gateway") required.push("LABRANGE_RANGES_URL");
      // The packaged gateway has no default for its console's identity provider and client secret.
      if (service.name === "gateway") required.push("LABRANGE_INTERPRETATION_URL", "LABRANGE_CONSOLE_OIDC_URL", "LABRANGE_CONSOLE_CLIENT_SECRET");
      for (const name of required) report.expect(env.has(name) && (env.get(name).value !== undefined || env.get(name).secret), "env", cw, `does not receive ${name}`);
      for (const name of ["QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "LABRANGE_CONSOLE_CLIENT_SECRET"]) {
        if (env.has(name)) report.expect(Boolean(env.get(name).secret), "env", cw, `${name} must come from a Secret`);
      }
      if (!service.database) {
        report.expect(![...env.keys()].some((k) => k.startsWith("QUARKUS_DATASOURCE")), "env", cw, "only reference-ranges-service talks to PostgreSQL");
      }
      const keyLocation = env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION")?.value;
      if (keyLocation) {
        const file = keyLocation.replace(/^file:/, "");
        const mount = (c.volumeMounts ?? []).find((m) => file.startsWith(`${m.mountPath.replace(/\/$/, "")}/`));
        const vol = mount && (pod.volumes ?? []).find((v) => v.name === mount.name);
        report.expect(Boolean(vol?.secret), "env", cw, `MP_JWT_VERIFY_PUBLICKEY_LOCATION ${keyLocation} is not inside a volume mounted from a Secret`);
        const item = vol?.secret?.items?.find((i) => path.posix.join(mount.mountPath, i.path) === file);
        report.expect(!vol?.secret?.items || Boolean(item), "env", cw, `the Secret volume does not project ${file}`);
      }
      for (const [name, e] of env) {
        if (!e.value || !/^(LABRANGE_.*_URL|QUARKUS_DATASOURCE_JDBC_URL)$/.test(name)) continue;
        const m = e.value.match(/^(?:jdbc:postgresql|https?):\/\/([a-z0-9.-]+)(?::(\d+))?/);
        if (!report.expect(Boolean(m), "env", cw, `${name}=${e.value} is not a URL`)) continue;
        const host = m[1].split(".")[0];
        const port = Number(m[2] ?? (e.value.startsWith("https") ? 443 : e.value.startsWith("jdbc") ? 5432 : 80));
        const svc = byKind("Service").find((s) => s.metadata.name === host);
        const cnpg = byKind("Cluster").find((cl) => [`${cl.metadata.name}-rw`, `${cl.metadata.name}-ro`, `${cl.metadata.name}-r`].includes(host));
        const ports = svc ? (svc.spec.ports ?? []).map((p) => p.port) : cnpg ? [5432] : [];
        report.expect(ports.includes(port), "env", cw, `${name} points at ${host}:${port}, which no Service in this overlay serves`);
        const targetService = { LABRANGE_RANGES_URL: "reference-ranges-service", LABRANGE_INTERPRETATION_URL: "interpretation-service" }[name];
        if (targetService) report.expect(host === targetService, "env", cw, `${name} must point at ${targetService}, not ${host}`);
      }
    }
  }

  // --- Services, NetworkPolicies and reachability -----------------------------
  const policies = byKind("NetworkPolicy");
  const nsObj = find("Namespace", NAMESPACE);
  const nsLabels = { "kubernetes.io/metadata.name": NAMESPACE, ...(nsObj?.metadata?.labels ?? {}) };
  report.expect(
    policies.some((p) => Object.keys(p.spec.podSelector ?? {}).length === 0 || (!p.spec.podSelector.matchLabels && !p.spec.podSelector.matchExpressions))
      && policies.some((p) => {
        const all = !p.spec.podSelector?.matchLabels && !p.spec.podSelector?.matchExpressions;
        const types = p.spec.policyTypes ?? [];
        return all && types.includes("Ingress") && types.includes("Egress") && !(p.spec.ingress?.length) && !(p.spec.egress?.length);
      }),
    "default-deny",
    `${overlay}`,
    "needs a default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)",
  );

  const pods = [];
  for (const w of workloads) {
    const tpl = podTemplate(w);
    pods.push({ name: w.metadata.name, namespace: NAMESPACE, namespaceLabels: nsLabels, labels: tpl?.metadata?.labels ?? {}, ports: allContainers(tpl?.spec).flatMap((c) => c.ports ?? []) });
  }
  for (const cl of byKind("Cluster")) {
    pods.push({
      name: cl.metadata.name,
      namespace: NAMESPACE,
      namespaceLabels: nsLabels,
      labels: { "cnpg.io/cluster": cl.metadata.name, "cnpg.io/podRole": "instance" },
      ports: [{ name: "postgresql", containerPort: 5432 }, { name: "status", containerPort: 8000 }, { name: "metrics", containerPort: 9187 }],
    });
  }

  for (const svc of byKind("Service")) {
    const selected = pods.filter((p) => svc.spec.selector && selectorMatches({ matchLabels: svc.spec.selector }, p.labels));
    report.expect(selected.length > 0, "service-selector", at(svc), "selects no pod of this overlay");
    for (const p of selected) {
      const selecting = policies.filter((np) => selectorMatches(np.spec.podSelector, p.labels) && (np.spec.policyTypes ?? ["Ingress"]).includes("Ingress"));
      const specific = selecting.some((np) => (np.spec.podSelector?.matchLabels || np.spec.podSelector?.matchExpressions) && (np.spec.ingress ?? []).length > 0);
      report.expect(specific, "service-netpol", at(svc), `pods of ${p.name} have no NetworkPolicy of their own with ingress rules in front of them`);
      const open = selecting.filter((np) => (np.spec.ingress ?? []).some((r) => !r.from || r.from.length === 0));
      report.expect(open.length === 0, "service-netpol", at(svc), `pods of ${p.name} accept traffic from anywhere through ${open.map((np) => np.metadata.name).join(", ")}`);
    }
    for (const sp of svc.spec.ports ?? []) {
      const ok = selected.every((p) => {
        const tp = sp.targetPort ?? sp.port;
        return typeof tp === "number" || /^\d+$/.test(String(tp)) ? p.ports.some((cp) => cp.containerPort === Number(tp)) : p.ports.some((cp) => cp.name === tp);
      });
      report.expect(ok, "port", at(svc), `targetPort ${sp.targetPort} of port ${sp.port} is not a port of the selected pods`);
    }
    const service = services.find((s) => s.name === svc.metadata.name);
    if (service) report.expect((svc.spec.ports ?? []).some((p) => p.port === service.conventionPort), "port", at(svc), `must offer port ${service.conventionPort}`);
  }

  const dbPod = expect.database === "cnpg" ? pods.find((p) => byKind("Cluster").some((c) => c.metadata.name === p.name)) : pods.find((p) => p.name === expect.databaseName);
  const podOf = (name) => pods.find((p) => p.name === name);
  const peers = {
    "ingress-controller": { name: "ingress-controller", namespace: "ingress-nginx", namespaceLabels: { "kubernetes.io/metadata.name": "ingress-nginx" }, labels: { "app.kubernetes.io/name": "ingress-nginx" }, ports: [], external: true },
    "other-namespace": { name: "other-namespace", namespace: "elsewhere", namespaceLabels: { "kubernetes.io/metadata.name": "elsewhere" }, labels: { "app.kubernetes.io/name": "gateway" }, ports: [], external: true },
    "stray-pod": { name: "stray-pod", namespace: NAMESPACE, namespaceLabels: nsLabels, labels: { run: "debug" }, ports: [] },
    gateway: podOf("gateway"),
    "interpretation-service": podOf("interpretation-service"),
    "reference-ranges-service": podOf("reference-ranges-service"),
    database: dbPod,
  };
  report.expect(Boolean(dbPod), "database", overlay, `no database workload found (${expect.database})`);
  const allowedPairs = new Set([
    "ingress-controller>gateway",
    "gateway>reference-ranges-service",
    "gateway>interpretation-service",
    "interpretation-service>reference-ranges-service",
    "reference-ranges-service>database",
  ]);
  // Management interfaces (health, metrics, build info): Prometheus and the gateway only.
  for (const name of ["gateway", "interpretation-service", "reference-ranges-service"]) {
    const service = services.find((s) => s.name === name);
    const dst = peers[name];
    if (!service || !dst || service.probePort === service.httpPort) continue;
    const port = dst.ports.find((p) => p.containerPort === service.probePort) ?? { containerPort: service.probePort, protocol: "TCP" };
    const callers = {
      prometheus: { name: "prometheus", namespace: "monitoring", namespaceLabels: { "kubernetes.io/metadata.name": "monitoring" }, labels: { "app.kubernetes.io/name": "prometheus" }, ports: [], external: true },
      "ingress-controller": peers["ingress-controller"],
      "stray-pod": peers["stray-pod"],
      gateway: name === "gateway" ? undefined : peers.gateway,
    };
    for (const [srcName, src] of Object.entries(callers)) {
      if (!src) continue;
      const want = srcName === "prometheus" || srcName === "gateway";
      const result = canConnect(policies, src, dst, port);
      report.expect(result.allowed === want, "reachability", overlay, `${srcName} -> ${name} management :${port.containerPort} is ${result.allowed ? "allowed" : "denied"} but must be ${want ? "allowed" : "denied"}`);
    }
  }
  const servicePort = (name, pod) => {
    const service = services.find((s) => s.name === name);
    if (service) return pod.ports.find((p) => p.containerPort === service.httpPort) ?? { containerPort: service.httpPort, protocol: "TCP" };
    return pod.ports.find((p) => p.containerPort === 5432) ?? { containerPort: 5432, protocol: "TCP" };
  };
  for (const [srcName, src] of Object.entries(peers)) {
    for (const dstName of ["gateway", "interpretation-service", "reference-ranges-service", "database"]) {
      const dst = peers[dstName];
      if (!src || !dst || srcName === dstName) continue;
      const port = servicePort(dstName, dst);
      const result = canConnect(policies, src, dst, port);
      const want = allowedPairs.has(`${srcName}>${dstName}`);
      if (result.allowed) report.note(`${overlay}: network allows ${srcName} -> ${dstName}:${port.containerPort}`);
      report.expect(
        result.allowed === want,
        "reachability",
        overlay,
        `${srcName} -> ${dstName}:${port.containerPort} is ${result.allowed ? "allowed" : "denied"} but must be ${want ? "allowed" : "denied"} (egress: ${result.egress.by}; ingress: ${result.ingress.by})`,
      );
    }
  }

  // --- Ingress, HPA, PDB, replicas ------------------------------------------
  const ingresses = byKind("Ingress");
  report.expect(ingresses.length > 0, "ingress", overlay, "no Ingress for the gateway");
  // The Ingress must let through every body the gateway accepts (ingress-nginx refuses over 1 MB by default,
  // with an HTML page, not a problem document) and wait at least as long as the gateway waits for a service.
  const gateway = readService(repo, SERVICES.find((s) => s.name === "gateway"));
  const gatewayBody = sizeInBytes(effective(gateway.props, "quarkus.http.limits.max-body-size", "10240K"));
  const gatewayRead = seconds(effective(gateway.props, "labrange.upstream.read-timeout", "10s"));
  for (const ing of ingresses) {
    const notes = ing.metadata?.annotations ?? {};
    const body = sizeInBytes(notes["nginx.ingress.kubernetes.io/proxy-body-size"] ?? "1m");
    report.expect(body >= gatewayBody, "ingress-limits", at(ing), `proxy-body-size allows ${body} bytes but the gateway accepts ${gatewayBody}: large batches would get the controller's HTML 413`);
    for (const key of ["proxy-read-timeout", "proxy-send-timeout"]) {
      const value = Number(notes[`nginx.ingress.kubernetes.io/${key}`] ?? "60");
      report.expect(value > gatewayRead, "ingress-limits", at(ing), `${key} ${value}s must exceed the gateway's upstream read timeout (${gatewayRead}s)`);
    }
    for (const t of ing.spec.tls ?? []) if (t.secretName) referencedSecrets.set(t.secretName, at(ing));
    if (expect.publicPrefixesOnly) {
      // Only the API is public in prod: no catch-all path that would also publish /q/openapi, Swagger UI
      // or whatever else the gateway serves outside its API.
      for (const r of ing.spec.rules ?? []) {
        for (const pth of r.http?.paths ?? []) {
          report.expect(pth.path !== "/" && !pth.path.startsWith("/q") && pth.pathType !== "ImplementationSpecific", "ingress-public", at(ing), `path ${pth.path} (${pth.pathType}) publishes more than the API`);
        }
      }
      report.expect(!ing.spec.defaultBackend, "ingress-public", at(ing), "a defaultBackend publishes every path");
    }
    const backends = [ing.spec.defaultBackend, ...(ing.spec.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend))].filter(Boolean);
    for (const b of backends) {
      report.expect(b.service?.name === "gateway", "ingress", at(ing), `routes to ${b.service?.name ?? "a non-Service backend"}; only the gateway is exposed`);
      const svc = find("Service", b.service?.name);
      const ok = svc && (svc.spec.ports ?? []).some((p) => (b.service.port?.name ? p.name === b.service.port.name : p.port === b.service.port?.number));
      report.expect(Boolean(ok), "ingress", at(ing), "backend port is not a port of the Service");
    }
  }

  const model = capacity("slow");
  for (const name of ["gateway", "interpretation-service", "reference-ranges-service"]) {
    const hpa = byKind("HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef?.name === name);
    if (!report.expect(Boolean(hpa), "hpa", overlay, `no HorizontalPodAutoscaler for ${name}`)) continue;
    report.expect(hpa.spec.scaleTargetRef.kind === "Deployment" && Boolean(find("Deployment", name)), "hpa", at(hpa), "must target the Deployment");
    report.expect((hpa.spec.minReplicas ?? 1) >= expect.minReplicas, "hpa", at(hpa), `minReplicas must be at least ${expect.minReplicas}`);
    report.expect(hpa.spec.maxReplicas > (hpa.spec.minReplicas ?? 1), "hpa", at(hpa), "maxReplicas must exceed minReplicas");
    const d = find("Deployment", name);
    report.expect(!d || Boolean(d.spec.template.spec.containers.every((c) => c.resources?.requests?.cpu)), "hpa", at(hpa), "CPU utilisation needs CPU requests");
    const cpu = (hpa.spec.metrics ?? []).find((m) => m.type === "Resource" && m.resource?.name === "cpu");
    report.expect(cpu?.resource?.target?.averageUtilization === HPA_UTILISATION, "hpa", at(hpa), `must scale on CPU at ${HPA_UTILISATION} % of the request, as the capacity model assumes`);
    if (expect.capacityModel) {
      // The HPA must be allowed to reach what the capacity model needs at the slowest measured speed.
      report.expect(hpa.spec.maxReplicas >= model.pods[name], "hpa-capacity", at(hpa), `maxReplicas ${hpa.spec.maxReplicas} is below the ${model.pods[name]} pods the capacity model needs (${model.cores[name].toFixed(1)} cores at ${HPA_UTILISATION} %)`);
    }
  }
  for (const service of services) {
    const d = find("Deployment", service.name);
    if (!report.expect(Boolean(d), "workload", overlay, `no Deployment for ${service.name}`)) continue;
    const replicas = d.spec.replicas ?? 1;
    report.expect(replicas >= expect.minReplicas && (!expect.maxReplicas || replicas <= expect.maxReplicas), "replicas", at(d), `has ${replicas} replicas; this overlay wants ${expect.minReplicas}${expect.maxReplicas ? `..${expect.maxReplicas}` : "+"}`);
    const pdb = byKind("PodDisruptionBudget").find((p) => selectorMatches(p.spec.selector, d.spec.template.metadata.labels));
    if (!report.expect(Boolean(pdb), "pdb", overlay, `no PodDisruptionBudget covers ${service.name}`)) continue;
    const blocks = pdb.spec.minAvailable !== undefined ? Number(pdb.spec.minAvailable) >= replicas : Number(pdb.spec.maxUnavailable) < 1;
    report.expect(!blocks, "pdb", at(pdb), `would block every voluntary eviction with ${replicas} replica(s)`);
    if (expect.strictAvailability) {
      report.expect(pdb.spec.maxUnavailable === 1 && pdb.spec.minAvailable === undefined, "pdb", at(pdb), "must be maxUnavailable: 1 (minAvailable blocks drains once the HPA has scaled up)");
      const spread = (d.spec.template.spec.topologySpreadConstraints ?? []).find((t) => t.topologyKey === "kubernetes.io/hostname");
      report.expect(spread?.whenUnsatisfiable === "DoNotSchedule", "spread", at(d), "replicas must be spread over nodes with whenUnsatisfiable: DoNotSchedule");
    }
  }

  // --- Database --------------------------------------------------------------
  if (expect.database === "cnpg") {
    const clusters = byKind("Cluster");
    if (report.expect(clusters.length === 1, "database", overlay, "expects one CloudNativePG Cluster")) {
      const cl = clusters[0];
      report.expect(cl.spec.instances >= 3, "database", at(cl), "needs at least 3 instances");
      report.expect(Boolean(cl.spec.resources?.limits?.memory && cl.spec.resources?.requests?.cpu), "resources", at(cl), "needs requests and a memory limit");
      const secret = cl.spec.bootstrap?.initdb?.secret?.name;
      if (secret) referencedSecrets.set(secret, at(cl));
      const ranges = find("Deployment", "reference-ranges-service");
      const secretOf = (name) => ranges?.spec.template.spec.containers[0].env?.find((e) => e.name === name)?.valueFrom?.secretKeyRef?.name;
      // Flyway migrates as the owner; the service's own connections use the DML-only role the operator manages.
      const migrator = secretOf("QUARKUS_FLYWAY_USERNAME");
      const app = secretOf("QUARKUS_DATASOURCE_USERNAME");
      report.expect(!secret || migrator === secret, "database", at(cl), `owner Secret ${secret} is not the one Flyway migrates with (QUARKUS_FLYWAY_USERNAME from ${migrator})`);
      report.expect(Boolean(app) && app !== secret, "database-role", at(cl), `reference-ranges-service connects with the owner's Secret (${app}); it needs its DML-only role`);
      const role = (cl.spec.managed?.roles ?? []).find((r) => r.passwordSecret?.name === app);
      report.expect(Boolean(role) && role.login === true && !role.superuser && !role.createdb && !role.createrole, "database-role", at(cl), `no managed login role (without superuser/createdb/createrole) uses the Secret ${app} the service connects with`);
      report.expect(secretOf("LABRANGE_DB_APP_ROLE") === app, "database-role", at(cl), "LABRANGE_DB_APP_ROLE (the role the migrations grant to) must come from the service's own Secret");
      if (expect.synchronous) {
        const sync = cl.spec.postgresql?.synchronous;
        report.expect((sync?.number ?? 0) >= 1 && sync?.dataDurability !== "preferred", "synchronous", at(cl), "a range change must be confirmed by a standby before it is acknowledged (postgresql.synchronous, number >= 1, dataDurability required)");
      }
      const pm = byKind("PodMonitor").find((m) => selectorMatches(m.spec.selector, { "cnpg.io/cluster": cl.metadata.name, "cnpg.io/podRole": "instance" }));
      report.expect(Boolean(pm) && (pm.spec.podMetricsEndpoints ?? []).some((e) => e.port === "metrics"), "monitoring", at(cl), "no PodMonitor scrapes the database instances' metrics port");
      report.expect(/@sha256:[0-9a-f]{64}$/.test(cl.spec.imageName ?? ""), "image-digest", at(cl), `imageName ${cl.spec.imageName} must be pinned by digest`);
      // Connection budget: every pool the HPA may start, plus a surge pod and its Flyway connection during a
      // rollout, plus a reserve for the operator, exporters and superusers, must fit max_connections.
      if (ranges) {
        const maxConnections = Number(cl.spec.postgresql?.parameters?.max_connections ?? 100);
        const rangesService = services.find((s) => s.name === "reference-ranges-service");
        const poolEnv = envOf(ranges.spec.template.spec.containers[0], objects).get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE")?.value;
        const pool = Number(poolEnv ?? effective(rangesService.props, "quarkus.datasource.jdbc.max-size", "20"));
        const rangesHpa = byKind("HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef?.name === "reference-ranges-service");
        const pods = Math.max(rangesHpa?.spec.maxReplicas ?? 0, ranges.spec.replicas ?? 1);
        const surge = Number(ranges.spec.strategy?.rollingUpdate?.maxSurge ?? 1);
        const needed = (pods + surge) * pool + surge + DB_CONNECTION_RESERVE;
        report.expect(needed <= maxConnections, "connections", at(cl), `max_connections ${maxConnections} < ${needed}: ${pods} pods + ${surge} surging x pool ${pool} + Flyway + ${DB_CONNECTION_RESERVE} reserved`);
      }
      const plugin = (cl.spec.plugins ?? []).find((p) => p.isWALArchiver);
      const store = plugin && byKind("ObjectStore").find((o) => o.metadata.name === plugin.parameters?.barmanObjectName);
      report.expect(Boolean(store || cl.spec.backup?.barmanObjectStore), "backup", at(cl), "no WAL archive / object store configured");
      for (const o of byKind("ObjectStore")) {
        const cred = o.spec.configuration.s3Credentials;
        for (const ref of [cred?.accessKeyId, cred?.secretAccessKey]) if (ref) referencedSecrets.set(ref.name, at(o));
      }
      const sb = byKind("ScheduledBackup");
      report.expect(sb.some((b) => b.spec.cluster.name === cl.metadata.name), "backup", at(cl), "no ScheduledBackup for the cluster");
      for (const b of sb) {
        report.expect(b.spec.cluster.name === cl.metadata.name, "backup", at(b), `refers to unknown cluster ${b.spec.cluster.name}`);
        if (b.spec.method === "plugin") report.expect((cl.spec.plugins ?? []).some((p) => p.name === b.spec.pluginConfiguration?.name), "backup", at(b), "uses a plugin the cluster does not enable");
      }
    }
  } else {
    const sts = find("StatefulSet", expect.databaseName);
    if (report.expect(Boolean(sts), "database", overlay, `no StatefulSet ${expect.databaseName}`)) {
      report.expect((sts.spec.volumeClaimTemplates ?? []).length > 0, "database", at(sts), "needs a volumeClaimTemplate for its data");
      report.expect((sts.spec.replicas ?? 1) === 1, "database", at(sts), "is a single instance");
      report.expect(Boolean(find("Service", sts.spec.serviceName)), "database", at(sts), `governing Service ${sts.spec.serviceName} missing`);
    }
  }

  // --- References ------------------------------------------------------------
  for (const [name, where] of referencedConfigMaps) {
    report.expect(Boolean(find("ConfigMap", name)), "configmap-ref", where, `refers to ConfigMap ${name}, which this overlay does not define`);
  }
  for (const [name, where] of referencedSecrets) {
    report.expect(readme.includes(`\`${name}\``), "secret-documented", where, `Secret ${name} is not documented in deploy/README.md (the platform team creates it from there)`);
  }
}

/** Checks that do not depend on an overlay: the services' container builds. */
export function checkRepository({ report, repo }) {
  const services = SERVICES.map((s) => readService(repo, s));
  const ignore = path.join(repo, ".dockerignore");
  report.expect(existsSync(ignore) && /^\/?\*\*\/target\/?$|^\/?\*\/target\/?$/m.test(readFileSync(ignore, "utf8")), "dockerignore", ".dockerignore", "the repository root (the native images' build context) needs a .dockerignore that leaves out build output");
  const script = path.join(repo, "deploy/scripts/build-images.sh");
  if (existsSync(script)) {
    const text = readFileSync(script, "utf8");
    report.expect(text.includes("labrange/${svc}:${tag}"), "image-name", "deploy/scripts/build-images.sh", "no longer names images labrange/<service>:<tag>, which the manifests use");
    for (const s of SERVICES) report.expect(text.includes(s.name), "image-name", "deploy/scripts/build-images.sh", `does not build ${s.name}`);
  }
  for (const service of services) {
    if (!service.exists) continue;
    const where = `${service.name}/src/main/docker`;
    for (const f of ["Dockerfile.native-multistage", "Dockerfile.jvm", "Dockerfile.native-sources"]) {
      const text = service.dockerfiles[f];
      const optional = f === "Dockerfile.native-sources";
      if (!report.expect(Boolean(text) || optional, "dockerfile", where, `${f} is missing`) || !text) continue;
      for (const m of text.matchAll(/^\s*ARG\s+(\w*IMAGE)=(\S+)/gm)) {
        report.expect(/@sha256:[0-9a-f]{64}$/.test(m[2]), "image-digest", `${where}/${f}`, `${m[1]} default ${m[2]} must be pinned by digest`);
      }
      const exposes = [...text.matchAll(/^\s*EXPOSE\s+(.+)$/gim)].flatMap((m) => m[1].trim().split(/\s+/));
      report.expect(exposes.length === 1 && Number(exposes[0].split("/")[0]) === service.httpPort, "dockerfile", `${where}/${f}`, `must EXPOSE exactly the HTTP port ${service.httpPort} (has ${exposes.join(" ") || "none"})`);
      const users = [...text.matchAll(/^\s*USER\s+(\S+)/gim)].map((m) => m[1]);
      report.expect(users.length > 0 && !/^(0|root)(:|$)/.test(users[users.length - 1]), "dockerfile", `${where}/${f}`, "the final stage must switch to a non-root USER");
      report.expect(/org\.opencontainers\.image\.source/.test(text) && /org\.opencontainers\.image\.version/.test(text), "dockerfile", `${where}/${f}`, "needs OCI labels org.opencontainers.image.source and .version");
      const others = SERVICES.filter((o) => o.name !== service.name && !service.name.includes(o.name)).map((o) => o.name);
      const strays = others.filter((o) => text.includes(o));
      report.expect(strays.length === 0, "dockerfile-module", `${where}/${f}`, `mentions another service (${strays.join(", ")}): copied from a sibling and not adapted?`);
      if (f === "Dockerfile.native-multistage") {
        report.expect(text.includes(`${service.name}/pom.xml`) && text.includes(`/code/${service.name}/target/`), "dockerfile-module", `${where}/${f}`, `must build and copy ${service.name}, not another module`);
      }
    }
  }

}

/** Bytes in a size written the Quarkus way (20M, 512K, 1048576) or the nginx way (20m, 1g). */
function sizeInBytes(text) {
  const m = String(text).trim().match(/^(\d+)\s*([kKmMgG]?)[bB]?$/);
  if (!m) return NaN;
  const scale = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase()];
  return Number(m[1]) * scale;
}

/** Seconds in a Quarkus duration (10s, 2m, 500ms, PT10S) or a bare number of seconds. */
function seconds(text) {
  const t = String(text).trim();
  let m = t.match(/^(\d+(?:\.\d+)?)(ms|s|m|h)?$/);
  if (m) return Number(m[1]) * { ms: 0.001, s: 1, m: 60, h: 3600, undefined: 1 }[m[2]];
  m = t.toUpperCase().match(/^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/);
  return m ? (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) : NaN;
}
