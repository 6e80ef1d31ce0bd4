#!/bin/sh
# Issue 13: is "convene summary <= half of ET.parse" reachable with libxml2? Builds the floor programs
# in /tmp, then prints, in ROUNDS alternating rounds: CPU time (perf stat task-clock, mean of 20) of
# `convene summary`, `convene --version` (process start alone), the floors (start + read + libxml2
# SAX2 with empty callbacks, in C and in Swift) and Python's ET.parse (CPU time, median of 15);
# then instructions (callgrind) of each once. CPU time, not wall time: on a shared 2-core machine
# the wall clock measures the other sessions.
#
#   swift build -c release --product convene            # from the repository root
#   Benchmarks/xml-floor/floor.sh /work/bench-published/congress-1400.xml
#
# Environment: CONVENE (default .build/release/convene), ROUNDS (default 3), OUT (default /tmp/convene-xml-floor).
set -eu
FILE=${1:?usage: floor.sh FILE.xml}
CONVENE=${CONVENE:-.build/release/convene}
ROUNDS=${ROUNDS:-3}
OUT=${OUT:-/tmp/convene-xml-floor}
HERE=$(dirname "$0")
mkdir -p "$OUT"
gcc -O2 -I/usr/include/libxml2 "$HERE/floor.c" -o "$OUT/floor-c" -lxml2
swiftc -O -I "$HERE/../../Sources/CLibXML2" -Xcc -I/usr/include/libxml2 "$HERE/floor.swift" -o "$OUT/floor-swift"
swiftc -O "$HERE/start-foundation.swift" -o "$OUT/start-foundation"
swiftc -O "$HERE/start-networking.swift" -o "$OUT/start-networking"
PY=$(python3 -c 'import sys; print(sys.executable)')

cpu() { perf stat -r 20 -x, -e task-clock "$@" 2>&1 >/dev/null | awk -F, '/task-clock/ { printf "%.1f", $1 }'; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
round=1
while [ "$round" -le "$ROUNDS" ]; do
    echo "round $round (ms CPU): summary $(cpu "$CONVENE" summary --data "$FILE")" \
        "| --version $(cpu "$CONVENE" --version)" \
        "| start+Foundation $(cpu "$OUT/start-foundation") | +FoundationNetworking $(cpu "$OUT/start-networking")" \
        "| C read $(cpu "$OUT/floor-c" none "$FILE") | C push $(cpu "$OUT/floor-c" push "$FILE") | C mem $(cpu "$OUT/floor-c" mem "$FILE")" \
        "| Swift read $(cpu "$OUT/floor-swift" none "$FILE") | Swift push $(cpu "$OUT/floor-swift" push "$FILE")" \
        "| $("$PY" "$HERE/et_parse_cpu.py" "$FILE" 15)"
    round=$((round + 1))
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*Collected : //p'; }
echo "instructions: summary $(ir "$CONVENE" summary --data "$FILE") | --version $(ir "$CONVENE" --version)" \
    "| start+Foundation $(ir "$OUT/start-foundation") | +FoundationNetworking $(ir "$OUT/start-networking")"
for v in "none" "push" "push nochars" "push compact" "push nodict" "push noblanks" "push1" "mem" "memctx"; do
    # shellcheck disable=SC2086
    echo "instructions: C $v $(ir "$OUT/floor-c" ${v%% *} "$FILE" ${v#* })"
done
echo "instructions: Swift read $(ir "$OUT/floor-swift" none "$FILE") | Swift push $(ir "$OUT/floor-swift" push "$FILE")"
printf 'import xml.etree.ElementTree as ET, sys\nif sys.argv[1] == "parse": ET.parse(sys.argv[2])\n' > "$OUT/et.py"
echo "instructions: python import $(ir "$PY" "$OUT/et.py" import "$FILE") | import + ET.parse $(ir "$PY" "$OUT/et.py" parse "$FILE")"
