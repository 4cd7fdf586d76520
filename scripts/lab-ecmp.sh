#!/usr/bin/env bash
# The ECMP lab: three active directors behind a router, in throw-away network namespaces.
#
#   sudo scripts/lab-ecmp.sh           # direct routing with mh, then NAT
#   sudo scripts/lab-ecmp.sh --bench   # and the comparisons of the README's table
#
# A router runs BIRD with a BGP session and BFD (3 x 100 ms) to each of three directors
# and puts the VIP's route into its kernel with one next hop per director that announces
# it (ECMP, flows hashed by L4: fib_multipath_hash_policy=1). Each director runs BIRD from
# `hakit bgp config`, balances the VIP over three real servers with `hakit nft` (each
# director given the servers in another order), and announces it with `hakit bgp
# announce`. The real servers are prepared with `hakit rs-prep arp`. A client behind the
# router holds 60 long-lived TCP connections (each echoing a line every 0.1 s) and opens a
# new one every 20 ms. The lab crashes one director (its link goes down: no BFD, no
# forwarding), then withdraws another gracefully, and prints how long the router took to
# drop each and how many connections survived.
#
# Round 1 is direct routing with mh: every director computes the same Maglev table, so a
# flow the router moves reaches the same server and every held connection survives. Round
# 2 is NAT: a moved connection reaches a director whose conntrack has never seen it (hakit
# does not drive conntrackd), so it breaks; the lab prints the figure it measured.
#
# --bench adds, with the same hosts: the crash with BFD off (the router waits for the BGP
# hold time, 9 s); direct routing with a plain hash of the flow instead of Maglev (rr);
# and the seeds' setup, VRRP between two directors (keepalived's defaults: VRRPv2, 1 s
# adverts), crashing the master.
#
# Needs root, iproute2, nftables, bird2 and python3 (installed with apt-get where missing). HAKIT=/path/to/hakit uses that binary
# instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."

bench=0
case "${1:-}" in
  --bench) bench=1 ;;
  "") ;;
  *) echo "usage: lab-ecmp.sh [--bench]" >&2; exit 2 ;;
esac
if [ "$(id -u)" -ne 0 ]; then
  echo "lab-ecmp.sh: needs root for network namespaces: sudo scripts/lab-ecmp.sh" >&2
  exit 1
fi
# shellcheck source=lib/deps.sh
. scripts/lib/deps.sh
need lab-ecmp.sh iproute2:ip nftables:nft bird2:birdc python3:python3
if [ -z "${HAKIT:-}" ]; then
  echo "== building hakit"
  cargo build --quiet --release
  HAKIT=$PWD/target/release/hakit
fi
FLOWS=$PWD/scripts/lib/flows.py

P=hkecmp$$             # namespace prefix, unique per run
VIP=192.168.142.100    # routed to the directors over BGP
LANVIP=192.168.140.100 # the VRRP round's VIP, on the directors' LAN
CONNS=60
work=$(mktemp -d)
nodes=(rt d1 d2 d3 r1 r2 r3)
declare -A ADDR=([rt]=192.168.140.1 [d1]=192.168.140.2 [d2]=192.168.140.3 [d3]=192.168.140.4
                 [r1]=192.168.140.7 [r2]=192.168.140.8 [r3]=192.168.140.9)
# Each director is given the real servers in another order.
declare -A ORDER=([d1]="r1 r2 r3" [d2]="r3 r1 r2" [d3]="r2 r3 r1")
pids=()
summary=()

ms() { local t=${EPOCHREALTIME/./}; echo $(( t / 1000 )); }
secs() { printf '%d.%03d' $(( $1 / 1000 )) $(( $1 % 1000 )); }
t0=$(ms)
say() { printf '[%7.3fs] %s\n' "$(( $(ms) - t0 ))e-3" "$*"; }
in_ns() { local n=$1; shift; ip netns exec "$P-$n" "$@"; }
hk() { local n=$1; shift; HAKIT_STATE_DIR=$work/$n ip netns exec "$P-$n" "$HAKIT" "$@"; }
bgp() { local n=$1; shift; hk "$n" bgp --socket "$work/$n/bird.ctl" --include "$work/$n/hakit-vips.conf" "$@"; }
hops() { ip -n "$P-rt" -4 route show "$VIP" | grep -o 'via [0-9.]*' | awk '{print $2}' | sort | xargs; }
# Milliseconds until CMD succeeds (polled every 10 ms, at most 30 s).
until_ms() {
  local start; start=$(ms)
  while [ $(( $(ms) - start )) -lt 30000 ]; do "$@" && { echo $(( $(ms) - start )); return 0; }; sleep 0.01; done
  echo "lab-ecmp.sh: timed out waiting for: $*" >&2; return 1
}
gone_from_router() { ! hops | grep -qw "${ADDR[$1]}"; }
hops_are() { [ "$(hops | wc -w)" = "$1" ]; }

stop_all() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pids=()
  for n in sw client "${nodes[@]}"; do ip netns del "$P-$n" 2>/dev/null || true; done
  rm -rf "${work:?}"/*
}
teardown() { stop_all; rm -rf "$work"; }
trap teardown EXIT

# The router's BIRD: a session with BFD to each director, equal paths merged in the kernel.
router_conf() {
  local bfd=$1 i=0
  cat <<EOF
router id ${ADDR[rt]};
protocol device {
}
protocol bfd {
  interface "*" {
    min rx interval 100 ms;
    min tx interval 100 ms;
    multiplier 3;
  };
}
protocol kernel {
  ipv4 {
    import none;
    export all;
  };
  merge paths on;
}
EOF
  for d in d1 d2 d3; do
    cat <<EOF
protocol bgp $d {
  local as 65000;
  neighbor ${ADDR[$d]} as 65001;
  hold time 9;
  bfd $bfd;
  ipv4 {
    import all;
    export none;
  };
}
EOF
    i=$((i + 1))
  done
}

start_bird() {
  local n=$1
  # Not through in_ns: a function in the background is a subshell, and killing it would
  # leave its bird running.
  ip netns exec "$P-$n" bird -f -c "$work/$n/bird.conf" -s "$work/$n/bird.ctl" >/dev/null 2>&1 &
  pids+=($!)
  until_ms test -S "$work/$n/bird.ctl" >/dev/null
}

# The hosts on one bridge; the client behind the router on a link of its own.
build() {
  local bfd=$1 i=0
  ip netns add "$P-sw"
  ip -n "$P-sw" link add br0 type bridge
  ip -n "$P-sw" link set br0 up
  for n in "${nodes[@]}"; do
    mkdir -p "$work/$n"
    ip netns add "$P-$n"
    ip -n "$P-sw" link add "p$i" type veth peer name eth0 netns "$P-$n"
    ip -n "$P-sw" link set "p$i" master br0 up
    ip -n "$P-$n" link set lo up
    ip -n "$P-$n" link set eth0 up
    ip -n "$P-$n" addr add "${ADDR[$n]}/24" dev eth0
    [ "$n" = rt ] || ip -n "$P-$n" route add default via "${ADDR[rt]}"
    i=$((i + 1))
  done
  ip netns add "$P-client"
  ip -n "$P-rt" link add eth1 type veth peer name eth0 netns "$P-client"
  ip -n "$P-rt" addr add 192.168.141.1/24 dev eth1
  ip -n "$P-rt" link set eth1 up
  ip -n "$P-client" link set lo up
  ip -n "$P-client" addr add 192.168.141.10/24 dev eth0
  ip -n "$P-client" link set eth0 up
  ip -n "$P-client" route add default via 192.168.141.1
  in_ns rt sysctl -qw net.ipv4.ip_forward=1 net.ipv4.fib_multipath_hash_policy=1
  for d in d1 d2 d3; do in_ns "$d" sysctl -qw net.ipv4.ip_forward=1; done
  router_conf "$bfd" > "$work/rt/bird.conf"
  start_bird rt
  for d in d1 d2 d3; do
    local nobfd=()
    [ "$bfd" = on ] || nobfd=(--no-bfd)
    bgp "$d" config --router-id "${ADDR[$d]}" --local-as 65001 --router "${ADDR[rt]}:65000" \
      "${nobfd[@]}" > "$work/$d/bird.conf"
    start_bird "$d"
  done
  for r in r1 r2 r3; do
    hk "$r" -q rs-prep arp up --vip "$VIP" --vip "$LANVIP"
    ip netns exec "$P-$r" python3 "$FLOWS" serve "$r" 80 >/dev/null 2>&1 &
    pids+=($!)
  done
  for r in r1 r2 r3; do until_ms in_ns "$r" sh -c 'ss -Hltn "sport = :80" | grep -q LISTEN' >/dev/null; done
}

sessions_up() { for d in d1 d2 d3; do bgp "$d" status >/dev/null 2>&1 || return 1; done; }

# The service on each director: VIP:80 over the three real servers, in the director's order.
program() {
  local vip=$1 sched=$2 fwd=$3 d r
  for d in d1 d2 d3; do
    hk "$d" -q nft service add -t "$vip:80" -s "$sched"
    for r in ${ORDER[$d]}; do hk "$d" -q nft real add -t "$vip:80" -r "${ADDR[$r]}" "$fwd"; done
  done
}

# The client: churn in the client namespace, marks through a pipe.
client_start() {
  local vip=$1
  mkfifo "$work/marks"
  ip netns exec "$P-client" python3 "$FLOWS" churn "$vip" 80 "$CONNS" < "$work/marks" > "$work/client.out" 2>&1 &
  pids+=($!)
  exec 7> "$work/marks"
  until_ms grep -q '"open"' "$work/client.out" >/dev/null ||
    { echo "lab-ecmp.sh: the client did not open its connections: $(cat "$work/client.out")" >&2; exit 1; }
}
mark() { echo "phase $1" >&7; }
client_end() {
  echo end >&7
  exec 7>&-
  until_ms sh -c "[ \$(grep -c '\"phase\"' $work/client.out) -ge $1 ]" >/dev/null
  rm -f "$work/marks"
}
# One phase's figures from the client: "broken new failed last held-on-SERVER
# broken-on-SERVER".
phase() {
  python3 - "$work/client.out" "$1" "${2:-}" <<'EOF'
import json, sys
lines = [json.loads(line) for line in open(sys.argv[1])]
on = lines[0]["on"].get(sys.argv[3], 0)
for p in lines[1:]:
    if p.get("phase") == sys.argv[2]:
        last = p["last_failure"]
        print(p["broken"], p["new"], p["new_failed"], "-" if last is None else f"{last:.2f}",
              on, p["broken_on"].get(sys.argv[3], 0))
EOF
}
# How many packets each director forwarded.
forwarded() {
  local d out=()
  for d in d1 d2 d3; do
    out+=("$d $(hk "$d" nft list --json | python3 -c 'import json,sys; j=json.load(sys.stdin); print(sum(d["stats"]["inpkts"] for s in j["services"] for d in s["dests"]))')")
  done
  (IFS=,; echo "${out[*]}" | sed 's/,/, /g')
}
report() {
  local what=$1 name=$2 took=$3
  read -r broken new failed last _ _ < <(phase "$name")
  local kept=$(( CONNS - broken ))
  say "  $what: the router dropped it after $(secs "$took") s; held connections kept: $kept of $CONNS; new connections failed: $failed of $new${last:+, the last $last s after}"
  summary+=("$round|$what|$(secs "$took")|$kept/$CONNS|$failed/$new")
}

# A round over BGP: crash d1, then withdraw d2.
bgp_round() {
  local sched=$1 fwd=$2 bfd=$3 crash withdraw
  round="$4"
  say "== $round"
  build "$bfd"
  say "router, 3 directors (BIRD from hakit bgp config, BFD $bfd), 3 real servers (hakit rs-prep arp up), a client behind the router"
  until_ms sessions_up >/dev/null
  program "$VIP" "$sched" "$fwd"
  say "directors: hakit nft service add -t $VIP:80 -s $sched; real add $fwd in the orders d1: ${ORDER[d1]}, d2: ${ORDER[d2]}, d3: ${ORDER[d3]}"
  for d in d1 d2 d3; do bgp "$d" -q announce "$VIP"; done
  until_ms hops_are 3 >/dev/null
  say "each director: hakit bgp announce $VIP; the router's route: $VIP via $(hops)"
  client_start "$VIP"
  sleep 1
  say "the client holds $CONNS connections and opens a new one every 20 ms; forwarded packets: $(forwarded)"
  mark crash
  ip -n "$P-d1" link set eth0 down
  crash=$(until_ms gone_from_router d1)
  say "d1 crashed (its link went down); the router's route: $VIP via $(hops)"
  sleep 1
  mark withdraw
  bgp d2 -q withdraw "$VIP"
  withdraw=$(until_ms gone_from_router d2)
  say "d2: hakit bgp withdraw $VIP; the router's route: $VIP via $(hops)"
  sleep 1
  mark server
  for d in d1 d2 d3; do hk "$d" -q nft real del -t "$VIP:80" -r "${ADDR[r3]}"; done
  say "r3 fails: every director takes it out (hakit nft real del)"
  sleep 1
  client_end 4
  report "d1 crashed (link down)" crash "$crash"
  report "d2 withdrew (hakit bgp withdraw)" withdraw "$withdraw"
  read -r broken new failed last on3 broken3 < <(phase server r3)
  local others=$(( CONNS - on3 )) kept=$(( CONNS - on3 - broken + broken3 ))
  say "  r3 taken out: connections to r1 and r2 kept: $kept of $others; to r3: $(( on3 - broken3 )) of $on3"
  summary+=("$round|r3 taken out (kept: to r1, r2)|-|$kept/$others|$failed/$new")
  stop_all
}

# The seeds' way: VRRP between d1 and d2 (d1 master), both balancing the LAN VIP with mh.
vrrp_round() {
  local d took
  round="VRRP (VRRPv2, 1 s adverts), direct routing with mh"
  say "== $round"
  build on
  program "$LANVIP" mh -g
  for d in d1 d2; do
    local prio=100
    [ $d = d1 ] && prio=101
    HAKIT_STATE_DIR=$work/$d ip netns exec "$P-$d" "$HAKIT" --log-file "$work/$d.log" vrrp run \
      --interface eth0 --vrid 51 --version 2 --advert-int 1 --priority $prio --vip "$LANVIP/24" &
    pids+=($!)
  done
  until_ms sh -c "ip -n $P-d1 -br addr show dev eth0 | grep -q ' $LANVIP/'" >/dev/null
  say "d1 is master and holds $LANVIP; d2 is backup"
  client_start "$LANVIP"
  sleep 1
  mark crash
  ip -n "$P-d1" link set eth0 down
  took=$(until_ms sh -c "ip -n $P-d2 -br addr show dev eth0 | grep -q ' $LANVIP/'")
  sleep 1
  client_end 2
  read -r broken new failed last _ _ < <(phase crash)
  say "  d1 crashed (link down): d2 took $LANVIP after $(secs "$took") s; held connections kept: $(( CONNS - broken )) of $CONNS; new connections failed: $failed of $new${last:+, the last $last s after}"
  summary+=("$round|d1 crashed, d2 took over|$(secs "$took")|$(( CONNS - broken ))/$CONNS|$failed/$new")
  stop_all
}

bgp_round mh -g on "direct routing with mh (Maglev), BFD"
bgp_round rr -m on "NAT with rr, BFD"
if [ $bench = 1 ]; then
  bgp_round mh -g off "direct routing with mh, no BFD (BGP hold time 9 s)"
  bgp_round rr -g on "direct routing with rr (plain hash of the flow), BFD"
  vrrp_round
fi

say "== summary"
printf '%-54s %-32s %8s %7s %9s\n' round event "took(s)" kept "new fail"
for s in "${summary[@]}"; do
  IFS='|' read -r a b c d e <<< "$s"
  printf '%-54s %-32s %8s %7s %9s\n' "$a" "$b" "$c" "$d" "$e"
done
say "done; tearing the namespaces down"
