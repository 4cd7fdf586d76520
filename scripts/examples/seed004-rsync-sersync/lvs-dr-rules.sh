#!/bin/sh
# Seed 004's LVS-DR rules on the director, as its ipvsadm lines (hakit ipvs takes the same
# options; `hakit links --ipvsadm` makes the old script itself run unchanged).
set -eu
: "${VIP:=192.168.1.100}" "${RS:=192.168.1.11 192.168.1.12 192.168.1.13}"
hakit ipvs flush
hakit ipvs service add -t "$VIP:80" -s wlc
for rs in $RS; do
  hakit ipvs real add -t "$VIP:80" -r "$rs:80" -g -w 1
done
hakit ipvs list
