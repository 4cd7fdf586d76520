#!/bin/sh
# Seed 001: two nginx nodes share a VIP. The node whose nginx answers holds it; a failing
# nginx costs 5 priority points after 3 failed checks (keepalived's chk_nginx), so the
# peer (priority 99) takes over. notify scripts run on transitions.
#
#   PRIORITY=100 ./node.sh          # on the master
#   PRIORITY=99  ./node.sh          # on the backup
#
# Every setting has the seed's value and can be overridden from the environment.
# The seed's own check asks only "is nginx running" (killall -0 nginx); that needs no
# script: TRACK_PROCESS=nginx tracks the nginx processes (keepalived's
# vrrp_track_process) with the same weight, instead of the HTTP check.
set -eu
: "${IFACE:=eth0}" "${VIP:=192.168.5.18}" "${VRID:=88}" "${PRIORITY:=100}" "${PASS:=abc123}"
: "${VERSION:=2}" "${ADVERT:=1}"
: "${CHECK:=hakit check http http://127.0.0.1/ --connect-timeout 1 --retry 0}"
: "${CHECK_INTERVAL:=2s}" "${NOTIFY_MASTER:=}" "${NOTIFY_BACKUP:=}"
# The password reaches vrrp run through its environment, not its arguments (which every
# process list shows); vrrp run hands it to none of the commands it runs.
if [ "$VERSION" = 2 ]; then HAKIT_AUTH_PASS=$PASS; export HAKIT_AUTH_PASS; fi
if [ -n "${TRACK_PROCESS:-}" ]; then
  track="--track-process $TRACK_PROCESS --track-process-weight -5"
  set --
else
  track=""
  set -- --track-script "$CHECK" --track-interval "$CHECK_INTERVAL" \
    --track-weight -5 --track-fall 3 --track-rise 2
fi
# shellcheck disable=SC2086
exec hakit vrrp run --name nginx --interface "$IFACE" --vrid "$VRID" --priority "$PRIORITY" \
  --version "$VERSION" --advert-int "$ADVERT" --vip "$VIP" $track "$@" \
  ${NOTIFY_MASTER:+--notify-master "$NOTIFY_MASTER"} \
  ${NOTIFY_BACKUP:+--notify-backup "$NOTIFY_BACKUP"}
