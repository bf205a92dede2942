#!/usr/bin/env bash
# A/B timing of two builds on a shared machine: alternates them, N pairs, and prints each run's
# CPU seconds (user + system, which a loaded machine disturbs far less than wall time) and wall
# seconds. Usage: bash scripts/ab.sh OLD_DIR NEW_DIR N case args...   e.g. ... 10 mm10 3000000
set -euo pipefail
old=$1 new=$2 n=$3; shift 3
for i in $(seq "$n"); do
  for dir in "$old" "$new"; do
    t=$( { cd "$dir" && /usr/bin/time -f '%U %S' node dist/bench/case.js "$@" >/tmp/ab.$$ ; } 2>&1 | tail -1)
    wall=$(sed -E 's/.*"wallSeconds":([0-9.]+).*/\1/' /tmp/ab.$$)
    echo "$([ "$dir" = "$old" ] && echo A || echo B) cpu $(echo "$t" | awk '{print $1+$2}') wall $wall"
  done
done
rm -f /tmp/ab.$$
