#!/usr/bin/env bash
# Failover benchmark: hakit pairs against keepalived pairs on the same harness.
#
#   sudo scripts/bench-failover.sh            # TRIALS=3 for more runs per case
#
# For each event (crash, SIGTERM, link down) and version (VRRPv2 at 1 s, VRRPv3 at 0.1 s),
# a master (priority 101) and a backup (100) of the same kind run in namespaces on a bridge
# while a client pings the VIP every 10 ms and tcpdump watches the bridge. Reported:
#   gap   time from the master's last advertisement to the new master's first gratuitous
#         ARP (the RFC says 3 x interval + skew for a crash or link down, the skew alone
#         after a priority-0 advertisement)
#   ping  the largest gap between two answered pings around the event
# and the ratio hakit/keepalived (<= 1.00 means hakit is as fast or faster). A third kind,
# "hakit+scrape", runs hakit with --metrics-listen on both nodes while a client fetches
# the backup's /metrics as fast as it answers: its ratio against plain hakit says whether
# scrapes delay a takeover.
# Then CPU and memory (PSS) of 100 instances at advert_int 0.1: one keepalived running 100
# vrrp_instance blocks, against one `hakit vrrp run --config` on the same file and against
# 100 `hakit vrrp run` processes. ONLY=many runs this part alone, ONLY=failover the first.
#
# Needs root, iproute2, keepalived, tcpdump, ping, curl. HAKIT=/path/to/hakit skips the build.
set -euo pipefail
cd "$(dirname "$0")/.."

[ "$(id -u)" -eq 0 ] || { echo "bench-failover.sh: needs root" >&2; exit 1; }
. scripts/lib/deps.sh
need bench-failover.sh iproute2:ip keepalived:keepalived tcpdump:tcpdump iputils-ping:ping procps:ps curl:curl
if [ -z "${HAKIT:-}" ]; then
  cargo build --quiet --release
  HAKIT=$PWD/target/release/hakit
fi
TRIALS=${TRIALS:-1}
P=hkbf$$
VIP=10.99.0.100
work=$(mktemp -d)
# hakit's state files live in /run/hakit, a tmpfs on any systemd host; give the bench one
# too (/tmp may be a disk, where a hundred instances' state files cost more than VRRP).
mount -t tmpfs -o size=64m hakit-bench "$work"
bg=()

cleanup() {
  for p in "${bg[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  pkill -KILL -f "keepalived.*$work" 2>/dev/null || true
  for n in sw n1 n2 c; do ip netns del "$P-$n" 2>/dev/null || true; done
  umount "$work" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
set +m   # no job-control chatter when runs are killed

topology() {
  for n in sw n1 n2 c; do ip netns del "$P-$n" 2>/dev/null || true; done
  ip netns add "$P-sw"
  ip -n "$P-sw" link add br0 type bridge
  ip -n "$P-sw" link set br0 up
  local i=0
  for n in n1 n2 c; do
    ip netns add "$P-$n"
    ip -n "$P-sw" link add "p$i" type veth peer name eth0 netns "$P-$n"
    ip -n "$P-sw" link set "p$i" master br0 up
    ip -n "$P-$n" link set lo up
    ip -n "$P-$n" link set eth0 up
    ip -n "$P-$n" addr add "10.99.0.$((i + 1))/24" dev eth0
    i=$((i + 1))
  done
}

mac() { ip -n "$P-$1" -br link show dev eth0 | awk '{print $3}'; }
holds() { ip -n "$P-$1" -br addr show dev eth0 | grep -q " $VIP/"; }
wait_holds() { for _ in $(seq 1 1000); do holds "$1" && return 0; sleep 0.01; done; echo "timeout: $1 never held the VIP" >&2; return 1; }

# start KIND NODE PRIORITY VERSION: prints the pid to signal
start() {
  local kind=$1 node=$2 prio=$3 ver=$4 int
  if [ "$ver" = 2 ]; then int=1; else int=0.1; fi
  if [ "$kind" = keepalived ]; then
    local d=$work/ka-$node
    mkdir -p "$d"
    rm -f "$d"/*.pid
    cat > "$d/conf" <<EOF
global_defs {
  router_id $node
}
vrrp_instance VI_1 {
  state BACKUP
  interface eth0
  virtual_router_id 51
  priority $prio
  advert_int $int
  version $ver
  virtual_ipaddress {
    $VIP/24
  }
}
EOF
    ip netns exec "$P-$node" keepalived -n -l -D -G -P -f "$d/conf" -p "$d/k.pid" -r "$d/v.pid" >/dev/null 2>&1 &
    bg+=($!)
    for _ in $(seq 1 200); do [ -s "$d/v.pid" ] && break; sleep 0.01; done
  else
    local m=()
    [ "$kind" = hakit+scrape ] && m=(--metrics-listen 9165)
    HAKIT_STATE_DIR=$work/hk-$node ip netns exec "$P-$node" "$HAKIT" vrrp run -i eth0 --vrid 51 \
      --version "$ver" --advert-int "$int" --priority "$prio" --vip "$VIP/24" "${m[@]}" >/dev/null 2>&1 &
    bg+=($!)
    echo "$!" > "$work/hk-$node.pid"
  fi
}

event() {
  local kind=$1 ev=$2
  case "$ev" in
    crash)
      if [ "$kind" = keepalived ]; then
        local d=$work/ka-n1
        kill -STOP "$(cat "$d/k.pid")"; kill -KILL "$(cat "$d/v.pid")"; kill -KILL "$(cat "$d/k.pid")"
      else
        kill -KILL "$(cat "$work/hk-n1.pid")"
      fi ;;
    sigterm)
      if [ "$kind" = keepalived ]; then kill -TERM "$(cat "$work/ka-n1/k.pid")"
      else kill -TERM "$(cat "$work/hk-n1.pid")"; fi ;;
    linkdown)
      ip -n "$P-sw" link set p0 down ;;
  esac
}

# one KIND EVENT VERSION: prints "gap_ms ping_ms"
one() {
  local kind=$1 ev=$2 ver=$3
  topology
  start "$kind" n1 101 "$ver"
  wait_holds n1
  start "$kind" n2 100 "$ver"
  sleep 1
  [ "$ver" = 2 ] && sleep 3
  ip netns exec "$P-sw" tcpdump -tt -n -e -l -i br0 'vrrp or arp' > "$work/cap" 2>/dev/null &
  local td=$!
  ip netns exec "$P-c" ping -D -n -i 0.01 "$VIP" > "$work/ping" 2>/dev/null &
  local pg=$!
  if [ "$kind" = hakit+scrape ]; then
    ip netns exec "$P-n2" sh -c 'while :; do curl -s -o /dev/null http://127.0.0.1:9165/metrics; done' >/dev/null 2>&1 &
    bg+=($!)
  fi
  sleep 1
  event "$kind" "$ev"
  wait_holds n2
  sleep 1
  kill -INT "$pg" "$td" 2>/dev/null || true
  wait "$pg" "$td" 2>/dev/null || true
  local m2; m2=$(mac n2)
  local gap ping
  gap=$(awk -v m2="$m2" -v vip="$VIP" '
    / > 224\.0\.0\.18: VRRP/ && / 10\.99\.0\.1 > / { last = $1 }
    /ethertype ARP/ && $2 == m2 && $0 ~ ("tell " vip) && !first { first = $1; lastbefore = last }
    END { if (first && lastbefore) printf "%.1f", (first - lastbefore) * 1000; else print "nan" }' "$work/cap")
  ping=$(awk -F'[][]' '/bytes from/ { t = $2; if (prev) { d = t - prev; if (d > max) max = d } prev = t }
    END { printf "%.1f", max * 1000 }' "$work/ping")
  # stop everything of this run
  for p in "${bg[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  bg=()
  echo "$gap $ping"
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else print a[int((NR + 1) / 2)] }'; }

if [ "${ONLY:-}" != many ]; then
printf '%-9s %-8s %12s %12s %7s %12s %12s %7s %16s %7s\n' event version "gap ka ms" "gap hk ms" ratio "ping ka ms" "ping hk ms" ratio "gap hk+scrape ms" "/hk"
for ver in 2 3; do
  for ev in crash sigterm linkdown; do
    declare -A G=() PG=()
    for kind in keepalived hakit hakit+scrape; do
      gs=(); ps=()
      for _ in $(seq 1 "$TRIALS"); do
        read -r g p < <(one "$kind" "$ev" "$ver")
        gs+=("$g"); ps+=("$p")
      done
      G[$kind]=$(printf '%s\n' "${gs[@]}" | median)
      PG[$kind]=$(printf '%s\n' "${ps[@]}" | median)
    done
    ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "-" }'; }
    printf '%-9s v%-7s %12s %12s %7s %12s %12s %7s %16s %7s\n' "$ev" "$ver" "${G[keepalived]}" "${G[hakit]}" \
      "$(ratio "${G[keepalived]}" "${G[hakit]}")" "${PG[keepalived]}" "${PG[hakit]}" "$(ratio "${PG[keepalived]}" "${PG[hakit]}")" \
      "${G[hakit+scrape]}" "$(ratio "${G[hakit]}" "${G[hakit+scrape]}")"
  done
done
echo "RFC: crash/link down v2 3.609 s, v3 0.361 s; SIGTERM (skew) v2 0.609 s, v3 0.061 s"
fi
[ "${ONLY:-}" = failover ] && exit 0

# 100 instances at 0.1 s
topology
N=100
cpu_of() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# PSS: shared pages (the binary's text) are divided among the processes that map them.
rss_of() { awk '/^Pss:/ { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
measure() { # pids... -> "cpu% pss_mib" over 5 s
  local t0=0 t1=0 rss=0 p hz
  hz=$(getconf CLK_TCK)
  for p in "$@"; do t0=$((t0 + $(cpu_of "$p"))); done
  sleep 5
  for p in "$@"; do t1=$((t1 + $(cpu_of "$p"))); rss=$((rss + $(rss_of "$p"))); done
  awk -v d=$((t1 - t0)) -v hz="$hz" -v r="$rss" 'BEGIN { printf "%.1f %.1f\n", d / hz / 5 * 100, r / 1024 }'
}
pids=()
for i in $(seq 1 $N); do
  HAKIT_STATE_DIR=$work/many ip netns exec "$P-n1" "$HAKIT" vrrp run -i eth0 --vrid "$i" --version 3 \
    --advert-int 0.1 --priority 150 --name "VI_$i" --vip "10.99.1.$i/24" >/dev/null 2>&1 &
  pids+=($!); bg+=($!)
  disown $!
done
sleep 2
read -r hk_cpu hk_rss < <(measure "${pids[@]}")
for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
sleep 1
d=$work/ka-many; mkdir -p "$d"
{
  echo "global_defs { router_id many }"
  for i in $(seq 1 $N); do
    printf 'vrrp_instance VI_%d {\n state BACKUP\n interface eth0\n virtual_router_id %d\n priority 150\n advert_int 0.1\n version 3\n virtual_ipaddress {\n 10.99.1.%d/24\n }\n}\n' "$i" "$i" "$i"
  done
} > "$d/conf"
HAKIT_STATE_DIR=$work/one ip netns exec "$P-n1" "$HAKIT" vrrp run --config "$d/conf" >/dev/null 2>&1 &
one_pid=$!; bg+=($!); disown $!
sleep 2
read -r one_cpu one_rss < <(measure "$one_pid")
kill -TERM "$one_pid" 2>/dev/null || true
sleep 1
ip netns exec "$P-n1" keepalived -n -l -G -P -f "$d/conf" -p "$d/k.pid" -r "$d/v.pid" >/dev/null 2>&1 &
bg+=($!)
for _ in $(seq 1 300); do [ -s "$d/v.pid" ] && break; sleep 0.01; done
sleep 2
read -r ka_cpu ka_rss < <(measure "$(cat "$d/k.pid")" "$(cat "$d/v.pid")")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "-" }'; }
printf '\n%d instances at 0.1 s    %10s %14s %7s %14s %7s\n' $N keepalived "hakit --config" ratio "hakit x$N" ratio
printf '%-27s %10s %14s %7s %14s %7s\n' "CPU (% of one core)" "$ka_cpu" "$one_cpu" "$(ratio "$ka_cpu" "$one_cpu")" "$hk_cpu" "$(ratio "$ka_cpu" "$hk_cpu")"
printf '%-27s %10s %14s %7s %14s %7s\n' "memory, PSS (MiB)" "$ka_rss" "$one_rss" "$(ratio "$ka_rss" "$one_rss")" "$hk_rss" "$(ratio "$ka_rss" "$hk_rss")"
