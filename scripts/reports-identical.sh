#!/usr/bin/env bash
# Are the reports of two versions byte-identical? Builds the application jar of two git revisions, ingests the same
# generated archive with each in two nights (the first half of the crawl days, then all of them: duplicates across
# files, sources and nights), and compares every report file of both nights.
#
#   scripts/reports-identical.sh [--articles N] [--seed S] [--mix FULL|MENAFN_TEXT] [--keep] REV_A REV_B
#
# REV is anything `git worktree add` accepts (a commit, a branch, HEAD~3), or WORKTREE for this working tree as it
# is (built here, uncommitted changes included), or the path of an application jar built before (FILE.jar). The archive is generated with REV_B's generator. Default: 3,000
# articles, seed 11, mix FULL. A larger --articles makes a denser archive (the generator spreads any size over the
# same ~6 weeks of crawl days, so more pages share each day's dedup window).
#
# Only what differs by nature between two runs is masked before the comparison: the store's random id and its
# write counter, which counts committed chunks (.store-version), the start/finish instants and durations and rates of the runs (run_summary.csv, summary.json,
# report.html) and first_seen instants (articles.csv). Everything else must be equal byte for byte.
# Exit 0 when identical, 1 when a file differs (the diff is printed), 2 on usage or build errors.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
articles=3000
seed=11
mix=FULL
keep=0
revs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --articles) articles=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --mix) mix=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "reports-identical.sh: unknown option $1" >&2; exit 2 ;;
    *) revs+=("$1"); shift ;;
  esac
done
[ ${#revs[@]} -eq 2 ] || { echo "reports-identical.sh: give two revisions (see --help)" >&2; exit 2; }

work=$(mktemp -d /tmp/reports-identical.XXXXXX)
cleanup() {
  for side in a b; do
    [ -d "$work/src-$side" ] && git -C "$repo" worktree remove --force "$work/src-$side" 2>/dev/null || true
  done
  [ "$keep" = 1 ] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

build() { # side rev -> $work/jar-$side.jar
  local side=$1 rev=$2 src
  if [ "${rev%.jar}" != "$rev" ] && [ -f "$rev" ]; then
    cp "$rev" "$work/jar-$side.jar"; return
  elif [ "$rev" = WORKTREE ]; then
    src=$repo
  else
    src=$work/src-$side
    git -C "$repo" worktree add --detach --quiet "$src" "$rev" || { echo "cannot check out $rev" >&2; exit 2; }
  fi
  echo "== building $rev" >&2
  (cd "$src" && { mvn -B -q -o -DskipTests -Dwa.target=target-identical package \
      || mvn -B -q -DskipTests -Dwa.target=target-identical package; }) >&2 || { echo "build of $rev failed" >&2; exit 2; }
  cp "$src/batch-app/target-identical/wirearchive.jar" "$work/jar-$side.jar"
}
build a "${revs[0]}"
build b "${revs[1]}"

run() { # side args...
  local side=$1; shift
  WIREARCHIVE_JAR=$work/jar-$side.jar WIREARCHIVE_CDS=off "$repo/wirearchive" "$@"
}

echo "== generating $articles articles (seed $seed, mix $mix)" >&2
run b generate --articles "$articles" --seed "$seed" --mix "$mix" --out "$work/gen" >/dev/null
days=$(ls "$work/gen/archive" | sort)
half=$(( $(echo "$days" | wc -l) / 2 ))

for side in a b; do
  in=$work/in-$side/archive
  mkdir -p "$in"
  for d in $(echo "$days" | head -n "$half"); do cp -r "$work/gen/archive/$d" "$in/"; done
  echo "== $side: night 1 ($half crawl days)" >&2
  run "$side" ingest --input "$work/in-$side" --data "$work/data-$side" --out "$work/out-$side" \
      --run-date 2026-01-01 >"$work/night1-$side.log" 2>&1 || { cat "$work/night1-$side.log" >&2; exit 2; }
  for d in $(echo "$days" | tail -n +"$((half + 1))"); do cp -r "$work/gen/archive/$d" "$in/"; done
  echo "== $side: night 2 (all crawl days)" >&2
  run "$side" ingest --input "$work/in-$side" --data "$work/data-$side" --out "$work/out-$side" \
      --run-date 2026-01-02 >"$work/night2-$side.log" 2>&1 || { cat "$work/night2-$side.log" >&2; exit 2; }
  # the input paths differ only by the side's directory name
  grep -rl "in-$side\|out-$side" "$work/out-$side" | xargs -r sed -i "s#$work/in-$side#INPUT#g; s#$work/out-$side#OUT#g"
done

python3 - "$work/out-a" "$work/out-b" <<'EOF'
import csv, io, json, os, re, sys
INSTANT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")
VOLATILE = {"started", "finished", "duration_seconds", "inputs_per_second", "first_seen", "elapsed_seconds"}
def mask(path, data):
    name = os.path.basename(path)
    if name == ".store-version":
        data = re.sub(rb"store [0-9a-f-]+", b"store ID", data)
        # the store's write counter (one per committed chunk): it marks the reports stale, it is not their content
        return re.sub(rb"\nversion [0-9]+", b"\nversion N", data)
    if name.endswith(".csv"):
        text = data.decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        if rows:
            cols = [i for i, h in enumerate(rows[0]) if h.lstrip("\ufeff") in VOLATILE]
            for r in rows[1:]:
                for i in cols:
                    if i < len(r):
                        r[i] = "MASKED"
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\r\n" if "\r\n" in text else "\n").writerows(rows)
        return out.getvalue().encode("utf-8")
    if name == "summary.json":
        text = data.decode("utf-8")
        text = re.sub(r'"(elapsed_seconds|inputs_per_second)": [0-9.]+', r'"\1": 0', text)
        return text.encode("utf-8")
    if name.endswith(".html"):
        text = INSTANT.sub("INSTANT", data.decode("utf-8"))
        text = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?", "TIME", text)
        text = re.sub(r"\b\d+(\.\d+)? (s|inputs/s)\b", r"N \2", text)
        text = re.sub(r"(<th>(duration_seconds|inputs_per_second|started|finished)</th><td[^>]*>)[^<]*", r"\1MASKED", text)
        text = re.sub(r"(<span>Inputs per second</span><b>)[^<]*", r"\1MASKED", text)
        return text.encode("utf-8")
    return data
a, b = sys.argv[1], sys.argv[2]
files = lambda root: sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs)
fa, fb = files(a), files(b)
bad = 0
if fa != fb:
    print("different file lists:", sorted(set(fa) ^ set(fb))); bad = 1
compared = 0
for rel in sorted(set(fa) & set(fb)):
    da, db = (mask(rel, open(os.path.join(r, rel), "rb").read()) for r in (a, b))
    compared += 1
    if da != db:
        bad = 1
        print("DIFFERS:", rel)
        la, lb = da.decode("utf-8", "replace").splitlines(), db.decode("utf-8", "replace").splitlines()
        shown = 0
        for i, (x, y) in enumerate(zip(la, lb)):
            if x != y and shown < 5:
                print(f"  line {i + 1}:\n    A {x[:300]}\n    B {y[:300]}"); shown += 1
        if len(la) != len(lb):
            print(f"  lines: A {len(la)}, B {len(lb)}")
print(f"{compared} report files compared: {'IDENTICAL' if not bad else 'DIFFERENT'}")
sys.exit(bad)
EOF
