#!/usr/bin/env bash
# The README's tour of `onr send`: starts the test stand-in (`onr-standin`, a scripted HTTP
# server on 127.0.0.1 that answers like ONR's API but applies none of ONR's rules; every row
# becomes a new person), sends examples/learners.csv to it, asks for the first import's status,
# and stops the stand-in. The port is shown as PORT (it changes from run to run).
# With the argument `yleistunniste` it sends examples/yleistunniste.csv as a yleistunniste
# batch instead (`onr yleistunniste send`) and asks for that batch's status.
# Needs `onr` and `onr-standin` on PATH: `cargo install --path onr-cli` and
# `cargo install --path onr-standin` (or target/release after `cargo build --release`).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in onr onr-standin; do
  command -v "$tool" >/dev/null || { echo "$tool is not on PATH (see the comment at the top of $0)" >&2; exit 2; }
done
url_file=$(mktemp)
onr-standin >"$url_file" 2>/dev/null &
pid=$!
trap 'kill "$pid" 2>/dev/null; rm -f "$url_file"' EXIT
for _ in $(seq 100); do [ -s "$url_file" ] && break; sleep 0.1; done
[ -s "$url_file" ] || { echo "onr-standin did not start" >&2; exit 2; }
url=$(head -n 1 "$url_file")
export ONR_CAS_USERNAME=demo ONR_CAS_PASSWORD=demo   # the stand-in's demo service user
if [ "${1:-}" = yleistunniste ]; then
  {
    onr yleistunniste send examples/yleistunniste.csv --base-url "$url" --caller-id demo --only-accepted
    onr yleistunniste status 1 --base-url "$url" --caller-id demo
  } | sed -E 's/127\.0\.0\.1:[0-9]+/127.0.0.1:PORT/g'
  exit
fi
{
  onr send examples/learners.csv --base-url "$url" --caller-id demo --only-accepted --chunk-size 100
  onr import status 1 --base-url "$url" --caller-id demo
} | sed -E 's/127\.0\.0\.1:[0-9]+/127.0.0.1:PORT/g'
