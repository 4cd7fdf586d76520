#!/bin/sh
# Seed 003: the MariaDB service behind VI_1's VIP, LVS-DR with round robin; a backend
# whose port 3306 stops answering leaves the pool (TCP_CHECK, 3 tries 3 s apart).
set -eu
: "${VIP:=172.25.254.100}" "${RS1:=172.25.254.10}" "${RS2:=172.25.254.20}" "${DELAY:=6s}"
exec hakit lb run -t "$VIP:3306" -s rr -g --delay-loop "$DELAY" -r "$RS1:3306" -r "$RS2:3306" \
  --check 'tcp --connect-timeout 2 --retry 3 --delay-before-retry 3' "$@"
