#!/usr/bin/env bash
# Remote partitioning throughput (docs/scale-out.md): the same generated archive ingested
#   (a) by one process (the reference),
#   (b) by a manager (ingest --workers remote, embedded broker) and 1 worker,
#   (c) by a manager and 2 workers,
# each into a fresh PostgreSQL database, and checks that (b) and (c) give the reference's reports byte for byte.
# Prints, per run: the job's wall time, the parse phase (first partition start to last partition end, from the job
# repository), the store phase, and each worker's own rate while it was busy (from its log).
#
#   bench/scale-out.sh [--pages N] [--partitions P]       defaults: N=6000, P=8
# Needs a PostgreSQL server: $WA_PG_URL, else scripts/pg.sh start && scripts/pg.sh url. Scratch data goes to
# $BENCH_DIR (default /tmp/wirearchive-bench/scale-out). All processes run on this machine.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
pages=6000
partitions=8
while [ $# -gt 0 ]; do
  case $1 in
    --pages) pages=$2; shift 2 ;;
    --partitions) partitions=$2; shift 2 ;;
    *) echo "usage: $0 [--pages N] [--partitions P]" >&2; exit 2 ;;
  esac
done
dir=${BENCH_DIR:-/tmp/wirearchive-bench/scale-out}
case "$dir" in "$here"*) echo "scale-out: BENCH_DIR must be outside the repository" >&2; exit 2 ;; esac
mkdir -p "$dir"
wa="$here/wirearchive"
if [ -z "${WA_PG_URL:-}" ]; then
  "$here/scripts/pg.sh" start >/dev/null
  WA_PG_URL=$("$here/scripts/pg.sh" url)
fi
# jdbc:postgresql://HOST:PORT/DB?user=U&password=P -> psql connection parameters
pg_host=$(sed -E 's#^jdbc:postgresql://([^:/?]+).*#\1#' <<<"$WA_PG_URL")
pg_port=$(sed -E 's#^jdbc:postgresql://[^:/?]+:([0-9]+).*#\1#' <<<"$WA_PG_URL")
pg_user=$(sed -E 's#.*[?&]user=([^&]+).*#\1#' <<<"$WA_PG_URL")
export PGPASSWORD=$(sed -E 's#.*[?&]password=([^&]+).*#\1#' <<<"$WA_PG_URL")
psql_() { PGOPTIONS='--client-min-messages=warning' psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -v ON_ERROR_STOP=1 -qtA "$@"; }
fresh_db() { # name -> prints its JDBC URL
  psql_ -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" \
      -c "CREATE DATABASE $1 TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'" >/dev/null
  sed -E "s#^(jdbc:postgresql://[^/?]+)/[^?]*#\1/$1#" <<<"$WA_PG_URL"
}
secs() { # SQL interval expression in database $1 -> seconds
  psql_ -d "$1" -c "SELECT ROUND(EXTRACT(EPOCH FROM ($2))::numeric, 1)"
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

[ -d "$dir/gen-$pages/archive" ] || "$wa" generate --articles "$pages" --out "$dir/gen-$pages" --seed 8 >/dev/null
archive="$dir/gen-$pages/archive"
date=2026-11-27
echo "archive: $pages generated pages; partitions: $partitions; $(nproc) processors; load $(cut -d' ' -f1-3 /proc/loadavg)"

run_single() {
  local w="$dir/single"; rm -rf "$w"; mkdir -p "$w"
  local url; url=$(fresh_db wa_bench_single)
  (cd "$w" && "$wa" ingest --input "$archive" --run-date $date --db-url "$url" > log.txt 2>&1)
  local parse; parse=$(secs wa_bench_single "(SELECT end_time - start_time FROM batch_step_execution WHERE step_name = 'ingestFiles')")
  printf '%-22s job %6s s   parse+store step %6s s (%s files/s)\n' "single process" \
      "$(grep -oE 'COMPLETED in [0-9.]+' "$w/log.txt" | grep -oE '[0-9.]+$')" "$parse" \
      "$(awk -v n="$pages" -v s="$parse" 'BEGIN { printf "%.0f", n / s }')"
}

run_remote() { # workers
  local n=$1 w="$dir/remote-$1"; rm -rf "$w"; mkdir -p "$w"
  local db=wa_bench_remote_$1 url port pids=()
  url=$(fresh_db "$db"); port=$(free_port)
  for ((i = 1; i <= n; i++)); do
    mkdir -p "$w/worker$i"
    (cd "$w/worker$i" && exec "$wa" worker --broker "tcp://127.0.0.1:$port" --db-url "$url" > log.txt 2>&1) &
    pids+=($!)
  done
  sleep 15 # the workers' JVMs start (they wait for the manager's broker)
  (cd "$w" && "$wa" ingest --input "$archive" --run-date $date --workers remote --partitions "$partitions" \
      --broker-listen "tcp://127.0.0.1:$port" --db-url "$url" > log.txt 2>&1) || { cat "$w/log.txt"; exit 1; }
  kill -TERM "${pids[@]}"; wait "${pids[@]}" || true
  local parse store
  parse=$(secs "$db" "SELECT MAX(end_time) - MIN(start_time) FROM batch_step_execution WHERE step_name LIKE 'parsePartition:%'")
  store=$(secs "$db" "SELECT end_time - start_time FROM batch_step_execution WHERE step_name = 'storeParsed'")
  printf '%-22s job %6s s   parse %6s s (%s files/s)   store %6s s (%s files/s)\n' "manager + $n worker(s)" \
      "$(grep -oE 'COMPLETED in [0-9.]+' "$w/log.txt" | grep -oE '[0-9.]+$')" "$parse" \
      "$(awk -v n="$pages" -v s="$parse" 'BEGIN { printf "%.0f", n / s }')" "$store" \
      "$(awk -v n="$pages" -v s="$store" 'BEGIN { printf "%.0f", n / s }')"
  for ((i = 1; i <= n; i++)); do
    grep -oE 'COMPLETED, [0-9]+ files staged in [0-9.]+ s' "$w/worker$i/log.txt" | awk -v i="$i" '
        { files += $2; s += $6; parts++ }
        END { printf "    worker %d: %d partitions, %d files in %.1f s busy: %.0f files/s\n", i, parts, files, s,
              (s > 0 ? files / s : 0) }'
  done
  for f in articles sources duplicates rejects provider_daily; do
    cmp -s "$dir/single/out/$date/$f.csv" "$w/out/$date/$f.csv" || { echo "    $f.csv DIFFERS from the single-process run's" >&2; exit 1; }
  done
  echo "    reports identical to the single process's"
}

run_single
run_remote 1
run_remote 2
