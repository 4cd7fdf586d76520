#!/usr/bin/env bash
# IPVS benchmark: hakit against ipvsadm 1.31 on the real kernel IPVS, in one boot of
# Debian's kernel under qemu (scripts/vm/run.sh).
#
#   sudo scripts/bench-ipvs.sh            # SERVICES=10000 REALS=4 by default
#
# Restore of SERVICES services x REALS real servers (ipvsadm -R against hakit ipvs restore)
# and a full listing (ipvsadm -Ln against hakit ipvs list), same rules, same boot; prints the
# times and the ratio ipvsadm/hakit (above 1: hakit is faster). Target: restore at least 3x
# faster, listing no slower. Times are under software emulation (TCG): compare the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVICES=${SERVICES:-10000}
REALS=${REALS:-4}
if [ -z "${HAKIT:-}" ]; then
  cargo build --quiet --release
  HAKIT=$PWD/target/release/hakit
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. scripts/lib/rules.sh
rules "$SERVICES" "$REALS" > "$work/rules"
cat > "$work/bench.sh" <<'EOS'
# Each restore goes into a fresh network namespace (IPVS tables, and the kernel's trash of
# deleted destinations that every later add searches, are per namespace), so neither tool
# pays for the other's leftovers. Two rounds, alternating, best of each.
mkdir -p /run/netns
ms() { local t=${EPOCHREALTIME/./}; echo $(( t / 1000 )); }
lines=$(wc -l < rules)
best() { if [ -z "$1" ] || [ "$2" -lt "$1" ]; then echo "$2"; else echo "$1"; fi; }
kr= kl= hr= hl=
for round in 1 2; do
  for tool in ipvsadm hakit; do
    ns=$tool$round; ip netns add "$ns"; ip -n "$ns" link set lo up
    x() { ip netns exec "$ns" "$@"; }
    t=$(ms)
    if [ $tool = ipvsadm ]; then x ipvsadm -R < rules; else x hakit -q ipvs restore rules; fi
    d=$(( $(ms) - t ))
    [ "$(x ipvsadm -S -n | wc -l)" = "$lines" ] || echo "WARNING: $tool applied $(x ipvsadm -S -n | wc -l) of $lines"
    if [ $tool = ipvsadm ]; then kr=$(best "$kr" "$d"); else hr=$(best "$hr" "$d"); fi
    t=$(ms); x ipvsadm -Ln > /dev/null; kl=$(best "$kl" "$(( $(ms) - t ))")
    t=$(ms); x hakit ipvs list > /dev/null; hl=$(best "$hl" "$(( $(ms) - t ))")
  done
done
echo "$lines $kr $hr $kl $hl"
EOS
out=$(HAKIT=$HAKIT bash scripts/vm/run.sh -t 3000 -f "$work/rules" -f "$work/bench.sh" -- 'bash ./bench.sh')
echo "$out" | grep WARNING || true
read -r lines kr hr kl hl <<< "$(echo "$out" | tail -n1)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
printf '%s services x %s real servers (%s rules), kernel IPVS under qemu\n' "$SERVICES" "$REALS" "$lines"
printf '%-10s %12s %12s %8s\n' "" "ipvsadm ms" "hakit ms" "ratio"
printf '%-10s %12s %12s %8s\n' restore "$kr" "$hr" "$(ratio "$kr" "$hr")"
printf '%-10s %12s %12s %8s\n' list "$kl" "$hl" "$(ratio "$kl" "$hl")"
