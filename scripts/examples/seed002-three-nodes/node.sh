#!/bin/sh
# Seed 002: three nodes, any one keeps the VIP, and nobody preempts: the VIP stays where it
# is until that node fails (keepalived's nopreempt with state BACKUP everywhere).
#
#   PRIORITY=100 ./node.sh ; PRIORITY=90 ./node.sh ; PRIORITY=80 ./node.sh
set -eu
: "${IFACE:=ens33}" "${VIP:=172.18.8.231/24}" "${VRID:=101}" "${PRIORITY:=90}" "${PASS:=1111}"
: "${VERSION:=2}" "${ADVERT:=1}"
: "${CHECK:=/etc/keepalived/check_nginx.sh}" "${CHECK_INTERVAL:=1s}"
# The password reaches vrrp run through its environment, not its arguments (which every
# process list shows); vrrp run hands it to none of the commands it runs.
if [ "$VERSION" = 2 ]; then HAKIT_AUTH_PASS=$PASS; export HAKIT_AUTH_PASS; fi
exec hakit vrrp run --name VI_1 --interface "$IFACE" --vrid "$VRID" --priority "$PRIORITY" \
  --version "$VERSION" --advert-int "$ADVERT" --vip "$VIP" --nopreempt \
  --track-script "$CHECK" --track-interval "$CHECK_INTERVAL"
