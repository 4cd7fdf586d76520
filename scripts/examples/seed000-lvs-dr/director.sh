#!/bin/sh
# Seed 000: an LVS-DR director. VRRPv2 with a password holds the VIP; the file DOWNFILE
# demotes the node by 2 (maintenance: `touch /etc/keepalived/down`); IPVS balances to the
# real servers with wrr, checked over HTTP every 6 s; when none answers the sorry server
# serves; mail goes to ops on every real server DOWN/UP. The checker only checks on the
# node that holds the VIP (ha_suspend).
#
#   PRIORITY=101 ./director.sh     # node1
#   PRIORITY=100 ./director.sh     # node2
set -eu
: "${IFACE:=eth0}" "${VIP:=192.168.139.100}" "${PREFIX:=24}" "${VRID:=51}" "${PRIORITY:=101}"
: "${PASS:=keepaliv}" "${VERSION:=2}" "${ADVERT:=1}" "${DOWNFILE:=/etc/keepalived/down}"
: "${RS:=192.168.139.8:80,weight=2 192.168.139.9:80}" "${SORRY:=127.0.0.1:80}"
: "${DELAY:=6s}" "${ROUTER_ID:=LVS_DEVEL}" "${MAILTO:=root@localhost}" "${SMTP:=127.0.0.1:25}"
: "${TRACK_INTERVAL:=1s}" "${MAILFROM:=keepalived@localhost}"
# The password reaches vrrp run through its environment, not its arguments (which every
# process list shows); vrrp run hands it to none of the commands it runs.
if [ "$VERSION" = 2 ]; then HAKIT_AUTH_PASS=$PASS; export HAKIT_AUTH_PASS; fi
hakit vrrp run --name VI_1 --interface "$IFACE" --vrid "$VRID" --priority "$PRIORITY" \
  --version "$VERSION" --advert-int "$ADVERT" --vip "$VIP/$PREFIX" --label "$IFACE:0" \
  --track-script "test ! -e $DOWNFILE" --track-interval "$TRACK_INTERVAL" --track-weight -2 &
vrrp=$!
unset HAKIT_AUTH_PASS
reals=""
for r in $RS; do reals="$reals -r $r"; done
# shellcheck disable=SC2086
hakit lb run -t "$VIP:80" -s wrr -g --delay-loop "$DELAY" $reals \
  --check 'http --path / --status-code 200 --connect-timeout 2 --retry 3 --delay-before-retry 1' \
  --sorry-server "$SORRY" --ha-suspend --router-id "$ROUTER_ID" \
  --mail-to "$MAILTO" --mail-from "$MAILFROM" --smtp-server "$SMTP" &
lb=$!
trap 'kill -TERM $vrrp $lb 2>/dev/null; wait' TERM INT
wait
