#!/bin/sh
# Issue 13's schedule.xml figure, side by side on one file: `convene summary --data FILE`
# as a whole process (hyperfine, median of 20 runs) and Python's `xml.etree.ElementTree.parse`
# alone (py_bench.py, median of 9 runs), taken in turns ROUNDS times so that both see the
# same machine load. Prints the load average before and after; the target is a ratio <= 0.5.
#
#   swift build -c release --product convene      # from the repository root
#   Benchmarks/xml-side-by-side.sh /path/to/congress-1400.xml
#
# Environment: CONVENE (the binary, default .build/release/convene), PY_BENCH (default
# /work/bench-published/py_bench.py), ROUNDS (default 3).
set -eu
FILE=${1:?usage: xml-side-by-side.sh FILE.xml}
CONVENE=${CONVENE:-.build/release/convene}
PY_BENCH=${PY_BENCH:-/work/bench-published/py_bench.py}
ROUNDS=${ROUNDS:-3}
JSON=$(mktemp)
trap 'rm -f "$JSON"' EXIT

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
round=1
while [ "$round" -le "$ROUNDS" ]; do
    hyperfine -N -w 3 -r 20 --export-json "$JSON" "$CONVENE summary --data $FILE" >/dev/null 2>&1
    convene=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f" % (r["median"]*1000))' "$JSON")
    python=$(python3 "$PY_BENCH" "$FILE" | sed -n 's/.*median \([0-9.]*\) ms.*/\1/p')
    ratio=$(python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$convene" "$python")
    echo "round $round: convene summary ${convene} ms, ET.parse ${python} ms, ratio ${ratio}"
    round=$((round + 1))
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
