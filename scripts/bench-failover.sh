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
# Then 100 and 1,000 instances at advert_int 0.1 on four interfaces: one keepalived running
# them, against one `hakit vrrp run --config` on the same file (and for 100, against 100
# `hakit vrrp run` processes): CPU, memory (PSS), start-up time to every instance master,
# and a SIGHUP that changes one instance: its time, and transitions and missed adverts among
# the others (a capture on the bridge). ONLY=many runs this part alone, ONLY=failover the first.
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
  for n in sw n1 n2 c m; do ip netns del "$P-$n" 2>/dev/null || true; done
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

if [ "${ONLY:-}" != many ] && [ "${ONLY:-}" != flood ]; then
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
        printf '%-9s v%-7s %12s %12s %7s %12s %12s %7s %16s %7s\n' "$ev" "$ver" "${G[keepalived]}" "${G[hakit]}" \
      "$(ratio "${G[keepalived]}" "${G[hakit]}")" "${PG[keepalived]}" "${PG[hakit]}" "$(ratio "${PG[keepalived]}" "${PG[hakit]}")" \
      "${G[hakit+scrape]}" "$(ratio "${G[hakit]}" "${G[hakit+scrape]}")"
  done
done
echo "RFC: crash/link down v2 3.609 s, v3 0.361 s; SIGTERM (skew) v2 0.609 s, v3 0.061 s"
fi
[ "${ONLY:-}" = failover ] && exit 0

# CPU time in ns of every thread of a process (the scheduler's count, not clock ticks:
# 100 instances use under 1% of a core, a few ticks in 10 s).
cpu_of() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ s += $1 } END { printf "%.0f\n", s }'; }
# PSS: shared pages (the binary's text) are divided among the processes that map them,
# so keepalived's share of the libraries it maps (glib, perl, OpenSSL, net-snmp's) depends
# on what else runs; RSS counts them whole.
pss_of() { awk '/^Pss:/ { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
rss_of() { awk '/^Rss:/ { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
measure() { # pids... -> "cpu% pss_mib rss_mib" over 10 s
  local t0=0 t1=0 pss=0 rss=0 p
  for p in "$@"; do t0=$((t0 + $(cpu_of "$p"))); done
  sleep 10
  for p in "$@"; do
    t1=$((t1 + $(cpu_of "$p"))); pss=$((pss + $(pss_of "$p"))); rss=$((rss + $(rss_of "$p")))
  done
  awk -v d=$((t1 - t0)) -v p="$pss" -v r="$rss" 'BEGIN { printf "%.2f %.1f %.1f\n", d / 1e9 / 10 * 100, p / 1024, r / 1024 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "-" }'; }
cpu_pair() { # PID_A PID_B -> "cpu%_a cpu%_b" over 4 s
  local a0 b0 a1 b1
  a0=$(cpu_of "$1"); b0=$(cpu_of "$2")
  sleep 4
  a1=$(cpu_of "$1"); b1=$(cpu_of "$2")
  awk -v a=$((a1 - a0)) -v b=$((b1 - b0)) 'BEGIN { printf "%.2f %.2f\n", a / 4e7, b / 4e7 }'
}

# A flood: the client namespace sends 20,000 packets a second of protocol 112 to
# 224.0.0.18 (scripts/lib/vrrpflood.py: bad checksums, another VRID, TTL 254, truncated,
# VRRPv2 with a password, a priority-254 master with the wrong addresses) at a v3 pair
# at 0.1 s. Measured while it lasts: the CPU of the master's and the backup's VRRP
# processes, the master's adverts more than 1.5 intervals apart, and the gap of a
# takeover when the master crashes.
vrrp_pids() { # KIND NODE: the processes that speak VRRP on NODE
  if [ "$1" = keepalived ]; then cat "$work/ka-$2/v.pid"; else cat "$work/hk-$2.pid"; fi
}
flood_one() { # KIND: prints "gap_ms missed cpu_master cpu_backup sent"
  local kind=$1 fl
  topology
  start "$kind" n1 101 3
  wait_holds n1
  start "$kind" n2 100 3
  sleep 1
  ip netns exec "$P-sw" tcpdump -tt -n -e -l -i br0 'vrrp or arp' > "$work/cap" 2>/dev/null &
  local td=$!
  ip netns exec "$P-c" python3 scripts/lib/vrrpflood.py eth0 10.99.0.3 51 20000 8 > "$work/flood" &
  fl=$!
  sleep 1
  local m b
  read -r m b < <(cpu_pair "$(vrrp_pids "$kind" n1)" "$(vrrp_pids "$kind" n2)")
  event "$kind" crash
  wait_holds n2
  sleep 0.5
  wait "$fl" || true
  kill -INT "$td" 2>/dev/null || true
  wait "$td" 2>/dev/null || true
  local m2 gap missed
  m2=$(mac n2)
  gap=$(awk -v m2="$m2" -v vip="$VIP" '
    / > 224\.0\.0\.18: VRRP/ && / 10\.99\.0\.1 > / { last = $1 }
    /ethertype ARP/ && $2 == m2 && $0 ~ ("tell " vip) && !first { first = $1; lastbefore = last }
    END { if (first && lastbefore) printf "%.1f", (first - lastbefore) * 1000; else print "nan" }' "$work/cap")
  missed=$(awk '/ 10\.99\.0\.1 > 224\.0\.0\.18: VRRP/ { if (prev && $1 - prev > 0.15) n++; prev = $1 } END { print n + 0 }' "$work/cap")
  for p in "${bg[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  bg=()
  echo "$gap $missed $m $b $(python3 -c 'import json,sys; print(json.load(sys.stdin)["sent"])' < "$work/flood")"
}
if [ "${ONLY:-}" != many ]; then
  read -r kg km kcm kcb ks < <(flood_one keepalived)
  read -r hg hm hcm hcb hs < <(flood_one hakit)
  printf '\nflood of 20,000 bad packets/s   %10s %10s %7s\n' keepalived hakit ratio
  printf '%-31s %10s %10s %7s\n' "takeover gap (ms; RFC 361)" "$kg" "$hg" "$(ratio "$kg" "$hg")"
  printf '%-31s %10s %10s\n' "master's adverts missed" "$km" "$hm"
  printf '%-31s %10s %10s %7s\n' "CPU, master (% of one core)" "$kcm" "$hcm" "$(ratio "$kcm" "$hcm")"
  printf '%-31s %10s %10s %7s\n' "CPU, backup (% of one core)" "$kcb" "$hcb" "$(ratio "$kcb" "$hcb")"
  printf '%-31s %10s %10s\n' "packets the flood sent" "$ks" "$hs"
fi
[ "${ONLY:-}" = flood ] && exit 0

# Many instances at 0.1 s, on four interfaces of one node (a quarter of the VRIDs each;
# each interface a segment of its own, its peer end in the switch namespace, where the
# captures are made):
# keepalived running N vrrp_instance blocks against one `hakit vrrp run --config` on the
# same file (and, for 100, against 100 `hakit vrrp run` processes). All of them are
# masters: N x 10 adverts a second leave the node.
many_topology() {
  local n k
  for n in sw m; do ip netns del "$P-$n" 2>/dev/null || true; done
  ip netns add "$P-sw"; ip netns add "$P-m"
  ip -n "$P-m" link set lo up
  for k in 0 1 2 3; do
    ip -n "$P-sw" link add "q$k" type veth peer name "eth$k" netns "$P-m"
    ip -n "$P-sw" link set "q$k" up
    ip -n "$P-m" link set "eth$k" up
    ip -n "$P-m" addr add "10.9$k.0.1/16" dev "eth$k"
  done
}
# many_conf N EXTRA: instance i on eth((i-1)%4), VRID ((i-1)/4)%255+1, VIP 10.9k.x.v/16;
# EXTRA=1 gives VI_1 a second VIP (the reload's one change).
many_conf() {
  local n=$1 extra=$2 i k v
  echo "global_defs { router_id many }"
  for i in $(seq 1 "$n"); do
    k=$(( (i - 1) % 4 )); v=$(( (i - 1) / 4 % 255 + 1 ))
    printf 'vrrp_instance VI_%d {\n state BACKUP\n interface eth%d\n virtual_router_id %d\n priority 150\n advert_int 0.1\n version 3\n virtual_ipaddress {\n 10.9%d.%d.%d/16\n' \
      "$i" "$k" "$v" "$k" $(( (i - 1) / 4 / 255 + 1 )) "$v"
    [ "$i" = 1 ] && [ "$extra" = 1 ] && echo ' 10.90.200.1/16'
    printf ' }\n}\n'
  done
}
vips() { ip -n "$P-m" -o -4 addr show 2>/dev/null | grep -c ' 10\.9[0-3]\.[1-9][0-9]*\.' || true; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
# wait_vips N [SECONDS]: until exactly N VIPs are on the node
wait_vips() {
  local end=$(( $(date +%s) + ${2:-30} ))
  while [ "$(vips)" != "$1" ]; do
    [ "$(date +%s)" -lt "$end" ] || { echo "timeout: $(vips) VIPs, not $1" >&2; return 1; }
    sleep 0.01
  done
}
# reload_check PID CONF N: rewrite CONF with VI_1 changed, SIGHUP PID; prints
# "reload_s transitions missed": the time until VI_1 holds its new VIP, and, among the
# other instances, adverts at priority 0 (a master leaving) and gaps over 1.5 intervals
# between two adverts of one instance, read off a capture of the four segments.
reload_check() {
  local pid=$1 conf=$2 n=$3 cap=$work/reload.pcap t0 took
  ip netns exec "$P-sw" tcpdump -U -n -s 64 -i any -w "$cap" vrrp 2>/dev/null &
  local td=$!
  sleep 1
  many_conf "$n" 1 > "$conf"
  t0=$(now)
  kill -HUP "$pid"
  wait_vips $((n + 1)) >/dev/null
  took=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')
  sleep 1
  kill -INT "$td"; wait "$td" 2>/dev/null || true
  many_conf "$n" 0 > "$conf"
  tcpdump -tt -n -r "$cap" 2>/dev/null | sed 's/^\([0-9.]*\) [a-z0-9]* *[A-Za-z]* /\1 /' | awk '
    / VRRP/ {
      src = $3; vrid = ""; prio = ""
      for (i = 4; i <= NF; i++) { if ($i == "vrid") vrid = $(i + 1); if ($i == "prio") prio = $(i + 1) }
      sub(",", "", vrid); sub(",", "", prio)
      if (src == "10.90.0.1" && vrid == "1") next   # VI_1, the one changed
      k = src "/" vrid
      if (prio == "0") zero++
      if (k in last && $1 - last[k] > 0.15) missed++
      last[k] = $1
    }
    END { printf "%d %d\n", zero, missed }' | { read -r z m; echo "$took $z $m"; }
}
# stop PID...: SIGTERM, then wait until the VIPs are gone
stop_all() { kill -TERM "$@" 2>/dev/null || true; wait_vips 0 60 >/dev/null || true; sleep 0.5; }

many() {
  local n=$1 d=$work/many-$1 t0 pids=() i k v
  mkdir -p "$d"
  many_topology
  many_conf "$n" 0 > "$d/conf"
  # keepalived
  t0=$(now)
  ip netns exec "$P-m" keepalived -n -l -G -P -f "$d/conf" -p "$d/k.pid" -r "$d/v.pid" >/dev/null 2>&1 &
  bg+=($!)
  wait_vips "$n"; local ka_start; ka_start=$(since "$t0")
  sleep 2
  read -r ka_cpu ka_pss ka_rss < <(measure "$(cat "$d/k.pid")" "$(cat "$d/v.pid")")
  read -r ka_reload ka_zero ka_missed < <(reload_check "$(cat "$d/k.pid")" "$d/conf" "$n")
  stop_all "$(cat "$d/k.pid")"
  # hakit, one process
  t0=$(now)
  HAKIT_STATE_DIR=$d/state ip netns exec "$P-m" "$HAKIT" vrrp run --config "$d/conf" >"$d/hakit.log" 2>&1 &
  local one_pid=$!; bg+=($!)
  wait_vips "$n"; local one_start; one_start=$(since "$t0")
  sleep 2
  read -r one_cpu one_pss one_rss < <(measure "$one_pid")
  read -r one_reload one_zero one_missed < <(reload_check "$one_pid" "$d/conf" "$n")
  stop_all "$one_pid"
  printf '\n%d instances at 0.1 s          %10s %14s %7s' "$n" keepalived "hakit --config" ratio
  # hakit, a process per instance (100 only)
  local x_cpu=- x_pss=- x_rss=- x_start=-
  if [ "$n" -le 100 ]; then
    t0=$(now)
    for i in $(seq 1 "$n"); do
      k=$(( (i - 1) % 4 )); v=$(( (i - 1) / 4 % 255 + 1 ))
      HAKIT_STATE_DIR=$d/x ip netns exec "$P-m" "$HAKIT" vrrp run -i "eth$k" --vrid "$v" --version 3 \
        --advert-int 0.1 --priority 150 --name "VI_$i" --vip "10.9$k.1.$v/16" >/dev/null 2>&1 &
      pids+=($!); bg+=($!)
    done
    wait_vips "$n"; x_start=$(since "$t0")
    sleep 2
    read -r x_cpu x_pss x_rss < <(measure "${pids[@]}")
    stop_all "${pids[@]}"
    printf ' %14s %7s' "hakit x$n" ratio
  fi
  printf '\n'
  row() { # label ka one x
    printf '%-32s %10s %14s %7s' "$1" "$2" "$3" "$(ratio "$2" "$3")"
    if [ "$n" -le 100 ] && [ "$4" != - ]; then printf ' %14s %7s' "$4" "$(ratio "$2" "$4")"; fi
    printf '\n'
  }
  row "CPU (% of one core)" "$ka_cpu" "$one_cpu" "$x_cpu"
  row "memory, PSS (MiB)" "$ka_pss" "$one_pss" "$x_pss"
  row "memory, RSS (MiB)" "$ka_rss" "$one_rss" "$x_rss"
  row "start-up to all masters (s)" "$ka_start" "$one_start" "$x_start"
  row "reload, 1 changed: took (s)" "$ka_reload" "$one_reload" -
  printf '%-32s %10s %14s\n' "  others' transitions" "$ka_zero" "$one_zero"
  printf '%-32s %10s %14s\n' "  others' missed adverts" "$ka_missed" "$one_missed"
}
many 100
many 1000
