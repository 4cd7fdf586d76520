#!/bin/sh
# Seed 000 scaled out: every director active. No VRRP: each director announces the VIP to
# the routers over BGP, through BIRD, while its real servers have quorum, and the routers
# spread the flows over the directors (ECMP). Every director balances with mh (Maglev)
# over direct routing and so sends a flow to the same real server, whichever director
# the router picks: a director that dies (BFD takes it out in 0.3 s) or leaves breaks no
# connection. The real servers are checked over HTTP as in seed 000. There is no sorry
# server: when no real server answers, every director withdraws the VIP.
#
#   ROUTER_ID=192.168.139.2 ./director.sh     # director 1 (its own address)
#   ROUTER_ID=192.168.139.3 ./director.sh     # director 2, 3, ... the same way
#
# The real servers are prepared as in seed 000 (../seed000-lvs-dr/realserver.sh). BIRD's
# configuration is written once by `hakit bgp config` if BIRD_CONF does not exist; BIRD
# is started if its socket does not answer, and stopped with the script if it started it.
# At SIGTERM the VIP is withdrawn first, the flows drain to the other directors for
# DRAIN, and only then are the services taken out.
set -eu
: "${VIP:=192.168.139.100}" "${ROUTER_ID:?set ROUTER_ID to this director's address}"
: "${LOCAL_AS:=65001}" "${ROUTERS:=192.168.139.1:65000}"
: "${RS:=192.168.139.8:80,weight=2 192.168.139.9:80}" "${DELAY:=6s}" "${DRAIN:=5s}"
: "${BIRD_CONF:=/etc/bird/bird.conf}" "${BIRD_SOCKET:=/run/bird/bird.ctl}"
: "${INCLUDE:=/etc/bird/hakit-vips.conf}" "${CHECK_TIMEOUT:=2}"
bgp="hakit bgp --socket $BIRD_SOCKET --include $INCLUDE"
if [ ! -e "$BIRD_CONF" ]; then
  routers=""
  for r in $ROUTERS; do routers="$routers --router $r"; done
  # shellcheck disable=SC2086
  $bgp config --router-id "$ROUTER_ID" --local-as "$LOCAL_AS" $routers > "$BIRD_CONF"
fi
bird=""
if ! birdc -s "$BIRD_SOCKET" show status >/dev/null 2>&1; then
  bird -f -c "$BIRD_CONF" -s "$BIRD_SOCKET" &
  bird=$!
fi
reals=""
for r in $RS; do reals="$reals -r $r"; done
# shellcheck disable=SC2086
hakit lb run -t "$VIP:80" -s mh -g --delay-loop "$DELAY" $reals \
  --check "http --path / --status-code 200 --connect-timeout $CHECK_TIMEOUT --retry 3 --delay-before-retry 1" \
  --announce --bird-socket "$BIRD_SOCKET" --bird-include "$INCLUDE" --drain "$DRAIN" &
lb=$!
trap 'kill -TERM $lb 2>/dev/null; wait $lb || true; [ -z "$bird" ] || kill $bird; wait' TERM INT
wait
