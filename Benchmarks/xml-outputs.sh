#!/bin/sh
# The correctness gate for a schedule.xml speed step: writes `summary --format json`,
# `agenda --format csv` and `export --format convene` for every FILE into DIR, one file
# per command and input, so that two binaries' outputs can be compared with `diff -r`.
#
#   Benchmarks/xml-outputs.sh BINARY DIR FILE...
#   Benchmarks/xml-outputs.sh /tmp/before /tmp/out-before /work/real-schedules/*.xml bench.xml
#   Benchmarks/xml-outputs.sh .build-rel/release/convene /tmp/out-after  …  && diff -r /tmp/out-before /tmp/out-after
set -eu
BIN=${1:?usage: xml-outputs.sh BINARY DIR FILE...}
DIR=${2:?usage: xml-outputs.sh BINARY DIR FILE...}
shift 2
mkdir -p "$DIR"
for f in "$@"; do
    b=$(basename "$f")
    "$BIN" summary --format json --data "$f" >"$DIR/$b.summary.json" 2>&1 || echo "exit $?" >>"$DIR/$b.summary.json"
    "$BIN" agenda --format csv --data "$f" >"$DIR/$b.agenda.csv" 2>&1 || echo "exit $?" >>"$DIR/$b.agenda.csv"
    "$BIN" export --format convene --data "$f" >"$DIR/$b.export.json" 2>&1 || echo "exit $?" >>"$DIR/$b.export.json"
done
