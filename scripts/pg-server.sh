#!/usr/bin/env bash
# Throw-away PostgreSQL 15 (+ pg_trgm, unaccent) on loopback for ground truth and
# differential tests.
#
#   scripts/pg-server.sh start   start (idempotently); installs Debian's postgresql-15 and
#                                postgresql-contrib with apt-get when missing
#   scripts/pg-server.sh stop    stop it (data stays under $PGANCHOR)
#   scripts/pg-server.sh psql ARGS...   psql on database trgm_utf8 (LC_CTYPE C.UTF-8)
#   scripts/pg-server.sh sim 'a' 'b'    what PostgreSQL says of one pair: f(x) =
#                                lower(unaccent(x)) (ONR's duplicate_search_fmt), both trigram
#                                sets, similarity() raw and normalised, the % verdict at 0.5
#
# Everything it needs is here: Debian's packages (apt-get, as root) and this script. PGANCHOR (socket + data dir) and PGPORT_ANCHOR choose the instance;
# defaults /tmp/onr_pg and 54339 so that this never stops somebody else's server.
set -euo pipefail
export PGANCHOR="${PGANCHOR:-/tmp/onr_pg}"
export PGPORT_ANCHOR="${PGPORT_ANCHOR:-54339}"
PGVER="${PGVER:-15}"
BIN="/usr/lib/postgresql/$PGVER/bin"

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$PGANCHOR" -p "$PGPORT_ANCHOR" -U postgres)

own_start() {
  if [ ! -x "$BIN/postgres" ] || [ ! -f "/usr/share/postgresql/$PGVER/extension/pg_trgm.control" ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "pg-server: PostgreSQL $PGVER is missing; as root: apt-get install postgresql-$PGVER postgresql-contrib" >&2
      exit 1
    fi
    apt-get update -qq && apt-get install -y -qq "postgresql-$PGVER" postgresql-contrib >/dev/null
  fi
  mkdir -p "$PGANCHOR"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGANCHOR"; fi
  if [ ! -f "$PGANCHOR/data/PG_VERSION" ]; then
    as_pg "$BIN/initdb" -D "$PGANCHOR/data" -E UTF8 --locale=C.UTF-8 --auth=trust -U postgres >/dev/null
  fi
  if ! as_pg "$BIN/pg_ctl" -D "$PGANCHOR/data" status >/dev/null 2>&1; then
    as_pg "$BIN/pg_ctl" -D "$PGANCHOR/data" -l "$PGANCHOR/server.log" -w start \
      -o "-c listen_addresses=127.0.0.1 -c port=$PGPORT_ANCHOR -c unix_socket_directories=$PGANCHOR" >/dev/null
  fi
  export PGOPTIONS="-c client_min_messages=warning"
  if ! "${PSQL[@]}" -d postgres -tAc "select 1 from pg_database where datname='trgm_utf8'" | grep -q 1; then
    "${PSQL[@]}" -d postgres -c "CREATE DATABASE trgm_utf8 TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
  fi
  "${PSQL[@]}" -d trgm_utf8 <<'SQL'
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE OR REPLACE FUNCTION duplicate_search_fmt(text) RETURNS text
  IMMUTABLE LANGUAGE sql AS $$ SELECT lower(public.unaccent($1)); $$;
SQL
}

case "${1:-}" in
  start)
    own_start ;;
  stop)
    [ -f "$PGANCHOR/data/PG_VERSION" ] || exit 0
    as_pg "$BIN/pg_ctl" -D "$PGANCHOR/data" -m fast stop >/dev/null || true ;;
  psql)
    shift; exec "${PSQL[@]}" -d trgm_utf8 "$@" ;;
  sim)
    [ $# -eq 3 ] || { echo "usage: $0 sim 'string a' 'string b'" >&2; exit 2; }
    own_start
    exec "${PSQL[@]}" -d trgm_utf8 -v a="$2" -v b="$3" -P pager=off -P footer=off \
      -P tuples_only=on -P format=unaligned -P fieldsep=' | ' <<'SQL'
SET pg_trgm.similarity_threshold = 0.5;
SELECT 'server' AS k, 'PostgreSQL ' || current_setting('server_version') || ', LC_CTYPE ' || current_setting('lc_ctype') AS v
UNION ALL SELECT 'f(a)', duplicate_search_fmt(:'a')
UNION ALL SELECT 'f(b)', duplicate_search_fmt(:'b')
UNION ALL SELECT 'trgm f(a)', show_trgm(duplicate_search_fmt(:'a'))::text
UNION ALL SELECT 'trgm f(b)', show_trgm(duplicate_search_fmt(:'b'))::text
UNION ALL SELECT 'similarity(a,b) raw', similarity(:'a', :'b')::text
UNION ALL SELECT 'similarity(f(a),f(b))', similarity(duplicate_search_fmt(:'a'), duplicate_search_fmt(:'b'))::text
UNION ALL SELECT 'f(a) % f(b) @0.5', (duplicate_search_fmt(:'a') % duplicate_search_fmt(:'b'))::text;
SQL
    ;;
  *) echo "usage: $0 start|stop|psql ARGS...|sim A B" >&2; exit 2 ;;
esac
