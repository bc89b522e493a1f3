#!/usr/bin/env python3
"""Diagnosis for figure 2 (not part of run.sh): a few contenders at one concurrency, each in its own JVM, round-robin.

    python3 benchmarks/throughput-rounds.py floor heroku4j 'heroku4j@-Da=2' floor-model generated-only

Each argument is a ThroughputWorker contender, optionally with JVM options after '@' (';'-separated); the same
contender twice (e.g. with a dummy -Da=2) shows how far two JVMs of one contender differ. Every worker is warmed up
(RUN conc 1000 WARM), then ROUNDS rounds give each a window of WINDOW ms in turn. Environment: CONC (256), WARM
(30000), ROUNDS (5), WINDOW (3000). Build first: mvn -B -Pbenchmarks -pl benchmarks package -DskipTests.
"""
import os
import statistics
import subprocess
import sys

root = os.path.dirname(os.path.abspath(__file__))
cp = f"{root}/target/classes:{root}/target/lib/*"
conc = int(os.environ.get("CONC", "256"))
warm = int(os.environ.get("WARM", "30000"))
rounds = int(os.environ.get("ROUNDS", "5"))
window = int(os.environ.get("WINDOW", "3000"))
contenders = sys.argv[1:]
if not contenders:
    sys.exit(__doc__)

server = subprocess.Popen(["java", "-Xms256m", "-Xmx256m", "-cp", cp, "dev.heroku4j.bench.server.LoopbackServer",
                           "--pages", "2", "--threads", "1"], stdout=subprocess.PIPE, text=True)
url = "http://127.0.0.1:" + server.stdout.readline().split()[1]
workers = {}
for c in contenders:
    name, _, opts = c.partition("@")
    p = subprocess.Popen(["java", "-Xmx512m"] + (opts.split(";") if opts else []) + ["-Dbench.url=" + url, "-cp", cp,
                         "dev.heroku4j.bench.worker.ThroughputWorker", name],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    for line in p.stdout:
        if line.startswith("READY"):
            break
    else:
        sys.exit("worker " + c + " did not start")
    workers[c] = p


def run(p, ramp, measure):
    """calls/s, CPU µs per call and errors of one window (the worker's RESULT line)."""
    p.stdin.write(f"RUN {conc} {ramp} {measure}\n")
    p.stdin.flush()
    for line in p.stdout:
        if line.startswith("RESULT"):
            ops, errors, cpu, wall = (int(x) for x in line.split()[1:5])
            return ops / (wall / 1e9), cpu / 1e3 / max(ops, 1), errors
    sys.exit("worker ended")


try:
    for c, p in workers.items():
        print("warm-up %s: %.0f calls/s, %.0f µs CPU per call" % ((c,) + run(p, 1000, warm)[:2]), flush=True)
    results = {c: [] for c in workers}
    for _ in range(rounds):
        for c, p in workers.items():
            results[c].append(run(p, 500, window))
    base = statistics.median(r[0] for r in results[contenders[0]])
    for c, rs in results.items():
        rate = [r[0] for r in rs]
        print("%-45s %6.0f calls/s (%6.0f-%6.0f), %4.0f µs CPU per call, %d errors, %.2f of %s" % (
            c, statistics.median(rate), min(rate), max(rate), statistics.median(r[1] for r in rs),
            sum(r[2] for r in rs), statistics.median(rate) / base, contenders[0]))
finally:
    for p in workers.values():
        p.kill()
    server.kill()
