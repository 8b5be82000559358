#!/usr/bin/env python3
"""Where the CPU time goes, from a JFR recording's execution samples (standard library only).

    jfr_hotspots.py RECORDING.jfr [TOP]

Prints (1) the methods most often on top of the stack (self time) and (2) the share of samples in which
each area (package prefix below) appears anywhere on the stack (inclusive time).
"""
import collections
import json
import subprocess
import sys

AREAS = [
    ("JWT verification (smallrye-jwt, jose4j, RSA)", ("io.smallrye.jwt", "org.jose4j", "sun.security.rsa",
                                                      "java.security.Signature", "sun.security.provider")),
    ("JSON (Jackson)", ("com.fasterxml.jackson",)),
    ("labrange code", ("org.labrange",)),
    ("interpretation engine (domain)", ("org.labrange.interpretation.domain",)),
    ("UCUM", ("org.fhir.ucum",)),
    ("REST server (RESTEasy Reactive)", ("org.jboss.resteasy.reactive.server",)),
    ("REST/HTTP client", ("org.jboss.resteasy.reactive.client", "io.vertx.core.http.impl.HttpClient",
                          "io.vertx.ext.web.client", "io.quarkus.rest.client", "io.vertx.core.http.impl.Http1xClient")),
    ("fault tolerance", ("io.smallrye.faulttolerance",)),
    ("metrics (Micrometer)", ("io.micrometer",)),
    ("logging", ("org.jboss.logmanager", "org.jboss.logging")),
    ("Netty / Vert.x I/O", ("io.netty", "io.vertx.core.net")),
    ("Hibernate / JDBC / Agroal", ("org.hibernate", "org.postgresql", "io.agroal")),
]


def main():
    path = sys.argv[1]
    top_n = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    raw = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", "--stack-depth", "128", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    self_time = collections.Counter()
    inclusive = collections.Counter()
    total = 0
    for e in events:
        frames = (e.get("values", {}).get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        total += 1
        names = [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".") for f in frames]
        self_time[names[0]] += 1
        for area, prefixes in AREAS:
            if any(n.startswith(prefixes) for n in names):
                inclusive[area] += 1
    print(f"samples: {total}")
    print("\nself time (top of stack):")
    for name, count in self_time.most_common(top_n):
        print(f"  {100.0 * count / total:5.1f}%  {name}")
    print("\ninclusive (area anywhere on the stack; areas overlap):")
    for area, _ in AREAS:
        print(f"  {100.0 * inclusive[area] / max(total, 1):5.1f}%  {area}")


if __name__ == "__main__":
    main()
