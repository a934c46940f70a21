#!/usr/bin/env bash
# PostgreSQL vs onr-core, side by side in one run, on the same data; prints RATIOS.
#  1. pairwise similarity(lower(unaccent(a)), lower(unaccent(b))) over the same 100,000 pairs,
#     twice: "mixed" (a third person texts, the rest random Unicode text: Cyrillic, Greek, CJK,
#     emoji, combining marks) and "names" (Finnish-looking search texts, half of them with a
#     near-duplicate); PostgreSQL: one backend, strings stored in a table; onr: the library,
#     one thread and all threads, best of 5, via benches/examples/similarity_throughput.rs;
#  2. all-pairs duplicates at 0.5 over the same 20,000 synthetic persons (PostgreSQL: ONR's
#     schema, GIN index, `a.s % b.s` self-join; onr: the library and the `onr duplicates` CLI).
# Starts its own PostgreSQL on loopback (PGANCHOR=/tmp/onr_pgbench, port 54359) and stops it.
# Usage: benches/pg_similarity_ratio.sh [PAIRS] [PERSONS]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
NPAIRS="${1:-100000}"
NPERSONS="${2:-20000}"
export PGANCHOR="${PGANCHOR_BENCH:-/tmp/onr_pgbench}" PGPORT_ANCHOR="${PGPORT_BENCH:-54359}"
TMP="$(mktemp -d)"
cleanup() { scripts/pg-server.sh stop || true; rm -rf "$TMP"; }
trap cleanup EXIT
scripts/pg-server.sh start
# --bins as well: with only --examples, cargo would leave a stale `onr` binary in place.
cargo build --release -q -p onr-cli -p onr-benches --bins --examples 2>/dev/null
PSQL=(scripts/pg-server.sh psql)
TARGET="$(scripts/cargo-target-dir.sh)"
now() { date +%s.%N; }

python3 scripts/ground-truth/pg_inputs.py random 424242 "$NPAIRS" > "$TMP/mixed.txt"
python3 scripts/ground-truth/pg_inputs.py namepairs 424242 "$NPAIRS" > "$TMP/names.txt"
python3 scripts/ground-truth/pg_inputs.py finnish 424242 "$NPERSONS" > "$TMP/persons.csv"
echo "load: $(cat /proc/loadavg)"

# --- pairwise ---------------------------------------------------------------------------
# pairwise FILE: "PG_SECONDS ONE_THREAD_SECONDS ALL_THREADS_SECONDS THREADS"
pairwise() {
    local pg one all threads
    pg=$("${PSQL[@]}" -tA 2>/dev/null <<SQL | grep -Eo '[0-9.]+ ms' | tail -1 | awk '{print $1/1000}'
CREATE TABLE IF NOT EXISTS bench_pairs (a text, b text);
TRUNCATE bench_pairs;
\copy bench_pairs from '$1'
ANALYZE bench_pairs;
SELECT sum(similarity(duplicate_search_fmt(a), duplicate_search_fmt(b))) FROM bench_pairs;
\timing on
SELECT sum(similarity(duplicate_search_fmt(a), duplicate_search_fmt(b))) FROM bench_pairs;
SQL
)
    read -r _ _ _ _ _ one _ all _ threads < <("$TARGET"/release/examples/similarity_throughput pairs "$1")
    echo "$pg $one $all $threads"
}
read -r PG_MIXED ONE_MIXED ALL_MIXED THREADS < <(pairwise "$TMP/mixed.txt")
read -r PG_NAMES ONE_NAMES ALL_NAMES _ < <(pairwise "$TMP/names.txt")

# --- self-join ----------------------------------------------------------------------------
PG_JOIN=$("${PSQL[@]}" -tA 2>/dev/null <<SQL
CREATE OR REPLACE FUNCTION date_to_char(date) RETURNS text AS
  \$\$ select coalesce(to_char(\$1, 'YYYY-MM-DD'), ''); \$\$ LANGUAGE sql immutable;
DROP TABLE IF EXISTS bench_henkilo, bench_raw;
CREATE TABLE bench_raw (id int, etunimet text, kutsumanimi text, sukunimi text, syntymaaika text);
\copy bench_raw from '$TMP/persons.csv' with (format csv, header true)
CREATE TABLE bench_henkilo (id int, etunimet text NOT NULL, kutsumanimi text NOT NULL,
  sukunimi text NOT NULL, syntymaaika date,
  duplicate_search_str text GENERATED ALWAYS AS (duplicate_search_fmt(etunimet || ' ' || kutsumanimi
    || ' ' || sukunimi || ' ' || date_to_char(syntymaaika))) STORED);
INSERT INTO bench_henkilo (id, etunimet, kutsumanimi, sukunimi, syntymaaika)
  SELECT id, coalesce(etunimet, ''), coalesce(kutsumanimi, ''), coalesce(sukunimi, ''),
         nullif(syntymaaika, '')::date FROM bench_raw;
CREATE INDEX ON bench_henkilo USING gin (duplicate_search_str gin_trgm_ops);
ANALYZE bench_henkilo;
SET pg_trgm.similarity_threshold = 0.5;
SELECT extract(epoch from clock_timestamp())::text;
SELECT count(*) FROM bench_henkilo a JOIN bench_henkilo b
    ON a.duplicate_search_str % b.duplicate_search_str AND a.id < b.id;
SELECT extract(epoch from clock_timestamp())::text;
SQL
)
PG_JOIN_S=$(echo "$PG_JOIN" | awk 'NR==1{t0=$1} NR==2{n=$1} NR==3{printf "%.3f %d", $1-t0, n}')
read -r _ _ _ LIB_PAIRS _ _ _ LIB_JOIN_S _ _ < <("$TARGET"/release/examples/similarity_throughput join "$TMP/persons.csv")
T0=$(now); "$TARGET"/release/onr duplicates "$TMP/persons.csv" > "$TMP/ours.csv" 2>/dev/null; T1=$(now)
CLI_PAIRS=$(( $(wc -l < "$TMP/ours.csv") - 1 ))

awk -v n="$NPAIRS" -v th="$THREADS" \
    -v pgm="$PG_MIXED" -v onem="$ONE_MIXED" -v allm="$ALL_MIXED" \
    -v pgn2="$PG_NAMES" -v onen="$ONE_NAMES" -v alln="$ALL_NAMES" \
    -v m="$NPERSONS" -v pgj="${PG_JOIN_S% *}" -v pgn="${PG_JOIN_S#* }" -v lib="$LIB_JOIN_S" -v libn="$LIB_PAIRS" \
    -v cli="$(echo "$T1 - $T0" | bc)" -v clin="$CLI_PAIRS" 'BEGIN {
  split("mixed names", set, " ")
  pgs["mixed"] = pgm; ones["mixed"] = onem; alls["mixed"] = allm
  pgs["names"] = pgn2; ones["names"] = onen; alls["names"] = alln
  for (k = 1; k <= 2; k++) {
    s = set[k]; pg = pgs[s]; one = ones[s]; all = alls[s]
    printf "pairwise similarity(lower(unaccent(a)), lower(unaccent(b))), %d %s pairs:\n", n, s
    printf "  PostgreSQL        %8.3f s  %10.0f pairs/s\n", pg, n / pg
    printf "  onr, 1 thread     %8.3f s  %10.0f pairs/s   ratio %6.1fx\n", one, n / one, pg / one
    printf "  onr, %d threads    %8.3f s  %10.0f pairs/s   ratio %6.1fx\n", th, all, n / all, pg / all
  }
  printf "all-pairs duplicates at 0.5, %d persons:\n", m
  printf "  PostgreSQL GIN    %8.3f s  %8d pairs\n", pgj, pgn
  printf "  onr library       %8.3f s  %8d pairs   ratio %6.1fx\n", lib, libn, pgj / lib
  printf "  onr duplicates    %8.3f s  %8d pairs   ratio %6.1fx (CLI, incl. CSV in/out)\n", cli, clin, pgj / cli
  if (pgn != libn || pgn != clin) { print "PAIR COUNT MISMATCH"; exit 1 }
}'
