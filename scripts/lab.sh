#!/usr/bin/env bash
# The hakit lab: seed 000's LVS-DR topology in throw-away network namespaces.
#
#   sudo scripts/lab.sh
#
# A client, two directors and two real servers on one bridge (192.168.139.0/24, all inside
# namespaces this script creates and removes). The real servers are prepared with
# `hakit rs-prep arp`; the VIP is raised on director 1 with `hakit vip add --garp`, then
# moved to director 2 by hand, and the client's ARP cache follows the gratuitous ARP at once.
# (VRRP failover replaces the manual move when `hakit vrrp` lands.)
#
# HAKIT=/path/to/hakit uses that binary instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
  echo "lab.sh: needs root for network namespaces: sudo scripts/lab.sh" >&2
  exit 1
fi
if [ -z "${HAKIT:-}" ]; then
  echo "== building hakit"
  cargo build --quiet --release
  HAKIT=$PWD/target/release/hakit
fi

P=hklab$$              # namespace prefix, unique per run
VIP=192.168.139.100
NET=24
state=$(mktemp -d)
nodes=(client dir1 dir2 rs1 rs2)
declare -A ADDR=([client]=192.168.139.10 [dir1]=192.168.139.2 [dir2]=192.168.139.3
                 [rs1]=192.168.139.7 [rs2]=192.168.139.8)

t0=$(date +%s%N)
say() { printf '[%6.3fs] %s\n' "$(( ($(date +%s%N) - t0) / 1000000 ))e-3" "$*"; }
in_ns() { local n=$1; shift; ip netns exec "$P-$n" "$@"; }
hk() { local n=$1; shift; HAKIT_STATE_DIR=$state/$n ip netns exec "$P-$n" "$HAKIT" "$@"; }

teardown() {
  for n in sw "${nodes[@]}"; do ip netns del "$P-$n" 2>/dev/null || true; done
  rm -rf "$state"
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
mac() { ip -n "$P-$1" -br link show dev eth0 | awk '{print $3}'; }

say "real servers: hakit rs-prep arp up --vip $VIP (arp_ignore/arp_announce, VIP on lo:0)"
for n in rs1 rs2; do
  hk "$n" rs-prep arp up --vip "$VIP" --label lo:0 | sed "s/^/    $n: /"
done
hk rs1 rs-prep arp status | sed 's/^/    rs1: /'

say "director 1 takes the VIP: hakit vip add $VIP/$NET dev eth0 label eth0:0 --garp 3"
hk dir1 vip add "$VIP/$NET" dev eth0 label eth0:0 --garp 3 | sed 's/^/    dir1: /'
hk dir1 vip list dev eth0 | sed 's/^/    dir1: /'

# The client reaches for the VIP (a TCP SYN to port 80: no server needed, the ARP is
# the point). Only director 1 may answer ARP: the real servers hold the VIP on lo but
# arp_ignore=1 keeps them quiet.
reach() { in_ns client timeout 2 bash -c "exec 3<>/dev/tcp/$VIP/80" 2>/dev/null || true; }
client_sees() { ip -n "$P-client" neigh show "$VIP" | awk '{for (i = 1; i < NF; i++) if ($i == "lladdr") print $(i + 1)}'; }
reach
seen=$(client_sees)
say "client resolves $VIP to $seen (dir1 is $(mac dir1), rs1 $(mac rs1), rs2 $(mac rs2))"
[ "$seen" = "$(mac dir1)" ] || { echo "lab.sh: expected the VIP at dir1" >&2; exit 1; }

say "failover by hand: dir1 drops the VIP, dir2 takes it and announces it"
hk dir1 vip del "$VIP" dev eth0 | sed 's/^/    dir1: /'
start=$(date +%s%N)
hk dir2 vip add "$VIP/$NET" dev eth0 label eth0:0 --garp 3 | sed 's/^/    dir2: /'
for _ in $(seq 1 100); do
  [ "$(client_sees)" = "$(mac dir2)" ] && break
  sleep 0.01
done
seen=$(client_sees)
ms=$(( ($(date +%s%N) - start) / 1000000 ))
say "client now resolves $VIP to $seen (dir2 is $(mac dir2)) within ${ms} ms of dir2 running hakit, without asking again"
[ "$seen" = "$(mac dir2)" ] || { echo "lab.sh: the client did not follow the gratuitous ARP" >&2; exit 1; }

if [ -d /proc/net/ip_vs ] || [ -e /proc/net/ip_vs ]; then
  say "this kernel has IPVS; LVS-DR rules arrive with 'hakit ipvs'"
else
  say "this kernel has no IPVS (CONFIG_IP_VS): the lab shows VIP failover alone"
fi

say "undoing the real servers: hakit rs-prep arp down (restores the recorded sysctls)"
for n in rs1 rs2; do hk "$n" rs-prep arp down >/dev/null; done
hk rs1 rs-prep arp status --vip "$VIP" >/dev/null && { echo "lab.sh: rs1 still prepared" >&2; exit 1; }
say "done; tearing the namespaces down"
