#!/usr/bin/env bash
# nftables data plane benchmark, side by side in one run, in throw-away namespaces:
#
#   sudo scripts/bench-nft.sh          # SERVICES=10000 REALS=4 CHANGES=5 SECS=5
#
# 1. Apply SERVICES services x REALS real servers: `hakit nft restore` (one transaction)
#    against `nft -f` of the same ruleset written as text (hakit's table listed as text,
#    loaded into a fresh namespace), and against `ipvsadm -R` where the kernel has IPVS.
# 2. One real-server change at SERVICES services, median of CHANGES: as `hakit lb run`
#    makes it (benches/nft_change.rs: the tables read once, each change one transaction
#    from the state in memory), through the CLI (`hakit nft real edit`: each reads hakit's
#    tables first), and one `nft` command adding a map element, for comparison.
# 3. Requests per second through a director with wrk (keep-alive, 32 connections, SECS s),
#    and the machine's CPU per request: nft NAT, nft DR and a direct connection to the
#    real server, as ratios to direct.
# Needs root; installs nftables, wrk and nginx if missing (Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "bench-nft.sh: needs root" >&2; exit 1; }
. scripts/lib/deps.sh
need bench-nft.sh nftables:nft wrk:wrk nginx:nginx iproute2:ip
SERVICES=${SERVICES:-10000}
REALS=${REALS:-4}
CHANGES=${CHANGES:-5}
SECS=${SECS:-5}
if [ -z "${HAKIT:-}" ]; then
  cargo build --quiet --release
  HAKIT=$PWD/target/release/hakit
fi
CHANGE=$(cargo bench --bench nft_change --no-run 2>&1 | awk '/Executable/ {gsub(/[()]/, "", $NF); print $NF}')
[ -x "$CHANGE" ] || { echo "bench-nft.sh: could not build benches/nft_change.rs" >&2; exit 1; }
P=hkbn$$
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for n in $(ip netns list | awk '{print $1}' | grep "^$P-" || true); do ip netns del "$n"; done
  rm -rf "$work"
}
trap cleanup EXIT
ms() { local t=${EPOCHREALTIME/./}; echo $(( t / 1000 )); }
ns() { ip netns add "$P-$1"; ip -n "$P-$1" link set lo up; }
x() { local n=$1; shift; ip netns exec "$P-$n" "$@"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

# --- 1. apply
. scripts/lib/rules.sh
rules "$SERVICES" "$REALS" > "$work/rules"
lines=$(wc -l < "$work/rules")
ns h
t=$(ms); x h "$HAKIT" -q nft restore "$work/rules"; hakit_apply=$(( $(ms) - t ))
got=$(x h "$HAKIT" nft save | wc -l)
[ "$got" = "$lines" ] || echo "WARNING: hakit applied $got of $lines rules"
# nft's listing writes each map's elements as one command, which the kernel refuses for
# an interval map of more than a few hundred (File exists): the same text with each
# map's elements moved into `add element` commands of 256.
x h nft list table inet hakit | python3 -c '
import re, sys
out, adds, name, buf = [], [], None, None
for line in sys.stdin:
    m = re.match(r"\s*map (\S+) \{", line)
    if m:
        name = m.group(1)
    if buf is None and "elements = {" in line:
        buf = line.split("elements = {", 1)[1]
        if "}" not in buf:
            continue
    elif buf is not None:
        buf += line
        if "}" not in line:
            continue
    else:
        out.append(line)
        continue
    elems = [e.strip() for e in buf.rsplit("}", 1)[0].split(",\n")]
    for i in range(0, len(elems), 256):
        adds.append("add element inet hakit %s { %s }\n" % (name, ", ".join(elems[i:i + 256])))
    buf = None
sys.stdout.write("".join(out) + "".join(adds))
' > "$work/table.nft"
ns t
t=$(ms); x t nft -f "$work/table.nft"; text_apply=$(( $(ms) - t ))
ipvs_apply=-
if [ -e /proc/net/ip_vs ] && command -v ipvsadm >/dev/null; then
  ns i
  t=$(ms); x i ipvsadm -R < "$work/rules"; ipvs_apply=$(( $(ms) - t ))
fi

# --- 2. one change at SERVICES services
vip=10.0.0.1:80
read -r lib_change lib_worst <<< "$(x h "$CHANGE" "$vip" 192.168.2.1:80 "$((CHANGES * 4))")"
changes=()
for k in $(seq 1 "$CHANGES"); do
  t=$(ms)
  x h "$HAKIT" -q nft real edit -t "$vip" -r 192.168.1.1:80 -m -w $((k + 5))
  changes+=($(( $(ms) - t )))
done
hakit_change=$(printf '%s\n' "${changes[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
# The same kind of change by hand: one element into one of the pools' maps.
pool=$(x t nft list table inet hakit | awk '/^\tmap b4_tcp_/ && !p {print $2; p = 1}')
t=$(ms)
x t nft add element inet hakit "$pool" '{ 10.99.99.99 . 80 . 0-1023 : 192.168.1.1 . 80 }'
nft_change=$(( $(ms) - t ))
ip netns del "$P-h"; ip netns del "$P-t"

# --- 3. requests through a director
# client -- director (10.9.0.1 | 10.9.1.1) -- server 10.9.1.2, whose route is the director;
# for DR all three share one link and the server holds the VIP on lo.
for n in c d r; do ns "$n"; done
ip -n "$P-c" link add eth0 type veth peer name cl0 netns "$P-d"
ip -n "$P-d" link add eth1 type veth peer name eth0 netns "$P-r"
x d ip link set cl0 up; x d ip link set eth1 up; x c ip link set eth0 up; x r ip link set eth0 up
x c ip addr add 10.9.0.2/24 dev eth0; x c ip route add default via 10.9.0.1
x d ip addr add 10.9.0.1/24 dev cl0; x d ip addr add 10.9.0.100/24 dev cl0
x d ip addr add 10.9.1.1/24 dev eth1; x d sysctl -qw net.ipv4.ip_forward=1
x r ip addr add 10.9.1.2/24 dev eth0; x r ip route add default via 10.9.1.1
mkdir -p "$work/www"; head -c 512 /dev/zero | tr '\0' x > "$work/www/index.html"
cat > "$work/nginx.conf" <<EOF
worker_processes 1; daemon off; pid $work/nginx.pid; error_log /dev/null;
events { worker_connections 1024; }
http { access_log off; server { listen 80; listen 8080; root $work/www; } }
EOF
ip netns exec "$P-r" nginx -c "$work/nginx.conf" >/dev/null 2>&1 & pids+=($!)
sleep 0.5
cpu() { awk '/^cpu / { print $2 + $3 + $4 + $6 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat; }
# run NAME URL: prints "rps cpu_us_per_request"
run() {
  local c0 c1 out rps
  read -r b0 a0 <<< "$(cpu)"
  out=$(x c wrk -t 1 -c 32 -d "${SECS}s" "$2" 2>&1)
  read -r b1 a1 <<< "$(cpu)"
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  awk -v r="$rps" -v b="$((b1 - b0))" -v s="$SECS" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { if (r > 0) printf "%.0f %.1f\n", r, b / hz / (r * s) * 1e6; else print "0 -" }'
}
read -r direct_rps direct_cpu <<< "$(x c ip route add 10.9.1.0/24 via 10.9.0.1 2>/dev/null; run direct http://10.9.1.2:8080/)"
x d "$HAKIT" -q nft service add -t 10.9.0.100:80 -s wrr
x d "$HAKIT" -q nft real add -t 10.9.0.100:80 -r 10.9.1.2:8080 -m
read -r nat_rps nat_cpu <<< "$(run nat http://10.9.0.100/)"
x d "$HAKIT" -q nft flush
# DR: the director forwards frames from cl0 to eth1 at ingress, rewriting the MAC; the
# server holds the VIP on lo and answers through its default route, the director, which
# only routes the answer (the VIP is not the director's own here, so it is no martian).
x d ip addr del 10.9.0.100/24 dev cl0
x c ip route add 10.9.0.100/32 via 10.9.0.1
x d sysctl -qw net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.eth1.rp_filter=0 net.ipv4.conf.cl0.rp_filter=0
x r ip addr add 10.9.0.100/32 dev lo
x r sysctl -qw net.ipv4.conf.all.arp_ignore=1 net.ipv4.conf.all.arp_announce=2
x d "$HAKIT" -q nft service add -t 10.9.0.100:80 -s wrr
x d "$HAKIT" -q nft real add -t 10.9.0.100:80 -r 10.9.1.2 -g
read -r dr_rps dr_cpu <<< "$(run dr http://10.9.0.100/)"

printf '\n%s services x %s real servers (%s rules)\n' "$SERVICES" "$REALS" "$lines"
printf '%-34s %10s %10s %10s %8s\n' "" "hakit ms" "nft -f ms" "ipvsadm ms" "ratio"
printf '%-34s %10s %10s %10s %8s\n' "apply (one transaction)" "$hakit_apply" "$text_apply" "$ipvs_apply" "$(ratio "$text_apply" "$hakit_apply")"
printf '%-34s %10s %10s %10s %8s\n' "one change, as lb makes it" "$lib_change" "$nft_change" "-" "$(ratio "$nft_change" "$lib_change")"
printf '%-34s %10s %10s %10s %8s\n' "  slowest of $((CHANGES * 4))" "$lib_worst" "" "" ""
printf '%-34s %10s %10s %10s %8s\n' "one change through the CLI" "$hakit_change" "$nft_change" "-" "$(ratio "$nft_change" "$hakit_change")"
printf '\n%-10s %12s %16s %14s\n' "path" "requests/s" "CPU us/request" "rps ratio"
printf '%-10s %12s %16s %14s\n' direct "$direct_rps" "$direct_cpu" "1.00"
printf '%-10s %12s %16s %14s\n' "nft NAT" "$nat_rps" "$nat_cpu" "$(ratio "$nat_rps" "$direct_rps")"
printf '%-10s %12s %16s %14s\n' "nft DR" "$dr_rps" "$dr_cpu" "$(ratio "$dr_rps" "$direct_rps")"
