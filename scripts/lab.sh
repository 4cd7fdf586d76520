#!/usr/bin/env bash
# The hakit lab: seed 000's HA topology in throw-away network namespaces.
#
#   sudo scripts/lab.sh
#
# A client, two directors and two real servers on one bridge (192.168.139.0/24, all inside
# namespaces this script creates and removes). The real servers are prepared for LVS-DR
# with `hakit rs-prep arp`; the directors run `hakit vrrp run` (VRRPv3, 0.1 s adverts) and
# share the VIP. The script kills the master, shows the backup taking over while a client
# keeps fetching a page from the VIP, brings the master back (it preempts), then stops it
# cleanly (priority 0: the backup takes over after its skew time only), and tears down.
#
# Where the kernel has IPVS, both directors also carry LVS-DR rules programmed with
# `hakit ipvs` and the page comes from the real servers; where it has not, the directors
# serve the page themselves and the lab shows VIP failover alone. Needs root, iproute2,
# and a page server and client: busybox (httpd, wget) or python3 and curl.
# HAKIT=/path/to/hakit uses that binary instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
  echo "lab.sh: needs root for network namespaces: sudo scripts/lab.sh" >&2
  exit 1
fi
command -v ip >/dev/null || { echo "lab.sh: needs iproute2" >&2; exit 1; }
if command -v busybox >/dev/null; then
  SERVE=(busybox httpd -f -p 80 -h)
  FETCH=(timeout 1 busybox wget -q -O -)
elif command -v python3 >/dev/null && command -v curl >/dev/null; then
  SERVE=(python3 -m http.server 80 --bind 0.0.0.0 --directory)
  FETCH=(curl -s -m 0.5)
else
  echo "lab.sh: needs busybox, or python3 and curl, to serve and fetch the page" >&2
  exit 1
fi
ms() { local t=${EPOCHREALTIME/./}; echo $(( t / 1000 )); }
if [ -z "${HAKIT:-}" ]; then
  echo "== building hakit"
  cargo build --quiet --release
  HAKIT=$PWD/target/release/hakit
fi

P=hklab$$              # namespace prefix, unique per run
VIP=192.168.139.100
NET=24
work=$(mktemp -d)
nodes=(client dir1 dir2 rs1 rs2)
declare -A ADDR=([client]=192.168.139.10 [dir1]=192.168.139.2 [dir2]=192.168.139.3
                 [rs1]=192.168.139.7 [rs2]=192.168.139.8)
declare -A PRIO=([dir1]=101 [dir2]=100)
pids=()

t0=$(ms)
say() { printf '[%6.3fs] %s\n' "$(( $(ms) - t0 ))e-3" "$*"; }
in_ns() { local n=$1; shift; ip netns exec "$P-$n" "$@"; }
hk() { local n=$1; shift; HAKIT_STATE_DIR=$work/$n ip netns exec "$P-$n" "$HAKIT" "$@"; }
holder() { for d in dir1 dir2; do ip -n "$P-$d" -br addr show dev eth0 | grep -q " $VIP/" && echo "$d"; done; true; }
state() { hk "$1" vrrp status 2>/dev/null | awk 'NR == 1 {print $2}'; }
wait_holder() {
  for _ in $(seq 1 500); do [ "$(holder)" = "$1" ] && return 0; sleep 0.01; done
  echo "lab.sh: $1 never took the VIP" >&2; exit 1
}

teardown() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for n in sw "${nodes[@]}"; do ip netns del "$P-$n" 2>/dev/null || true; done
  rm -rf "$work"
}
trap teardown EXIT

say "building the topology: ${nodes[*]} on a bridge in namespace $P-sw"
ip netns add "$P-sw"
ip -n "$P-sw" link add br0 type bridge
ip -n "$P-sw" link set br0 up
i=0
for n in "${nodes[@]}"; do
  ip netns add "$P-$n"
  ip -n "$P-sw" link add "p$i" type veth peer name eth0 netns "$P-$n"
  ip -n "$P-sw" link set "p$i" master br0 up
  ip -n "$P-$n" link set lo up
  ip -n "$P-$n" link set eth0 up
  ip -n "$P-$n" addr add "${ADDR[$n]}/$NET" dev eth0
  i=$((i + 1))
done

say "real servers: hakit rs-prep arp up --vip $VIP (arp_ignore/arp_announce, VIP on lo:0)"
for n in rs1 rs2; do
  hk "$n" rs-prep arp up --vip "$VIP" --label lo:0 | sed "s/^/    $n: /"
done
hk rs1 rs-prep arp status | sed 's/^/    rs1: /'

# The data plane: the kernel's IPVS where it has it, else hakit's nftables tables; the page
# comes from the real servers through LVS-DR, or (with neither) from the directors themselves.
plane=none
if [ -e /proc/net/ip_vs ]; then plane=ipvs; elif command -v nft >/dev/null; then plane=nft; fi
if [ $plane != none ]; then servers=(rs1 rs2); else servers=(dir1 dir2); fi
for n in "${servers[@]}"; do
  mkdir -p "$work/www-$n"
  echo "served by $n" > "$work/www-$n/index.html"
  ip netns exec "$P-$n" "${SERVE[@]}" "$work/www-$n" >/dev/null 2>&1 &
  pids+=($!)
  disown $!
done
case $plane in
  ipvs) say "this kernel has IPVS: LVS-DR on both directors with hakit ipvs (rr over rs1 and rs2)" ;;
  nft) say "this kernel has no IPVS: LVS-DR on both directors with hakit nft (rr by a hash of the flow over rs1 and rs2; MACs rewritten at ingress)" ;;
  *) say "this kernel has neither IPVS nor nft (Debian: apt-get install nftables): the directors serve the page, the lab shows VIP failover alone" ;;
esac
if [ $plane != none ]; then
  for d in dir1 dir2; do
    hk "$d" -q $plane service add -t "$VIP:80" -s rr
    for n in rs1 rs2; do hk "$d" -q $plane real add -t "$VIP:80" -r "${ADDR[$n]}" -g -w 1; done
  done
  hk dir1 $plane list | sed 's/^/    dir1: /'
fi

start_vrrp() {
  local d=$1
  HAKIT_STATE_DIR=$work/$d ip netns exec "$P-$d" "$HAKIT" --log-file "$work/$d.log" -v vrrp run --interface eth0 --vrid 51 --version 3 \
    --advert-int 0.1 --priority "${PRIO[$d]}" --vip "$VIP/$NET" --label eth0:0 \
    --notify "/bin/sh -c 'echo $d: \"\$@\" >> $work/notify.log' notify" &
  pids+=($!)
  eval "VRRP_$d=$!"
  disown $!
}
say "directors: hakit vrrp run --vrid 51 --version 3 --advert-int 0.1 --priority 101 (dir1) / 100 (dir2)"
start_vrrp dir1
start_vrrp dir2
wait_holder dir1
say "dir1 is $(state dir1), dir2 is $(state dir2); the VIP is on $(holder)"
hk dir1 vrrp status | sed 's/^/    dir1: /'

fetch() {
  local r
  r=$(ip netns exec "$P-client" "${FETCH[@]}" "http://$VIP/" 2>/dev/null)
  echo "${r:-(no answer)}"
}
for _ in $(seq 1 50); do [ "$(fetch)" != "(no answer)" ] && break; sleep 0.1; done
say "client: GET http://$VIP/ -> $(fetch)"

# The client keeps fetching every 20 ms while the master dies.
( while :; do printf '%s %s\n' "$(ms)" "$(fetch)"; sleep 0.02; done ) > "$work/client.log" &
loop=$!
pids+=($loop)
sleep 0.5

say "dir1 dies: SIGKILL to its hakit and its network cut (no goodbye advert)"
kill -KILL "$VRRP_dir1"
ip -n "$P-dir1" link set eth0 down
crash=$(ms)
for _ in $(seq 1 500); do ip -n "$P-dir2" -br addr show dev eth0 | grep -q " $VIP/" && break; sleep 0.01; done
took=$(( $(ms) - crash ))
say "dir2 is $(state dir2) and holds the VIP ${took} ms after the crash (RFC: 3 x 0.1 s + skew 0.061 s)"
sleep 2   # a request caught mid-crash waits out its TCP retransmission
kill "$loop"
served=$(awk '$2 != "(no"' "$work/client.log" | wc -l)
failed=$(grep -c "(no answer)" "$work/client.log" || true)
by=$(awk '$2 == "served" {print $4}' "$work/client.log" | sort | uniq -c | awk '{printf "%s%s %s", sep, $2, $1; sep = ", "}')
say "client during the failover: $served pages served ($by), $failed requests unanswered; last: $(tail -n1 "$work/client.log" | cut -d' ' -f2-)"

say "dir1 comes back (network up, its stale VIP gone as after a reboot) and preempts with priority 101"
ip -n "$P-dir1" addr del "$VIP/$NET" dev eth0 2>/dev/null || true
ip -n "$P-dir1" link set eth0 up
start_vrrp dir1
wait_holder dir1
say "dir1 is $(state dir1), dir2 is $(state dir2); client: $(fetch)"

say "clean stop: SIGTERM to dir1 (it sends priority 0 and removes the VIP)"
kill -TERM "$VRRP_dir1"
stop=$(ms)
wait_holder dir2
took=$(( $(ms) - stop ))
say "dir2 took over ${took} ms after SIGTERM (priority 0: only the skew, 0.061 s); client: $(fetch)"

echo "    notify calls (keepalived's arguments):"
sed 's/^/      /' "$work/notify.log"


say "undoing the real servers: hakit rs-prep arp down (restores the recorded sysctls)"
for n in rs1 rs2; do hk "$n" rs-prep arp down >/dev/null; done
if hk rs1 rs-prep arp status --vip "$VIP" >/dev/null; then
  echo "lab.sh: rs1 still prepared" >&2
  exit 1
fi
say "done; tearing the namespaces down"
