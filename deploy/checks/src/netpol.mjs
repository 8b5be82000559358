// A small evaluator of Kubernetes NetworkPolicy semantics, used to prove who
// can talk to whom in a rendered overlay instead of only looking at the YAML.

export function selectorMatches(selector, labels = {}) {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[k] !== v) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const value = labels[e.key];
    switch (e.operator) {
      case "In":
        if (!has || !e.values.includes(value)) return false;
        break;
      case "NotIn":
        if (has && e.values.includes(value)) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

function policyTypes(policy) {
  if (policy.spec.policyTypes) return policy.spec.policyTypes;
  return policy.spec.egress ? ["Ingress", "Egress"] : ["Ingress"];
}

/** Does a from/to peer of a policy living in `policyNs` match `pod`? */
function peerMatches(peer, policyNs, pod) {
  if (peer.ipBlock) {
    // Pod addresses may fall inside any CIDR; count the block as matching (the
    // cautious answer when proving that something is denied).
    return true;
  }
  if (peer.namespaceSelector) {
    if (!selectorMatches(peer.namespaceSelector, pod.namespaceLabels)) return false;
  } else if (pod.namespace !== policyNs) {
    return false;
  }
  return peer.podSelector ? selectorMatches(peer.podSelector, pod.labels) : true;
}

function portMatches(rulePorts, target, port) {
  if (!rulePorts || rulePorts.length === 0) return true;
  return rulePorts.some((p) => {
    if ((p.protocol ?? "TCP") !== (port.protocol ?? "TCP")) return false;
    if (p.port === undefined) return true;
    if (typeof p.port === "string" && !/^\d+$/.test(p.port)) return p.port === port.name;
    const n = Number(p.port);
    return p.endPort ? port.containerPort >= n && port.containerPort <= p.endPort : port.containerPort === n;
  });
}

function allowedBy(policies, subject, direction, other, port, target) {
  const isolating = policies.filter(
    (p) => (p.metadata.namespace ?? subject.namespace) === subject.namespace && selectorMatches(p.spec.podSelector, subject.labels) && policyTypes(p).includes(direction),
  );
  if (isolating.length === 0) return { allowed: true, by: "no policy selects the pod" };
  for (const p of isolating) {
    const rules = direction === "Ingress" ? p.spec.ingress ?? [] : p.spec.egress ?? [];
    for (const rule of rules) {
      const peers = direction === "Ingress" ? rule.from : rule.to;
      const peerOk = !peers || peers.length === 0 || peers.some((peer) => peerMatches(peer, subject.namespace, other));
      if (peerOk && portMatches(rule.ports, target, port)) return { allowed: true, by: p.metadata.name };
    }
  }
  return { allowed: false, by: isolating.map((p) => p.metadata.name).join(", ") };
}

/**
 * Can `src` open a connection to `dst` on the container port `port` of `dst`?
 * Pods are { name, namespace, namespaceLabels, labels, ports }.
 */
export function canConnect(policies, src, dst, port) {
  const egress = src.external ? { allowed: true, by: "outside the namespace" } : allowedBy(policies, src, "Egress", dst, port, dst);
  const ingress = allowedBy(policies, dst, "Ingress", src, port, dst);
  return { allowed: egress.allowed && ingress.allowed, egress, ingress };
}
