#!/usr/bin/env bash
# Builds the benchmarks and runs every figure; rewrites benchmarks/RESULTS.md. See benchmarks/README.md.
#   benchmarks/run.sh            full run (about 38 minutes on 2 cores)
#   benchmarks/run.sh --quick    smoke test, writes benchmarks/target/RESULTS-quick.md
#   benchmarks/run.sh --only 1,3 some figures only (1-6, 1c; 7 = rate-limit throttles, about 10 minutes; 8 = a huge scaling refused)
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_COMMAND="benchmarks/run.sh${*:+ $*}"
profiles=benchmarks
modules=benchmarks,benchmarks/startup-app
if [ -f heroku-spring-boot-starter/pom.xml ]; then
  profiles=benchmarks,benchmarks-starter
  modules=$modules,benchmarks/startup-app-starter,benchmarks/mvc-app,benchmarks/mvc-app-starter,benchmarks/mvc-app-webflux,benchmarks/mvc-app-webclient
fi
echo "[bench] building: mvn -B -q -P$profiles -pl $modules -am package -DskipTests"
mvn -B -q -P"$profiles" -pl "$modules" -am package -DskipTests
mvn -B -q -pl schema-converter dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$PWD/benchmarks/target/converter.classpath"
if [ ! -d benchmarks/node/node_modules/heroku-client ]; then
  (cd benchmarks/node && npm ci --no-audit --no-fund)
fi
exec java -cp "benchmarks/target/classes:benchmarks/target/lib/*" dev.heroku4j.bench.RunAll "$@"
