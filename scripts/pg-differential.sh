#!/usr/bin/env bash
# Live differential test against the real PostgreSQL 15 (pg_trgm + unaccent, C.UTF-8):
#  1. fresh random string pairs: `onr similarity` and `onr similarity --raw` must print exactly
#     PostgreSQL's similarity(lower(unaccent(a)), lower(unaccent(b))) and similarity(a, b);
#  2. fresh synthetic persons (with passivated/duplicate flags): `onr duplicates` must return
#     exactly the pair set and values of ONR's schema in PostgreSQL (generated column
#     duplicate_search_str, GIN trigram index, `a.s % b.s` self-join at 0.5).
# Installs PostgreSQL with apt-get when missing, starts its own server on loopback
# (PGANCHOR=/tmp/onr_pgdiff, port 54349) and stops it at the end.
# Usage: scripts/pg-differential.sh [SEED] [PAIRS] [PERSONS]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SEED="${1:-$(date +%s)}"
NPAIRS="${2:-20000}"
NPERSONS="${3:-3000}"
export PGANCHOR="${PGANCHOR_DIFF:-/tmp/onr_pgdiff}" PGPORT_ANCHOR="${PGPORT_DIFF:-54349}"
TMP="$(mktemp -d)"
cleanup() { scripts/pg-server.sh stop || true; rm -rf "$TMP"; }
trap cleanup EXIT
scripts/pg-server.sh start
PSQL=(scripts/pg-server.sh psql)
cargo build --release -q -p onr-cli --locked
ONR="$(scripts/cargo-target-dir.sh)/release/onr"
echo "pg-differential: seed $SEED, $NPAIRS pairs, $NPERSONS persons"

python3 scripts/ground-truth/pg_inputs.py random "$SEED" "$NPAIRS" > "$TMP/pairs.txt"
"${PSQL[@]}" -tA -F $'\t' > "$TMP/pg-pairs.txt" <<SQL
CREATE TEMP TABLE p (n serial, a text, b text);
\copy p (a, b) from '$TMP/pairs.txt'
SET pg_trgm.similarity_threshold = 0.5;
SELECT similarity(duplicate_search_fmt(a), duplicate_search_fmt(b)),
       (duplicate_search_fmt(a) % duplicate_search_fmt(b))::int, similarity(a, b), (a % b)::int
  FROM p ORDER BY n;
SQL
"$ONR" similarity < "$TMP/pairs.txt" > "$TMP/ours-fmt.txt"
"$ONR" similarity --raw < "$TMP/pairs.txt" > "$TMP/ours-raw.txt"
paste "$TMP/ours-fmt.txt" "$TMP/ours-raw.txt" > "$TMP/ours-pairs.txt"
PAIR_MISMATCH=$(paste "$TMP/pairs.txt" "$TMP/pg-pairs.txt" "$TMP/ours-pairs.txt" \
  | awk -F'\t' '$3!=$7 || $4!=$8 || $5!=$9 || $6!=$10' | tee "$TMP/pair-diff.txt" | wc -l)
echo "pairwise: $(wc -l < "$TMP/pairs.txt") pairs, $PAIR_MISMATCH mismatches"
head -5 "$TMP/pair-diff.txt"

python3 scripts/ground-truth/pg_inputs.py persons "$SEED" "$NPERSONS" > "$TMP/persons.csv"
"${PSQL[@]}" -tA -F, > "$TMP/pg-dups.txt" <<SQL
CREATE OR REPLACE FUNCTION date_to_char(date) RETURNS text AS
  \$\$ select coalesce(to_char(\$1, 'YYYY-MM-DD'), ''); \$\$ LANGUAGE sql immutable;
CREATE TEMP TABLE raw (id int, etunimet text, kutsumanimi text, sukunimi text, syntymaaika text,
                       passivoitu bool, duplicate bool);
\copy raw from '$TMP/persons.csv' with (format csv, header true)
CREATE TEMP TABLE henkilo (id int, etunimet text NOT NULL, kutsumanimi text NOT NULL, sukunimi text NOT NULL,
  syntymaaika date, passivoitu bool, duplicate bool,
  duplicate_search_str text GENERATED ALWAYS AS
    (duplicate_search_fmt(etunimet || ' ' || kutsumanimi || ' ' || sukunimi || ' ' || date_to_char(syntymaaika))) STORED);
INSERT INTO henkilo (id, etunimet, kutsumanimi, sukunimi, syntymaaika, passivoitu, duplicate)
  SELECT id, coalesce(etunimet, ''), coalesce(kutsumanimi, ''), coalesce(sukunimi, ''),
         nullif(syntymaaika, '')::date, passivoitu, duplicate FROM raw;
CREATE INDEX ON henkilo USING gin (duplicate_search_str gin_trgm_ops);
ANALYZE henkilo;
SET pg_trgm.similarity_threshold = 0.5;
SET enable_seqscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off;
SELECT a.id, b.id, similarity(a.duplicate_search_str, b.duplicate_search_str)
  FROM henkilo a JOIN henkilo b ON a.duplicate_search_str % b.duplicate_search_str AND a.id < b.id
 WHERE NOT a.passivoitu AND NOT a.duplicate AND NOT b.passivoitu AND NOT b.duplicate
 ORDER BY a.id, b.id;
SQL
# onr writes the pairs as its search finds them (in no particular order): sort them as the SQL does.
"$ONR" duplicates "$TMP/persons.csv" 2>/dev/null | tail -n +2 | sort -t, -k1,1n -k2,2n > "$TMP/ours-dups.txt"
DUP_MISMATCH=$(diff "$TMP/pg-dups.txt" "$TMP/ours-dups.txt" | grep -c '^[<>]' || true)
echo "self-join: $NPERSONS persons, PostgreSQL $(wc -l < "$TMP/pg-dups.txt") pairs, onr $(wc -l < "$TMP/ours-dups.txt") pairs, $DUP_MISMATCH mismatches"
diff "$TMP/pg-dups.txt" "$TMP/ours-dups.txt" | head -5 || true

if [ "$PAIR_MISMATCH" != 0 ] || [ "$DUP_MISMATCH" != 0 ]; then
  echo "pg-differential: FAILED (seed $SEED)"; exit 1
fi
echo "pg-differential: 2 passed, 0 failed"
