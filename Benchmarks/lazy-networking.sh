#!/usr/bin/env bash
# Issue 13: what linking libcurl (FoundationNetworking) cost every start, before vs after it was
# opened with dlopen on the first URL fetch. Usage:
#   Benchmarks/lazy-networking.sh BEFORE_BINARY AFTER_BINARY [ROUNDS]
# Prints, for each binary: shared libraries at start (ldd | wc -l), instructions (callgrind, one run
# each; they do not move with the machine's load) and, in ROUNDS alternating rounds, hyperfine
# medians (-N -w 3 -r 20) of `--version`, `summary` (the bundled sample) and `summary --data` the
# bench schedule.xml.
set -euo pipefail
before=$1 after=$2 rounds=${3:-3}
xml=${XML:-/work/bench-published/congress-1400.xml}
export HOME=/nonexistent LANG=C.UTF-8
cmds=("--version" "summary" "summary --data $xml")
for b in "$before" "$after"; do echo "$b: ldd lines $(ldd "$b" | wc -l)"; done
for c in "${cmds[@]}"; do
    for b in "$before" "$after"; do
        n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null $b $c 2>&1 >/dev/null | sed -n 's/.*Collected : //p')
        echo "instructions  $(basename "$b")  convene $c: $n"
    done
done
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
for r in $(seq "$rounds"); do
    for c in "${cmds[@]}"; do
        for b in "$before" "$after"; do
            hyperfine -N -w 3 -r 20 --export-json "$tmp" "$b $c" >/dev/null 2>&1
            m=$(python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$tmp")
            echo "round $r  $(basename "$b")  convene $c: median $m ms"
        done
    done
done
