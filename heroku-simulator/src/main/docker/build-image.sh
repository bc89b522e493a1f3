#!/usr/bin/env bash
# Builds local/heroku-simulator:latest from target/heroku-simulator.jar without pulling anything.
# Usage (from the repository root, after `mvn -B -pl heroku-simulator -am package`):
#   bash heroku-simulator/src/main/docker/build-image.sh
set -euo pipefail
module="$(cd "$(dirname "$0")/../../.." && pwd)"
jar="$module/target/heroku-simulator.jar"
[ -f "$jar" ] || { echo "build-image: $jar is missing; run mvn package first" >&2; exit 2; }
ctx="$(mktemp -d)"
trap 'rm -rf "$ctx"' EXIT
mkdir -p "$ctx/app" "$ctx/tmp" "$ctx/lib/x86_64-linux-gnu" "$ctx/lib64"
cp "$jar" "$ctx/app/heroku-simulator.jar"
"${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}/bin/jlink" \
  --add-modules java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.unsupported,jdk.crypto.ec \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$ctx/jre"
for lib in libc.so.6 libm.so.6 libz.so.1 libgcc_s.so.1 libstdc++.so.6 libpthread.so.0 libdl.so.2 librt.so.1; do
  [ -e "/lib/x86_64-linux-gnu/$lib" ] && cp -L "/lib/x86_64-linux-gnu/$lib" "$ctx/lib/x86_64-linux-gnu/"
done
cp -L /lib64/ld-linux-x86-64.so.2 "$ctx/lib64/"
cp "$module/src/main/resources/heroku-simulator-docker/Dockerfile" "$ctx/Dockerfile"
docker build -t local/heroku-simulator:latest "$ctx"
