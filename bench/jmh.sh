#!/usr/bin/env bash
# Builds and runs the JMH micro-benchmarks of core (bench/jmh, not part of the root build).
#
#   bench/jmh.sh [JMH options...]     default: -f 1 -wi 3 -i 5 -w 1s -r 2s (short: a few minutes for the suite)
#   bench/jmh.sh -l                    list the benchmarks
#   bench/jmh.sh 'FingerprintBenchmark' -wi 5 -i 10
#
# Installs this checkout's core (and the parent pom) into ~/.m2 first, so the benchmarks measure the core of this
# checkout, not whatever another checkout installed. The full result is kept in $BENCH_DIR/jmh-<date>.txt.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_dir=${BENCH_DIR:-/tmp/wirearchive-bench}
mkdir -p "$bench_dir"

(cd "$repo" && mvn -B -q -o -pl core -am install -DskipTests) >&2
(cd "$repo/bench/jmh" && { mvn -B -q -o package || mvn -B -q package; }) >&2

args=("$@")
[ ${#args[@]} -gt 0 ] || args=(-f 1 -wi 3 -i 5 -w 1s -r 2s)
out=$bench_dir/jmh-$(date -u +%Y%m%dT%H%M%S).txt
{
  echo "# commit $(git -C "$repo" rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
  java -jar "$repo/bench/jmh/target/benchmarks.jar" "${args[@]}"
  echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out"
echo "(kept in $out)" >&2
