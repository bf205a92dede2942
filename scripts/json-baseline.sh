#!/usr/bin/env bash
# Writes every report of every bundled scenario (and each variant) to a directory, so a
# restructuring can show its output is byte-identical: run it on the old build and the new,
# then `diff -r old new`. Usage: bash scripts/json-baseline.sh OUTDIR  (after npm run build)
set -euo pipefail
out=${1:?usage: json-baseline.sh OUTDIR}
mkdir -p "$out"
cli="node dist/src/cli/main.js"
for f in scenarios/*.yaml bench/scenarios/city-hall.yaml; do
  b=$(basename "$f" .yaml)
  for fmt in json table csv markdown; do
    $cli compare "$f" --format $fmt --workers 1 > "$out/$b.compare.$fmt"
    $cli run "$f" --format $fmt --workers 1 > "$out/$b.run.$fmt"
  done
  $cli compare "$f" --format json --workers 1 --period 7.5 -n 3 > "$out/$b.compare.p7_5.json"
  $cli compare "$f" --format table --workers 1 --period 7.5 -n 3 > "$out/$b.compare.p7_5.table"
  $cli compare "$f" --format json --workers 2 -s 7 -n 12 > "$out/$b.compare.s7w2.json"
done
$cli compare scenarios/bank-branch.yaml scenarios/service-hall.yaml --format json --workers 1 -n 4 > "$out/two-files.compare.json" || true
