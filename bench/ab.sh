#!/usr/bin/env bash
# A/B comparison of whole nights in alternating rounds: the way every before/after figure of docs/BENCHMARKS.md since
# the sixth pass was measured. The host's speed drifts by ~25% within minutes, so one run of A and one of B say little;
# rounds that alternate the configurations and the paired differences (B - A of the same round) do.
#
#   bench/ab.sh [--rounds N] [--mode nothing-new|full] [--pages N] CONFIG CONFIG...
#
# CONFIG is a jar, or JAR@OPTIONS to add JVM options to the launcher's (`wirearchive --which-java-opts`); a
# configuration's options are part of its AOT cache's key, so each trains its own cache. The first is the baseline.
#   --rounds N   rounds (default 25 for nothing-new nights, 3 for full ones); each round runs every CONFIG once
#   --mode M     nothing-new (default): nights with nothing new on a database kept per configuration (made by one
#                untimed full night first); full: full nights into a fresh database each time
#   --pages N    the archive bench/run.sh generated for N pages (default 100000; generated here when missing)
#
# Examples:
#   bench/ab.sh /tmp/old.jar batch-app/target/wirearchive.jar          # two builds, nothing-new nights
#   bench/ab.sh --mode full --rounds 4 /tmp/a.jar /tmp/a.jar@-XX:+UseCompactObjectHeaders
#
# Environment: BENCH_DIR (default /tmp/wirearchive-bench). Prints, per configuration, the mean and median wall and
# CPU (user + sys) of the whole process, and against the baseline the mean paired difference with its standard
# error. 25 rounds see a 2% difference in a nothing-new night; a full night needs 3 pairs or more, and can mislead.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_dir=${BENCH_DIR:-/tmp/wirearchive-bench}
rounds=
mode=nothing-new
pages=100000
configs=()

usage() { sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    --pages) pages=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "bench/ab.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) configs+=("$1"); shift ;;
  esac
done
case "$mode" in
  nothing-new) rounds=${rounds:-25} ;;
  full) rounds=${rounds:-3} ;;
  *) echo "bench/ab.sh: --mode is nothing-new or full, not '$mode'" >&2; exit 2 ;;
esac
case "$rounds$pages" in
  *[!0-9]*) echo "bench/ab.sh: --rounds and --pages take whole numbers" >&2; exit 2 ;;
esac
if [ "${#configs[@]}" -lt 2 ]; then
  echo "bench/ab.sh: give two configurations or more (the first is the baseline)" >&2; usage >&2; exit 2
fi
for c in "${configs[@]}"; do
  [ -f "${c%%@*}" ] || { echo "bench/ab.sh: no jar ${c%%@*}" >&2; exit 3; }
done
[ -x /usr/bin/time ] || { echo "bench/ab.sh: /usr/bin/time is missing: apt-get install -y time" >&2; exit 3; }

launcher=$repo/wirearchive
# the JVM options a run gets (WIREARCHIVE_JAVA_OPTS, else the launcher's default for the java it chooses)
default_opts=$("$launcher" --which-java-opts)

work=$bench_dir/ab
archive=$bench_dir/pages-$pages/gen/archive
mkdir -p "$work"
if [ ! -d "$archive" ]; then
  echo "== generating $pages pages into $archive (seed 7, as bench/run.sh)" >&2
  WIREARCHIVE_JAR=${configs[0]%%@*} "$launcher" generate --articles "$pages" --out "$bench_dir/pages-$pages/gen" \
    --seed 7 --mix FULL >"$work/generate.log" 2>&1
  echo "n=$pages seed=7 mix=FULL" >"$bench_dir/pages-$pages/gen/.bench-spec"
fi

# the launcher with configuration $1's jar, JVM options and AOT cache directory; the rest of the arguments its own
launch() {
  local i=$1 c=${configs[$1]} opts=$default_opts
  shift
  [ "$c" != "${c%%@*}" ] && opts="$opts ${c#*@}"
  WIREARCHIVE_JAR=${c%%@*} WIREARCHIVE_CDS_DIR=$work/cds-$i WIREARCHIVE_JAVA_OPTS=$opts "$@"
}

# night CONFIG_INDEX RUN_DATE DATA_DIR: one night, prints "wall cpu"
night() {
  local i=$1 date=$2 data=$3
  mkdir -p "$work/run-$i"
  if ! (cd "$work/run-$i" && launch "$i" /usr/bin/time -f '%e %U %S' -o "$work/run-$i/time" "$launcher" ingest \
      --input "$archive" --data "$data" --out "$work/run-$i/out" --run-date "$date" \
      >"$work/run-$i/log" 2>"$work/run-$i/err"); then
    echo "bench/ab.sh: configuration $i (${configs[$i]}) failed on $date; see $work/run-$i/log and err" >&2
    exit 1
  fi
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$work/run-$i/time"
}

echo "== $mode nights, $rounds rounds, $pages pages; configurations:" >&2
for i in "${!configs[@]}"; do
  echo "   $i: ${configs[$i]}" >&2
  launch "$i" "$launcher" --version >/dev/null # its AOT cache, trained before anything is timed
  if [ "$mode" = nothing-new ]; then
    rm -rf "$work/data-$i"
    echo "   $i: the untimed full night of its kept database..." >&2
    night "$i" 2026-01-01 "$work/data-$i" >/dev/null
  fi
done

results=$work/results.txt
: >"$results"
day=1
for ((r = 1; r <= rounds; r++)); do
  for i in "${!configs[@]}"; do
    if [ "$mode" = nothing-new ]; then
      date=$(date -u -d "2026-01-01 + $day days" +%F)
      data=$work/data-$i
    else
      date=2026-01-01
      data=$work/data-full
      rm -rf "$data" "$work/run-$i/out"
    fi
    t=$(night "$i" "$date" "$data")
    echo "$r $i $t" >>"$results"
    echo "   round $r config $i: $t (wall s, CPU s)" >&2
  done
  day=$((day + 1))
done
[ "$mode" = full ] && rm -rf "$work/data-full"

awk -v n="${#configs[@]}" '
  { wall[$2, $1] = $3; cpu[$2, $1] = $4; if ($1 > rounds) rounds = $1 }
  function stats(arr, i,   r, s, m, k, v, sorted) {
    s = 0; for (r = 1; r <= rounds; r++) { v[r] = arr[i, r]; s += v[r] }
    m = s / rounds
    # median: insertion sort of the round values
    for (r = 1; r <= rounds; r++) { k = r; while (k > 1 && sorted[k - 1] > v[r]) { sorted[k] = sorted[k - 1]; k-- } sorted[k] = v[r] }
    med = rounds % 2 ? sorted[(rounds + 1) / 2] : (sorted[rounds / 2] + sorted[rounds / 2 + 1]) / 2
    return m
  }
  function paired(arr, i,   r, d, s, m, ss) {
    s = 0; for (r = 1; r <= rounds; r++) { d[r] = arr[i, r] - arr[0, r]; s += d[r] }
    m = s / rounds; ss = 0
    for (r = 1; r <= rounds; r++) ss += (d[r] - m) ^ 2
    se = rounds > 1 ? sqrt(ss / (rounds - 1)) / sqrt(rounds) : 0
    return m
  }
  END {
    for (i = 0; i < n; i++) {
      mw = stats(wall, i); medw = med; mc = stats(cpu, i); medc = med
      line = sprintf("config %d: wall mean %.3f median %.3f s, CPU mean %.3f median %.3f s", i, mw, medw, mc, medc)
      if (i > 0) {
        dw = paired(wall, i); sew = se; dc = paired(cpu, i); sec = se
        line = line sprintf("; against 0: wall %+.3f s (se %.3f), CPU %+.3f s (se %.3f)", dw, sew, dc, sec)
      }
      print line
    }
  }' "$results"
echo "(every night: $results; rounds round config wall cpu)" >&2
