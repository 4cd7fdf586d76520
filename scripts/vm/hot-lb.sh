#!/bin/bash
# Runs inside the VM (scripts/hot-code.sh): `hakit lb run --config` on IPVS with N HTTP_GET
# real servers (http-reals.sh) under callgrind for SECS s, then prints the (mangled) names
# of the functions it ran, one per line after "HOT ".
set -u
SECS=${SECS:-60} CONF=/tmp/bench.conf
. ./http-reals.sh
export VALGRIND_LIB=/payload
/payload/valgrind.bin --tool=callgrind --demangle=no --callgrind-out-file=/tmp/cg.out \
  hakit lb run --config "$CONF" > /tmp/hk.log 2>&1 &
sleep "$SECS"
kill -TERM "$(pidof callgrind-amd64-linux)"
wait
grep -q 'parse_response' /tmp/cg.out || { echo "no HTTP check ran:"; tail -5 /tmp/hk.log; exit 1; }
grep -E '^c?fn=\([0-9]+\) ' /tmp/cg.out | sed 's/^c*fn=([0-9]*) /HOT /' | sort -u
