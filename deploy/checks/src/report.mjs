// Collects check results. A check either passes or fails with a message naming
// the overlay, the object and what is wrong.

export class Report {
  constructor() {
    this.passed = 0;
    this.failures = [];
    this.notes = [];
  }

  /** Records one assertion. `rule` is a short stable id used by the self-test. */
  expect(condition, rule, where, message) {
    if (condition) {
      this.passed += 1;
    } else {
      this.failures.push({ rule, where, message });
    }
    return condition;
  }

  fail(rule, where, message) {
    return this.expect(false, rule, where, message);
  }

  note(message) {
    this.notes.push(message);
  }

  rulesFailed() {
    return new Set(this.failures.map((f) => f.rule));
  }
}

export function describe(obj) {
  if (!obj || typeof obj !== "object") return String(obj);
  const ns = obj.metadata?.namespace ? `${obj.metadata.namespace}/` : "";
  return `${obj.kind ?? "?"} ${ns}${obj.metadata?.name ?? "?"}`;
}
