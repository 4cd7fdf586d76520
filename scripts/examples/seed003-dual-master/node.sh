#!/bin/sh
# Seed 003: dual master over unicast. Each node is master of one VIP and backup of the
# other's; VI_1 waits PREEMPT_DELAY before taking its VIP back after a restart (no flap
# while the service warms up). VRRP logs go to their own file, not to syslog.
#
#   NODE=a SELF=172.25.254.50 PEER=172.25.254.60 ./node.sh    # on ka1
#   NODE=b SELF=172.25.254.60 PEER=172.25.254.50 ./node.sh    # on ka2
set -eu
: "${NODE:=a}" "${IFACE:=eth0}" "${SELF:=172.25.254.50}" "${PEER:=172.25.254.60}"
: "${VIP1:=172.25.254.100/24}" "${VIP2:=172.25.254.200/24}"
: "${VERSION:=2}" "${ADVERT:=1}" "${PREEMPT_DELAY:=60s}" "${LOG:=/var/log/hakit-vrrp.log}"
if [ "$NODE" = a ]; then p1=100 p2=80; else p1=80 p2=100; fi
common="--interface $IFACE --version $VERSION --advert-int $ADVERT --unicast-src $SELF --unicast-peer $PEER"
# shellcheck disable=SC2086
hakit --log-file "$LOG" -v vrrp run --name VI_1 --vrid 51 --priority "$p1" $common \
  --vip "$VIP1" --preempt-delay "$PREEMPT_DELAY" &
one=$!
# shellcheck disable=SC2086
hakit --log-file "$LOG" -v vrrp run --name VI_2 --vrid 52 --priority "$p2" $common --vip "$VIP2" &
two=$!
trap 'kill -TERM $one $two 2>/dev/null; wait' TERM INT
wait
