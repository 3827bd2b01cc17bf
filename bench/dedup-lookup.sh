#!/usr/bin/env bash
# Dedup lookup cost against a large store (the cost of a lookup against a store of 1 million articles):
# ingests the same generated pages into (a) an empty database and (b) one pre-filled with N synthetic stored articles
# (rows in articles, sources and dedup_copies, spread over ten years of dates, ~270 a day), and prints the ingest
# step's throughput for both. The synthetic rows never match the pages (their signature is all zeros), so (b) measures
# what the indexed lookups and the loading of the window days cost when the tables are large, not extra merging.
#
#   bench/dedup-lookup.sh [--stored N] [--pages P]      defaults: N=1000000, P=2000
# Scratch data goes to $BENCH_DIR (default /tmp/wirearchive-bench/lookup). Needs the built jar (the launcher builds it).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
stored=1000000
pages=2000
while [ $# -gt 0 ]; do
  case $1 in
    --stored) stored=$2; shift 2 ;;
    --pages) pages=$2; shift 2 ;;
    *) echo "usage: $0 [--stored N] [--pages P]" >&2; exit 2 ;;
  esac
done
dir=${BENCH_DIR:-/tmp/wirearchive-bench/lookup}
case "$dir" in "$here"*) echo "dedup-lookup: BENCH_DIR must be outside the repository" >&2; exit 2 ;; esac
mkdir -p "$dir"
h2=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | sort -V | tail -1)
wa="$here/wirearchive"

[ -d "$dir/gen-$pages/archive" ] || "$wa" generate --articles "$pages" --out "$dir/gen-$pages" --seed 5 >/dev/null

step_rate() { # prints the ingest step's inputs/s from a run's log output
  grep -o 'Ingest step COMPLETED: .*' "$1" | sed -E 's/.* ([0-9]+) inputs\/s.*/\1/'
}

run() { # name
  local db="$dir/$1"
  /usr/bin/time -f "%e" -o "$db.time" "$wa" ingest --input "$dir/gen-$pages/archive" --data "$db" --out "$db-out" \
      --run-date 2026-12-01 > "$db.log" 2>&1
  echo "$1: wall $(cat "$db.time") s, ingest step $(step_rate "$db.log") inputs/s"
}

rm -rf "$dir/empty" "$dir/empty-out" "$dir/filled" "$dir/filled-out"
run empty

# (b): create the schema with an empty run, then fill it with N synthetic stored articles
mkdir -p "$dir/none"
"$wa" ingest --input "$dir/none" --allow-empty --data "$dir/filled" --out "$dir/filled-out" --run-date 2000-01-01 >/dev/null 2>&1
sig=$(printf 'A%.0s' $(seq 512))
# filled in slices of 50,000 articles: RunScript commits each statement, and one huge INSERT ... SELECT (then with
# 24 million band rows) made H2's file grow past 70 GB (its undo log) and filled the disk
slice=50000
: > "$dir/fill.sql"
for ((lo = 1; lo <= stored; lo += slice)); do
  hi=$((lo + slice - 1)); [ "$hi" -gt "$stored" ] && hi=$stored
  cat >> "$dir/fill.sql" <<SQL
INSERT INTO articles (article_key, menafn_article_no, provider, provider_key, headline, published_date, body,
  body_sha256, body_length, canonical_source, source_count, first_seen_run, first_seen_date)
SELECT 'S' || X, 900000000 + X, 'Synthetic', 'synthetic', 'Synthetic headline ' || X,
  DATEADD('DAY', MOD(X, 3650), DATE '2015-01-01'), 'synthetic body ' || X, RAWTOHEX(HASH('SHA-256', 'b' || X)), 20,
  'synthetic/' || X, 1, 1, DATE '2000-01-01' FROM SYSTEM_RANGE($lo, $hi);
INSERT INTO sources (source, status, article_key, body_sha256, published_date, provider_key, run_id, run_date,
  first_seen_run, menafn_article_no)
SELECT 'synthetic/' || X, 'accepted', 'S' || X, RAWTOHEX(HASH('SHA-256', 'b' || X)),
  DATEADD('DAY', MOD(X, 3650), DATE '2015-01-01'), 'synthetic', 1, DATE '2000-01-01', 1, 900000000 + X
FROM SYSTEM_RANGE($lo, $hi);
INSERT INTO dedup_copies (source, article_key, is_canonical, menafn_article_no, provider_kuna, origin, window_date,
  content_hash, headline_hash, body_length, complete, shingles, minhash)
SELECT 'synthetic/' || X, 'S' || X, TRUE, 900000000 + X, FALSE, 'MENAFN_TEXT',
  DATEADD('DAY', MOD(X, 3650), DATE '2015-01-01'), RAWTOHEX(HASH('SHA-256', 'c' || X)),
  LEFT(RAWTOHEX(HASH('SHA-256', 'h' || X)), 16), 2000, TRUE, 300, '$sig' FROM SYSTEM_RANGE($lo, $hi);
SQL
done
t0=$(date +%s)
java -cp "$h2" org.h2.tools.RunScript -url "jdbc:h2:file:$dir/filled/wirearchive" -user sa -script "$dir/fill.sql"
echo "filled: $stored stored articles in $(( $(date +%s) - t0 )) s"
run filled
