#!/usr/bin/env bash
# Regenerate link/hot-code.ld, the linker script that puts the functions hakit's daemons
# run next to each other at the start of the code (build.rs hands it to the linker for
# release builds):
#
#   sudo scripts/hot-code.sh
#
# Why: the kernel maps a program's code 64 KiB at a time around each page it first runs
# (fault-around), and the functions a daemon runs were spread over all 7 MB of the binary:
# `lb run` kept 4.2 MiB of it resident for 1.3 MiB of functions, 1.5 MiB more than all of
# keepalived's checker process (scripts/bench-checks.sh PEER=keepalived VERBOSE=1 shows the
# breakdown). Run again after big changes to what the daemons run: a function that is not
# listed still works, it only sits among the cold code.
#
# The functions are those callgrind saw run in `lb run --config` with a thousand HTTP_GET
# real servers on IPVS (in the VM: this kernel has none), `lb run` on nftables with HTTP
# and TCP checks, and `vrrp run --config` with 16 v3 instances, master of some and backup
# of others (here, in a network namespace). Names are kept without their hashes, which
# change with the compiler and the dependencies, as linker-script patterns.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/deps.sh
need hot-code.sh valgrind:valgrind iproute2:ip busybox-static:busybox nftables:nft binutils:nm \
  python3:python3
[ "$(id -u)" -eq 0 ] || { echo "hot-code.sh: needs root (network namespaces, the VM)" >&2; exit 1; }

# HAKIT=/path/to/hakit profiles that binary (a release build: the names are its own).
if [ -z "${HAKIT:-}" ]; then
  cargo build --release -q
  HAKIT=$PWD/target/release/hakit
fi
hakit=$HAKIT
work=$(mktemp -d)
P=hkhot$$
bg=()
cleanup() {
  for p in "${bg[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  ip netns del "$P" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
chmod 755 "$work"

names() { grep -hE '^c?fn=\([0-9]+\) ' "$@" | sed 's/^c*fn=([0-9]*) //'; }

echo "hot-code.sh: lb run on IPVS in the VM (about 2 minutes)"
vg=/usr/libexec/valgrind
HAKIT=$hakit scripts/vm/run.sh -t 600 -f /usr/bin/valgrind.bin -f "$vg/callgrind-amd64-linux" \
  -f "$vg/vgpreload_core-amd64-linux.so" -f "$vg/default.supp" -f scripts/vm/http-reals.sh \
  -f scripts/vm/hot-lb.sh -- "N=1000 bash hot-lb.sh" > "$work/vm.out" ||
  { tail -5 "$work/vm.out" >&2; exit 1; }
grep '^HOT ' "$work/vm.out" | cut -c5- > "$work/ipvs.names"

echo "hot-code.sh: lb run on nftables and vrrp run here (about 1 minute)"
ip netns add "$P"
ip -n "$P" link set lo up
for a in 10.77.0.1 10.77.0.2; do ip -n "$P" addr add "$a/32" dev lo; done
ip -n "$P" link add va type veth peer name vb
ip -n "$P" link set va up; ip -n "$P" link set vb up
ip -n "$P" addr add 10.78.0.1/24 dev va; ip -n "$P" addr add 10.78.0.2/24 dev vb
mkdir -p "$work/www"; echo ok > "$work/www/index.html"
ip netns exec "$P" busybox httpd -f -p 80 -h "$work/www" & bg+=($!)
cat > "$work/nft.conf" <<CONF
virtual_server 10.77.1.1 80 {
 delay_loop 1
 lb_algo rr
 lb_kind NAT
 protocol TCP
 real_server 10.77.0.1 80 {
  HTTP_GET {
   url {
    path /index.html
    status_code 200
   }
  }
 }
 real_server 10.77.0.2 80 {
  TCP_CHECK {
   connect_timeout 1
  }
 }
}
CONF
# vrrp_conf IF PRIO FIRST LAST: v3 instances VRID FIRST..LAST at 0.1 s on IF.
vrrp_conf() {
  for v in $(seq "$3" "$4"); do
    printf 'vrrp_instance V%d {\n interface %s\n virtual_router_id %d\n priority %d\n advert_int 0.1\n version 3\n virtual_ipaddress {\n  10.78.1.%d/24\n }\n}\n' \
      "$v" "$1" "$v" "$2" "$v"
  done
}
vrrp_conf va 100 1 16 > "$work/vrrp.conf"
vrrp_conf vb 200 1 8 > "$work/peer.conf"
HAKIT_STATE_DIR=$work/peer ip netns exec "$P" "$hakit" vrrp run --config "$work/peer.conf" \
  > "$work/peer.log" 2>&1 & bg+=($!)
HAKIT_STATE_DIR=$work/vrrp ip netns exec "$P" valgrind --tool=callgrind --demangle=no \
  --callgrind-out-file="$work/vrrp.cg" "$hakit" vrrp run --config "$work/vrrp.conf" \
  > "$work/vrrp.log" 2>&1 &
vrrp=$!; bg+=($!)
ip netns exec "$P" valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/nft.cg" \
  "$hakit" --state-dir "$work/lb" lb run --config "$work/nft.conf" --dataplane nft \
  > "$work/nft.log" 2>&1 &
lb=$!; bg+=($!)
sleep 30
kill -TERM "$vrrp" "$lb" 2>/dev/null || true
wait "$vrrp" "$lb" || true
for f in vrrp nft; do
  [ -s "$work/$f.cg" ] || { echo "hot-code.sh: callgrind wrote nothing for $f:" >&2; tail -5 "$work/$f.log" >&2; exit 1; }
done
names "$work/vrrp.cg" > "$work/vrrp.names"
names "$work/nft.cg" > "$work/nft.names"

# Keep hakit's own functions (its symbol table) as patterns without the hashes, which
# change with the compiler and the dependencies: legacy names end in 17h<16 hex>E, v0
# names carry crate disambiguators (Cs..._), back references (B..._) and impl numbers
# (Ms..._, Xs..._) that move with them. A name whose pattern would also take other
# functions (generic code: every Map::next) is kept whole, hash and all: those drop out
# at the next compiler or dependency update until this is run again. The functions are
# grouped by the daemons that ran them, so that each daemon's are together: lb on IPVS,
# then those of all three, then vrrp's (nft is the one with a gap).
nm --defined-only "$hakit" | awk '$2 ~ /^[tT]$/ { print $3 }' > "$work/syms"
python3 - "$work/syms" "$work/ipvs.names" "$work/nft.names" "$work/vrrp.names" > "$work/hot-code.ld" <<'PY'
import collections, re, sys

def pattern(n):
    p = re.sub(r"17h[0-9a-f]{16}E$", "17h*", n)
    if p.startswith("_R"):
        p = re.sub(r"Cs[0-9A-Za-z]+_", "Cs*_", p)
        p = re.sub(r"B[0-9A-Za-z]*_", "B*_", p)
        p = re.sub(r"([MX])s[0-9A-Za-z]*_", r"\1s*_", p)  # which impl of the module
    return p

syms = open(sys.argv[1]).read().split()
taken = collections.Counter(pattern(s) for s in syms)
syms = set(syms)
ran = collections.defaultdict(int)  # pattern -> bits of the workloads that ran it
for bit, f in enumerate(sys.argv[2:]):
    for n in open(f).read().split():
        n = re.sub(r"'\d+$", "", n)  # callgrind's recursion marks
        if n in syms:
            p = pattern(n)
            ran[p if taken[p] == 1 else n] |= 1 << bit
# bits: 1 ipvs, 2 nft, 4 vrrp. IPVS's run 1,3,7,5; vrrp's 7,5,4,6; nft's 3,7,6,2.
order = [1, 3, 7, 5, 4, 6, 2]
print("/* Generated by scripts/hot-code.sh: the functions hakit's daemons run, first in the")
print("   code and together, so that a daemon keeps few pages of the binary resident. */")
print("SECTIONS {")
print("  .text.hot : {")
for p in sorted(ran, key=lambda p: (order.index(ran[p]), p)):
    print(f"    *(.text.{p} .text.unlikely.{p})")  # LLVM's prefix for code it deems cold
print("  }")
print("} INSERT BEFORE .text;")
PY
# Only a whole script replaces the one there: a cut one would break every release build.
[ "$(tail -1 "$work/hot-code.ld")" = "} INSERT BEFORE .text;" ] &&
  [ "$(grep -c '^    \*' "$work/hot-code.ld")" -gt 100 ] ||
  { echo "hot-code.sh: the profile gave too few functions; link/hot-code.ld is kept" >&2; exit 1; }
mv "$work/hot-code.ld" link/hot-code.ld
echo "hot-code.sh: link/hot-code.ld lists $(grep -c '^    \*' link/hot-code.ld) functions"
