#!/usr/bin/env bash
# Builds and runs the JMH micro-benchmarks of core (bench/jmh, not part of the root build).
#
#   bench/jmh.sh [JMH options...]     default: -f 1 -wi 3 -i 5 -w 1s -r 2s (short: a few minutes for the suite)
#   bench/jmh.sh -l                    list the benchmarks
#   bench/jmh.sh 'FingerprintBenchmark' -wi 5 -i 10
#
# Packages this checkout's core (core/target only: nothing is installed into ~/.m2, where other checkouts would pick
# it up) and runs the benchmarks with that jar and core's dependencies on the class path, so they measure the core of
# this checkout. The full result is kept in $BENCH_DIR/jmh-<date>.txt.
#
#   bench/jmh.sh PageCpuBenchmark -wi 3 -i 5      parse and fingerprint per page: wall (avgt) and CPU µs per page
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_dir=${BENCH_DIR:-/tmp/wirearchive-bench}
mkdir -p "$bench_dir"

# offline first; online once when a plugin or its dependencies are not in the local repository yet (a fresh machine:
# the dependency plugin's own dependencies)
(cd "$repo" && { mvn -B -q -o -pl core -am package -DskipTests || mvn -B -q -pl core -am package -DskipTests; }) >&2
classpath() { mvn -B -q "$@" -pl core dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$bench_dir/jmh-core.classpath"; }
(cd "$repo" && { classpath -o >/dev/null 2>&1 || classpath; }) >&2
(cd "$repo/bench/jmh" && { mvn -B -q -o clean package || mvn -B -q clean package; }) >&2
cp "$repo"/core/target/wirearchive-core-*.jar "$bench_dir/jmh-core.jar"
cp "$repo/bench/jmh/target/benchmarks.jar" "$bench_dir/jmh-benchmarks.jar"
cp="$bench_dir/jmh-benchmarks.jar:$bench_dir/jmh-core.jar:$(cat "$bench_dir/jmh-core.classpath")"

args=("$@")
[ ${#args[@]} -gt 0 ] || args=(-f 1 -wi 3 -i 5 -w 1s -r 2s)
out=$bench_dir/jmh-$(date -u +%Y%m%dT%H%M%S).txt
{
  echo "# commit $(git -C "$repo" rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
  java -cp "$cp" org.openjdk.jmh.Main "${args[@]}"
  echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out"
echo "(kept in $out)" >&2
