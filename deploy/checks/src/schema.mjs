// Validates rendered objects against the Kubernetes OpenAPI schemas shipped in
// the npm packages `kubernetes-models` and `@kubernetes-models/prometheus-operator`,
// and rejects fields the schema does not declare.
//
// The packages ship the schemas as compiled validators. Those validators probe
// every property their schema declares (`data.replicas !== undefined`, ...) and
// enumerate the keys only of free-form maps (labels, ConfigMap data). Running a
// validator over a Proxy that records those reads therefore tells, for every
// object it visited, which keys the schema knows; any other key is unknown.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

const PACKAGES = [
  { match: (group) => group === "" || !group.includes("."), pkg: "kubernetes-models" },
  { match: (group) => group.endsWith(".k8s.io"), pkg: "kubernetes-models" },
  { match: (group) => group === "monitoring.coreos.com", pkg: "@kubernetes-models/prometheus-operator" },
];

const cache = new Map();

function packageDir(pkg) {
  return path.dirname(require.resolve(`${pkg}/package.json`));
}

/** Returns the compiled validator for apiVersion/kind, or undefined when no schema is known. */
export async function validatorFor(apiVersion, kind) {
  const key = `${apiVersion}/${kind}`;
  if (cache.has(key)) return cache.get(key);
  let result;
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const entry = PACKAGES.find((p) => p.match(group));
  if (entry && /^[A-Za-z0-9]+$/.test(kind)) {
    const dir = packageDir(entry.pkg);
    const modelFile = group === "" ? path.join(dir, version, `${kind}.js`) : path.join(dir, group, version, `${kind}.js`);
    try {
      const source = readFileSync(modelFile, "utf8");
      const m = source.match(/import\{validate\}from"([^"]+_schemas\/[^"]+\.js)"/);
      if (m) {
        const mod = await import(pathToFileURL(path.resolve(path.dirname(modelFile), m[1])).href);
        result = mod.validate;
      }
    } catch {
      result = undefined;
    }
  }
  cache.set(key, result);
  return result;
}

/**
 * Runs `validate` over `obj`; returns { errors: [...schema errors], unknown: [json paths] }.
 */
export function validateStrict(validate, obj) {
  const records = new Map(); // target object -> { path, keys, enumerated }
  const proxies = new WeakMap();

  function wrap(target, at) {
    if (target === null || typeof target !== "object") return target;
    if (proxies.has(target)) return proxies.get(target);
    const rec = { path: at, keys: new Set(), enumerated: false };
    records.set(target, rec);
    const proxy = new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver);
        if (typeof prop !== "string") return value;
        rec.keys.add(prop);
        if (value !== null && typeof value === "object" && Object.prototype.hasOwnProperty.call(t, prop)) {
          return wrap(value, `${at}/${prop}`);
        }
        return value;
      },
      has(t, prop) {
        if (typeof prop === "string") rec.keys.add(prop);
        return Reflect.has(t, prop);
      },
      ownKeys(t) {
        rec.enumerated = true;
        return Reflect.ownKeys(t);
      },
    });
    proxies.set(target, proxy);
    return proxy;
  }

  const ok = validate(wrap(obj, ""));
  const errors = ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.keyword} ${JSON.stringify(e.params)}`);
  const unknown = [];
  for (const [target, rec] of records) {
    if (Array.isArray(target) || rec.enumerated) continue;
    // A schema without declared properties (free-form object) probes nothing.
    if (rec.keys.size === 0) continue;
    for (const k of Object.keys(target)) {
      if (!rec.keys.has(k)) unknown.push(`${rec.path}/${k}`);
    }
  }
  return { errors, unknown };
}
