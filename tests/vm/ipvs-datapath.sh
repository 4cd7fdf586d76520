#!/bin/bash
# Runs inside the VM: traffic through IPVS programmed by hakit. A client fetches a page
# from the VIP ten times; two real servers (busybox httpd in namespaces) must share the
# requests as round robin does, first behind NAT (seed 004's -m), then with direct routing
# (seed 000 and 004: real servers prepared by `hakit rs-prep arp`, the VIP on their lo).
set -u
fail=0
mkdir -p /run/netns /var/run
sysctl -qw net.ipv4.ip_forward=1
fetch() { timeout 3 wget -q -O - "http://$2/" 2>/dev/null | head -n1; }
tally() { # ns vip -> "rs1 rs2" counts
  local a=0 b=0 r
  for i in $(seq 1 10); do
    r=$(ip netns exec "$1" bash -c "timeout 3 wget -q -O - http://$2/ 2>/dev/null")
    case "$r" in rs1*|rs3*) a=$((a + 1)) ;; rs2*|rs4*) b=$((b + 1)) ;; esac
  done
  echo "$a $b"
}
serve() { # ns name
  mkdir -p "/www/$2"; echo "$2" > "/www/$2/index.html"
  ip netns exec "$1" busybox httpd -p 80 -h "/www/$2"
}

# NAT: client -- director (root) -- real servers behind it on their own bridge.
ip netns add c; ip netns add r1; ip netns add r2
ip link add v0 type veth peer name eth0 netns c
ip addr add 10.0.0.1/24 dev v0; ip link set v0 up
ip -n c addr add 10.0.0.2/24 dev eth0; ip -n c link set eth0 up; ip -n c link set lo up
ip -n c route add default via 10.0.0.1
ip addr add 10.0.0.10/32 dev v0
ip link add br1 type bridge; ip addr add 192.168.1.1/24 dev br1; ip link set br1 up
for n in 1 2; do
  ip link add "p$n" type veth peer name eth0 netns "r$n"
  ip link set "p$n" master br1 up
  ip -n "r$n" addr add "192.168.1.1$n/24" dev eth0; ip -n "r$n" link set eth0 up; ip -n "r$n" link set lo up
  ip -n "r$n" route add default via 192.168.1.1
  serve "r$n" "rs$n"
done
hakit -q ipvs service add -t 10.0.0.10:80 -s rr
hakit -q ipvs real add -t 10.0.0.10:80 -r 192.168.1.11:80 -m
hakit -q ipvs real add -t 10.0.0.10:80 -r 192.168.1.12:80 -m
got=$(tally c 10.0.0.10)
[ "$got" = "5 5" ] && echo "ok   NAT round robin: $got" || { echo "FAIL NAT: $got"; ipvsadm -Ln --stats; fail=1; }
hakit -q ipvs real edit -t 10.0.0.10:80 -r 192.168.1.12:80 -m -w 0
got=$(tally c 10.0.0.10)
[ "$got" = "10 0" ] && echo "ok   NAT weight 0 drains rs2: $got" || { echo "FAIL NAT weight 0: $got"; fail=1; }

# DR: client, director and real servers on one bridge; the real servers hold the VIP on lo.
ip link add br0 type bridge; ip addr add 10.0.1.1/24 dev br0; ip link set br0 up
ip addr add 10.0.1.10/24 dev br0
ip netns add c2; ip netns add r3; ip netns add r4
for n in c2 r3 r4; do
  ip link add "q$n" type veth peer name eth0 netns "$n"
  ip link set "q$n" master br0 up
  ip -n "$n" link set eth0 up
done
ip -n c2 addr add 10.0.1.2/24 dev eth0
ip -n r3 addr add 10.0.1.13/24 dev eth0
ip -n r4 addr add 10.0.1.14/24 dev eth0
for n in r3 r4; do
  HAKIT_STATE_DIR=/run/hakit-$n ip netns exec "$n" hakit -q rs-prep arp up --vip 10.0.1.10 --label lo:0
  serve "$n" "rs${n#r}"
done
hakit -q ipvs service add -t 10.0.1.10:80 -s rr
hakit -q ipvs real add -t 10.0.1.10:80 -r 10.0.1.13 -g
hakit -q ipvs real add -t 10.0.1.10:80 -r 10.0.1.14 -g
got=$(tally c2 10.0.1.10)
[ "$got" = "5 5" ] && echo "ok   DR round robin: $got" || { echo "FAIL DR: $got"; ipvsadm -Ln --stats; fail=1; }
# The client's ARP entry for the VIP is the director's: the real servers kept quiet.
mac=$(cat /sys/class/net/br0/address)
seen=$(ip -n c2 neigh show 10.0.1.10 | awk '{for (i = 1; i < NF; i++) if ($i == "lladdr") print $(i + 1)}')
[ "$seen" = "$mac" ] && echo "ok   DR: only the director answers ARP for the VIP" || { echo "FAIL DR ARP: $seen vs $mac"; fail=1; }
# Counters moved for both real servers (IPVS counters lag: poll).
for i in $(seq 1 20); do
  n=$(hakit ipvs list -t 10.0.1.10:80 --stats --exact | awk '/-> 10.0.1.1[34]:80/ && $3 > 0' | wc -l)
  [ "$n" = 2 ] && break; sleep 0.2
done
[ "$n" = 2 ] && echo "ok   DR counters" || { echo "FAIL DR counters"; hakit ipvs list --stats; fail=1; }
# Metrics under node_exporter's ipvs collector's names: what ipvsadm and /proc say.
m=$(hakit metrics --dataplane ipvs)
lbl='local_address="10.0.1.10",local_port="80",remote_address="10.0.1.13",remote_port="80",proto="TCP",local_mark=""'
echo "$m" | grep -qxF "node_ipvs_backend_weight{$lbl} 1" && echo "ok   metrics: backend weight" || { echo "FAIL metrics weight: $m"; fail=1; }
for i in 1 2 3; do
  m=$(hakit metrics --dataplane ipvs)
  want=$(ipvsadm -Ln -t 10.0.1.10:80 | awk '/->/ && $2 != "RemoteAddress:Port" {a += $5; n += $6} END {print a + 0, n + 0}')
  got=$(echo "$m" | awk '/^node_ipvs_backend_connections_active\{local_address="10.0.1.10"/ {a += $NF} /^node_ipvs_backend_connections_inactive\{local_address="10.0.1.10"/ {n += $NF} END {print a + 0, n + 0}')
  conns=$(printf '%d' "0x$(awk 'NR == 3 {print $1}' /proc/net/ip_vs_stats)")
  total=$(echo "$m" | awk '$1 == "node_ipvs_connections_total" {print $2}')
  [ "$got" = "$want" ] && [ "$total" = "$conns" ] && break; sleep 0.2
done
[ "$got" = "$want" ] && [ "${want#* }" != 0 ] && [ "$total" = "$conns" ] && echo "ok   metrics: connections as ipvsadm counts them" || { echo "FAIL metrics conns: $got vs $want, total $total vs $conns"; fail=1; }
exit $fail
