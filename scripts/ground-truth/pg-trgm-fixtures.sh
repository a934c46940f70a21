#!/usr/bin/env bash
# Regenerate the PostgreSQL ground-truth vectors (pg_trgm + unaccent + lower) read by the
# Rust tests (onr-core/tests/pg_vectors.rs):
#   tests/vectors/trigram.tsv   pairs: similarity raw and after lower(unaccent()), show_trgm
#   tests/vectors/unaccent.tsv  every unaccent.rules source character through unaccent/lower
#   tests/vectors/pg-ctype.tsv  every code point: pg_trgm word characters and lower() mapping
# Needs PostgreSQL 15 (installed by scripts/pg-server.sh start). The server is left running.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
scripts/pg-server.sh start
PSQL=(scripts/pg-server.sh psql)
VER="$("${PSQL[@]}" -tAc "select current_setting('server_version') || ', LC_CTYPE ' || current_setting('lc_ctype')")"
RULES=/usr/share/postgresql/15/tsearch_data/unaccent.rules
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT

python3 scripts/ground-truth/pg_inputs.py fixtures > "$TMP/pairs.txt"
{
  echo "# source: PostgreSQL $VER, pg_trgm + unaccent (default rules), via scripts/pg-server.sh"
  echo "# regenerate: scripts/ground-truth/pg-trgm-fixtures.sh"
  echo "# format: COPY text rewritten by scripts/ground-truth/copy_text.py into the one escape dialect"
  echo "#   (\\\\ \\t \\n \\r and \\u{HEX}); columns: a, b, lower(unaccent(a)), lower(unaccent(b)),"
  echo "#   similarity(a,b)::float8, similarity(fa,fb)::float8, similarity(fa,fb)::text, (fa <-> fb)::text,"
  echo "#   fa % fb at 0.5, show_trgm(fa) joined by |"
  "${PSQL[@]}" <<SQL | scripts/ground-truth/copy_text.py
CREATE TEMP TABLE p (n serial, a text, b text);
\copy p (a, b) from '$TMP/pairs.txt'
SET pg_trgm.similarity_threshold = 0.5;
COPY (SELECT a, b, fa, fb, similarity(a, b)::float8, similarity(fa, fb)::float8,
             similarity(fa, fb)::text, (fa <-> fb)::text, (fa % fb)::text,
             array_to_string(show_trgm(fa), '|')
      FROM (SELECT n, a, b, duplicate_search_fmt(a) fa, duplicate_search_fmt(b) fb FROM p) q ORDER BY n)
  TO STDOUT;
SQL
} > tests/vectors/trigram.tsv

cut -f1 "$RULES" | sed 's/[[:space:]]*$//' > "$TMP/src.txt"
{
  echo "# source: PostgreSQL $VER; every source character of $RULES (sha256 $(sha256sum "$RULES" | cut -c1-64))"
  echo "# regenerate: scripts/ground-truth/pg-trgm-fixtures.sh"
  echo "# format: COPY text rewritten by scripts/ground-truth/copy_text.py into the one escape dialect"
  echo "#   (\\\\ \\t \\n \\r and \\u{HEX}); columns: code point (hex), character, unaccent(c), lower(c),"
  echo "#   lower(unaccent(c)), unaccent('x' || c || 'y')"
  "${PSQL[@]}" <<SQL | scripts/ground-truth/copy_text.py
CREATE TEMP TABLE s (n serial, c text);
\copy s (c) from '$TMP/src.txt'
COPY (SELECT to_hex(ascii(c)), c, unaccent(c), lower(c), duplicate_search_fmt(c), unaccent('x' || c || 'y')
      FROM s ORDER BY n) TO STDOUT;
SQL
} > tests/vectors/unaccent.tsv

{
  echo "# source: PostgreSQL $VER; every code point U+0001..U+10FFFF except surrogates"
  echo "# regenerate: scripts/ground-truth/pg-trgm-fixtures.sh"
  echo "# format: 'word FIRST LAST': the inclusive non-ASCII ranges pg_trgm treats as word characters"
  echo "#   (similarity('x' || chr(c), 'x') < 1); 'lower C L': lower(chr(C)) = chr(L) where they differ (hex)"
  "${PSQL[@]}" -tA -F ' ' <<'SQL'
WITH cps AS (SELECT c FROM generate_series(1, 1114111) c WHERE c NOT BETWEEN 55296 AND 57343),
w AS (SELECT c, similarity('x' || chr(c), 'x') < 1 AS word FROM cps WHERE c >= 128),
g AS (SELECT c, word, c - row_number() OVER (PARTITION BY word ORDER BY c) AS grp FROM w)
SELECT 'word', to_hex(min(c)), to_hex(max(c)) FROM g WHERE word GROUP BY grp ORDER BY min(c);
SELECT 'lower', to_hex(c), to_hex(ascii(lower(chr(c)))) FROM generate_series(1, 1114111) c
 WHERE c NOT BETWEEN 55296 AND 57343 AND lower(chr(c)) <> chr(c) ORDER BY c;
SQL
} > tests/vectors/pg-ctype.tsv
wc -l tests/vectors/trigram.tsv tests/vectors/unaccent.tsv tests/vectors/pg-ctype.tsv
