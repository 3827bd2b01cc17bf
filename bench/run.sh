#!/usr/bin/env bash
# End-to-end benchmark: generate archives, measure the grep floor and the store floor (bench/store-floor: read,
# decode, hash and insert every file into indexed H2 tables, plain JDBC), a full ingest into a fresh H2 database and
# the incremental night (no new files); print one table and append it to docs/BENCHMARKS.md.
#
#   bench/run.sh [--pages N[,N...]] [--skip-1m] [--seed S] [--mix FULL|MENAFN_TEXT] [--regen] [--keep]
#                [--floor-repeats R] [--store-repeats R] [--store-after R] [--incr-repeats R] [--no-append] [--jfr]
#
# Environment:
#   BENCH_DIR              scratch directory (default: /tmp/wirearchive-bench); never inside the repository
#   WIREARCHIVE_JAVA_OPTS  JVM options of the ingest (default: the launcher's, `wirearchive --which-java-opts`:
#                          -Xmx704m -XX:+UseParallelGC, its C2 thresholds and inlining limit, compact object headers on
#                          Java 25+)
#   BENCH_JAR              use this application jar instead of building batch-app/target/wirearchive.jar
#
# See docs/BENCHMARKS.md for what every column means.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_dir=${BENCH_DIR:-/tmp/wirearchive-bench}
pages="100000,1000000"
seed=7
mix=FULL
regen=0
keep=0
append=1
floor_repeats=3
store_repeats=1
store_after=1 # store-floor runs after the two nights too: the host's speed drifts within minutes
incr_repeats=3 # nothing-new nights after the full one (run dates 2026-01-02, -03, ...): the median is the figure
jfr=0
run_date_full=2026-01-01
run_date_incr=2026-01-02

usage() { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --pages) pages=$2; shift 2 ;;
    --pages=*) pages=${1#*=}; shift ;;
    --skip-1m) pages=$(echo "$pages" | tr ',' '\n' | awk '$1 < 1000000' | paste -sd, -); shift ;;
    --seed) seed=$2; shift 2 ;;
    --mix) mix=$2; shift 2 ;;
    --regen) regen=1; shift ;;
    --keep) keep=1; shift ;;
    --no-append) append=0; shift ;;
    --floor-repeats) floor_repeats=$2; shift 2 ;;
    --store-repeats) store_repeats=$2; shift 2 ;;
    --store-after) store_after=$2; shift 2 ;;
    --incr-repeats) incr_repeats=$2; shift 2 ;;
    --jfr) jfr=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
[ -n "$pages" ] || { echo "bench/run.sh: no sizes left to run (--skip-1m removed them all)" >&2; exit 2; }
case "$incr_repeats" in
  ''|*[!0-9]*|0) echo "bench/run.sh: --incr-repeats needs a whole number of 1 or more, not '$incr_repeats'" >&2; exit 2 ;;
esac

case "$(cd "$(dirname "$bench_dir")" 2>/dev/null && pwd)/" in
  "$repo"/*) echo "bench/run.sh: BENCH_DIR must not be inside the repository ($bench_dir)" >&2; exit 2 ;;
esac
mkdir -p "$bench_dir"
bench_dir=$(cd "$bench_dir" && pwd)

if [ ! -x /usr/bin/time ]; then
  echo "bench/run.sh: /usr/bin/time is missing: apt-get install -y time" >&2
  exit 3
fi

# The application jar: the launcher's "stale" check compares the jar's mtime with the sources, but the jar's mtime is
# project.build.outputTimestamp, so it would rebuild on every call. Build once here, copy the jar (other builds then
# cannot change it under a running benchmark) and run the launcher with WIREARCHIVE_JAR.
if [ -n "${BENCH_JAR:-}" ]; then
  src_jar=$BENCH_JAR
else
  src_jar=$repo/batch-app/target/wirearchive.jar
  echo "== building the application jar (mvn -B -q -o -DskipTests package)" >&2
  (cd "$repo" && { mvn -B -q -o -DskipTests package || mvn -B -q -DskipTests package; }) >&2
fi
cp "$src_jar" "$bench_dir/wirearchive.jar"
export WIREARCHIVE_JAR=$bench_dir/wirearchive.jar
launcher=$repo/wirearchive
# the launcher makes its class-data-sharing archive for this jar on the first call: do that before anything is timed
"$launcher" --version >/dev/null

# The store floor: compiled from bench/store-floor/StoreFloor.java against the H2 jar inside the application jar (the
# same H2 version as the product).
floor_cp=$bench_dir/store-floor
rm -rf "$floor_cp" && mkdir -p "$floor_cp/classes"
unzip -q -o -j "$WIREARCHIVE_JAR" 'BOOT-INF/lib/h2-*.jar' -d "$floor_cp"
h2_jar=$(ls "$floor_cp"/h2-*.jar | head -1)
javac -d "$floor_cp/classes" "$repo/bench/store-floor/StoreFloor.java"

commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no -- core store reports batch-app pom.xml 2>/dev/null)" ]; then
  commit="$commit+dirty"
fi
code_commit=$(git -C "$repo" log -1 --format=%h -- core store reports batch-app pom.xml 2>/dev/null || echo unknown)
java_opts=$("$launcher" --which-java-opts) # WIREARCHIVE_JAVA_OPTS, else the launcher's default for its java
# the store floor runs on the java the launcher chooses for the ingest (a Java 25+ JDK when one is installed), with
# the ingest's heap, collector and object layout (its -Xm*, -XX:NewSize, -XX:+Use*GC and compact object headers);
# not its JIT thresholds, which were tuned for the application's code
floor_java=$("$launcher" --which-java)
floor_opts=""
for opt in $java_opts; do
  case "$opt" in
    -Xmx*|-Xms*|-Xmn*|-XX:NewSize=*|-XX:MaxNewSize=*|-XX:+Use*GC|-XX:+UseCompactObjectHeaders) floor_opts+=" $opt" ;;
  esac
done
floor_opts=${floor_opts# }
[ -n "$floor_opts" ] || floor_opts="-Xmx704m -XX:+UseParallelGC"
echo "== java: $floor_java ($("$floor_java" -version 2>&1 | head -1))" >&2
load() { cut -d' ' -f1-3 /proc/loadavg; }

# "m:ss.ss" or "h:mm:ss" of GNU time -v -> seconds
to_seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'; }
elapsed_of() { grep 'Elapsed (wall clock)' "$1" | sed 's/.*): //' | to_seconds; }
cpu_of() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$1"; }
cpu_pct_of() { sed -n 's/.*Percent of CPU this job got: //p' "$1"; }
rss_mib_of() { grep 'Maximum resident set size' "$1" | awk '{ printf "%.0f", $NF / 1024 }'; }
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
div() { awk -v a="$1" -v b="$2" -v f="${3:-%.2f}" 'BEGIN { if (b + 0 == 0) print "-"; else printf f "\n", a / b }'; }

# Per-input time of the second half of the step over the first half, from the progress lines
# ("Progress: 550/5000 files (11%), 550 inputs, 104 inputs/s, elapsed 0m05s"): > 1 means the run slows as the
# database grows (the first half includes the JIT warm-up, so a flat run shows slightly below 1).
slowdown_of() {
  grep -E '(Progress|Ingest step COMPLETED): ' "$1" | sed -E 's/.*, ([0-9]+) inputs, .*elapsed ([0-9]+)m([0-9]+)s.*/\1 \2 \3/' |
    awk '{ n[NR] = $1; t[NR] = $2 * 60 + $3 }
         END { if (NR < 4) { print "-"; exit }
               total = n[NR]; h = 1; for (i = 1; i <= NR; i++) if (n[i] <= total / 2) h = i
               if (n[h] == 0 || t[h] == 0 || total == n[h]) { print "-"; exit }
               printf "%.2f\n", ((t[NR] - t[h]) / (total - n[h])) / (t[h] / n[h]) }'
}

rows=()
details=()
started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_start=$(load)

for n in ${pages//,/ }; do
  work=$bench_dir/pages-$n
  gen=$work/gen
  marker="n=$n seed=$seed mix=$mix"
  gen_s="reused"
  echo "== $n pages: $(load) load" >&2
  if [ "$regen" = 1 ] || [ "$(cat "$gen/.bench-spec" 2>/dev/null)" != "$marker" ]; then
    rm -rf "$gen"
    mkdir -p "$work"
    echo "   generating into $gen ($marker), disk: $(df -h --output=avail "$bench_dir" | tail -1 | tr -d ' ') free" >&2
    t0=$(date +%s.%N)
    "$launcher" generate --articles "$n" --out "$gen" --seed "$seed" --mix "$mix" >"$work/generate.log" 2>&1
    gen_s=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    echo "$marker" >"$gen/.bench-spec"
  fi
  archive=$gen/archive
  files=$(find "$archive" -type f | wc -l)
  bytes=$(du -sb "$archive" | cut -f1)

  # warm the page cache: read the whole tree once
  find "$archive" -type f -print0 | xargs -0 cat >/dev/null

  floors=()
  ids=0
  for ((r = 1; r <= floor_repeats; r++)); do
    t0=$(date +%s.%N)
    ids=$(grep -rhoE 'MENAFN[0-9]{20}ID[0-9]+' "$archive" | sort -u | wc -l)
    floors+=("$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')")
  done
  floor_s=$(printf '%s\n' "${floors[@]}" | median)
  echo "   floor: ${floors[*]} s (median $floor_s), $ids distinct ids" >&2

  # the store floor: a fresh database each time; wall, CPU and RSS of the whole java process (JVM start included);
  # --store-repeats runs before the two nights and --store-after runs after them, the median of all is the floor
  stores=()
  store_cpus=()
  store_floor() { # $1: before|after
    rm -rf "$work/store-floor"
    # shellcheck disable=SC2086
    if ! /usr/bin/time -v -o "$work/store-floor.time" "$floor_java" $floor_opts -cp "$h2_jar:$floor_cp/classes" \
        StoreFloor "$archive" "$work/store-floor" >"$work/store-floor.log" 2>&1; then
      echo "bench/run.sh: the store floor of $n pages failed; see $work/store-floor.log" >&2
      exit 1
    fi
    rm -rf "$work/store-floor"
    stores+=("$(elapsed_of "$work/store-floor.time")")
    store_cpus+=("$(cpu_of "$work/store-floor.time")")
    echo "   store floor ($1): ${stores[-1]} s (CPU ${store_cpus[-1]} s)" >&2
  }
  for ((r = 1; r <= store_repeats; r++)); do
    store_floor before
  done
  stores_before=${#stores[@]}

  # the full night: fresh database and report directories
  rm -rf "$work/data" "$work/out"
  opts=$java_opts
  if [ "$jfr" = 1 ]; then opts="$opts -XX:StartFlightRecording=filename=$work/ingest.jfr,settings=profile"; fi
  load_full=$(load)
  echo "   full ingest (load $load_full)..." >&2
  rc=0
  # run from $work: the application writes its log file to ./data/logs whatever --data says
  (cd "$work" && WIREARCHIVE_JAVA_OPTS=$opts /usr/bin/time -v -o "$work/full.time" \
    "$launcher" ingest --input "$archive" --data "$work/data" --out "$work/out" --run-date "$run_date_full" \
    >"$work/full.log" 2>"$work/full.err") || rc=$?
  if [ "$rc" != 0 ]; then
    echo "bench/run.sh: the full ingest of $n pages exited $rc; see $work/full.log and $work/full.err" >&2
    tail -5 "$work/full.err" >&2
    exit 1
  fi
  full_s=$(elapsed_of "$work/full.time")
  full_rss=$(rss_mib_of "$work/full.time")
  full_cpu=$(cpu_of "$work/full.time")
  full_pct=$(cpu_pct_of "$work/full.time")
  inputs=$(sed -nE 's/^ *inputs +([0-9]+) .*/\1/p' "$work/full.log" | tail -1)
  job_s=$(sed -nE 's/.* COMPLETED in ([0-9.]+) s.*/\1/p' "$work/full.log" | tail -1)
  counts=$(sed -nE 's/^ *inputs +[0-9]+ \((.*)\)/\1/p' "$work/full.log" | tail -1)
  slow=$(slowdown_of "$work/full.log")

  # the incremental nights: later run dates, the same files, nothing new; a night lasts ~1.5 s at 100,000 pages, so
  # one run is at the mercy of the host's minute (±10% and more): the median of --incr-repeats nights is the figure
  load_incr=$(load)
  incrs=()
  incr_jobs=()
  incr_rss=0
  for ((r = 1; r <= incr_repeats; r++)); do
    date_incr=$(date -u -d "$run_date_incr + $((r - 1)) days" +%F)
    echo "   incremental ingest $r of $incr_repeats, run date $date_incr (load $(load))..." >&2
    rc=0
    (cd "$work" && /usr/bin/time -v -o "$work/incr.time" \
      "$launcher" ingest --input "$archive" --data "$work/data" --out "$work/out" --run-date "$date_incr" \
      >"$work/incr.log" 2>"$work/incr.err") || rc=$?
    if [ "$rc" != 0 ]; then
      echo "bench/run.sh: the incremental ingest of $n pages ($date_incr) exited $rc; see $work/incr.log" >&2
      exit 1
    fi
    incrs+=("$(elapsed_of "$work/incr.time")")
    incr_jobs+=("$(sed -nE 's/.* COMPLETED in ([0-9.]+) s.*/\1/p' "$work/incr.log" | tail -1)")
    incr_rss=$(awk -v a="$incr_rss" -v b="$(rss_mib_of "$work/incr.time")" 'BEGIN { print (b > a ? b : a) }')
  done
  incr_s=$(printf '%s\n' "${incrs[@]}" | median)
  for ((r = 1; r <= store_after; r++)); do
    store_floor after
  done
  store_s=$(printf '%s\n' "${stores[@]}" | median)
  store_cpu=$(printf '%s\n' "${store_cpus[@]}" | median)
  echo "   store floor: ${stores[*]} s (median $store_s; CPU ${store_cpus[*]} s)" >&2
  db_mib=$(du -sm "$work/data" | cut -f1)

  rate=$(div "$inputs" "$full_s" '%.0f')
  rows+=("| $n | $files | $((bytes / 1024 / 1024)) | $gen_s | $floor_s | $ids | $full_s | $full_cpu | $full_pct | $job_s | $(awk -v a="$full_s" -v b="$job_s" 'BEGIN { printf "%.1f", a - b }') | $inputs | $rate | $full_rss | $slow | $(div "$full_s" "$floor_s" '%.1f') | $store_s | $store_cpu | $(div "$full_s" "$store_s" '%.2f') | $incr_s | $(div "$(awk -v a="$incr_s" 'BEGIN { print a * 100 }')" "$full_s" '%.1f')% | $incr_rss | $db_mib | ${load_full%% *} / ${load_incr%% *} |")
  details+=("- $n pages: load (1/5/15 min) before the full run $load_full, before the incremental $load_incr; inputs $inputs ($counts); floor runs ${floors[*]} s; store floor runs ${stores[*]:0:stores_before} s before the nights, ${stores[*]:stores_before} s after (CPU ${store_cpus[*]} s); job time in the summary ${job_s} s (full), ${incr_jobs[*]} s (incremental); incremental nights ${incrs[*]} s (median $incr_s); logs in $work")
  echo "   full ${full_s} s (${rate} inputs/s, ${full_rss} MiB), incremental ${incrs[*]} s (median $incr_s)" >&2

  if [ "$keep" = 0 ]; then rm -rf "$work/data" "$work/out"; fi
done

header="| pages | files | MiB | generate s | floor s | ids | ingest s | CPU s | CPU% | job s | outside job s | inputs | inputs/s | peak RSS MiB | 2nd/1st half | ingest/floor | store floor s | store CPU s | ingest / store floor | incremental s | incr/full | incr RSS MiB | db MiB | load 1m (full / incr) |"
sep="|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
report=$(
  echo "### $started, commit $commit (code $code_commit)"
  echo
  echo "Machine: $(nproc) cores ($cpu), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load (1/5/15 min) at start $load_start, at end $(load). JVM: \`$java_opts\`$( [ "$jfr" = 1 ] && echo ' + JFR (profile settings)'); store floor: \`$floor_opts\`. Generator: seed $seed, mix $mix."
  echo
  echo "$header"
  echo "$sep"
  printf '%s\n' "${rows[@]}"
  echo
  printf '%s\n' "${details[@]}"
)
echo
echo "$report"
if [ "$append" = 1 ]; then
  printf '\n%s\n' "$report" >>"$repo/docs/BENCHMARKS.md"
  echo
  echo "(appended to docs/BENCHMARKS.md)" >&2
fi
