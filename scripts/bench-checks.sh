#!/usr/bin/env bash
# Checker benchmark: HTTP checks per second from one `hakit lb run` process against nginx
# on loopback, against the same checks done by curl from a shell loop (what admins compose
# today from cron or a while loop).
#
#   scripts/bench-checks.sh          # REALS=1200 DELAY=100ms SECS=10 CURLS=1000
#
# lb runs REALS real servers (--dry-run: the checker is measured, not IPVS), each checked
# every DELAY with `http --connect-ip 127.0.0.1 --connect-port PORT`, so every check is a
# real HTTP GET to nginx. Printed: the achieved check rate, lb's CPU (share of one core)
# and peak RSS, CPU per check; for curl, the rate and CPU per check of CURLS sequential
# curl runs; and the ratios. Target: 10,000 checks/s on one core under 64 MiB RSS.
#
# Then keepalived's own checker as the peer (it needs IPVS: Debian's kernel under qemu,
# scripts/vm/run.sh): one virtual_server with KA_REALS (1,000) HTTP_GET real servers
# every KA_DELAY (5) s, under keepalived -C and under `hakit lb run --config` on the same
# file in the same boot (scripts/vm/checkers.sh), nginx serving them, each run twice
# (keepalived, hakit, hakit, keepalived). Printed: CPU per check over both runs and the
# higher peak RSS of each, and the ratios hakit/keepalived. PEER=keepalived runs only
# this part, PEER=none skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
REALS=${REALS:-1200}
DELAY=${DELAY:-100ms}
SECS=${SECS:-10}
CURLS=${CURLS:-1000}
. scripts/lib/deps.sh
need bench-checks.sh nginx:nginx curl:curl python3:python3
if [ -z "${HAKIT:-}" ]; then
  cargo build --quiet --release
  HAKIT=$PWD/target/release/hakit
fi

# keepalived's checker against hakit's, in one qemu boot.
peer() {
  need bench-checks.sh keepalived:keepalived
  local t
  t=$(mktemp -d)
  # A program and every library it links (NAME.tar, for /payload/lib in the VM).
  bundle() {
    mkdir "$t/$1.lib"
    cp "/usr/sbin/$1" "$t/$1"
    ldd "/usr/sbin/$1" | awk '/=>/ {print $3}' | xargs -I{} cp -L {} "$t/$1.lib/"
    tar -C "$t/$1.lib" -cf "$t/$1.tar" .
  }
  bundle keepalived
  # nginx serves the real servers (http-reals.sh): one process, where busybox httpd forks
  # per connection and took most of the VM's one CPU, so that the checkers were measured
  # preempted twice per check behind an overflowing listen queue.
  bundle nginx
  local out
  out=$(HAKIT=$HAKIT scripts/vm/run.sh -t 900 -f "$t/keepalived" -f "$t/keepalived.tar" \
    -f "$t/nginx" -f "$t/nginx.tar" \
    -f scripts/vm/checkers.sh -f scripts/vm/http-reals.sh -- "N=${KA_REALS:-1000} DELAY=${KA_DELAY:-5} bash checkers.sh") || true
  rm -rf "$t"
  echo "$out" | awk -v n="${KA_REALS:-1000}" '
    $1 == "keepalived" || $1 == "hakit" { cpu[$1] += $2; checks[$1] += $3; if ($4 > hwm[$1]) hwm[$1] = $4 }
    END {
      if (!checks["keepalived"] || !checks["hakit"]) { print "the checkers did not both run:"; exit 1 }
      printf "\nkeepalived checker against hakit lb run --config, %d HTTP_GET real servers (qemu, Debian kernel)\n", n
      printf "%-28s %12s %12s %7s\n", "", "keepalived", "hakit", "ratio"
      kc = cpu["keepalived"] / checks["keepalived"] * 1e6; hc = cpu["hakit"] / checks["hakit"] * 1e6
      printf "%-28s %12d %12d\n", "checks measured", checks["keepalived"], checks["hakit"]
      printf "%-28s %12.0f %12.0f %7.2f\n", "CPU per check (us)", kc, hc, hc / kc
      printf "%-28s %12.1f %12.1f %7.2f\n", "peak RSS (MiB)", hwm["keepalived"] / 1024, hwm["hakit"] / 1024, hwm["hakit"] / hwm["keepalived"]
    }' || { echo "$out"; return 1; }
  [ -z "${VERBOSE:-}" ] || echo "$out"
}
if [ "${PEER:-}" = keepalived ]; then peer; exit 0; fi
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/www" "$work/tmp"; chmod 755 "$work" "$work/www"
echo ok > "$work/www/index.html"
cat > "$work/nginx.conf" <<CONF
daemon off; master_process on; worker_processes 1; pid $work/nginx.pid; error_log $work/error.log;
events { worker_connections 65536; }
http { access_log off; client_body_temp_path $work/tmp; proxy_temp_path $work/tmp;
  fastcgi_temp_path $work/tmp; uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server { listen 127.0.0.1:$port backlog=4096; root $work/www; } }
CONF
PATH=$PATH:/usr/sbin nginx -p "$work" -c "$work/nginx.conf" -e "$work/error.log" &
pids+=($!)
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat"; }
now() { date +%s.%N; }

# hakit lb run: REALS servers, all checked against nginx.
reals=$(awk -v n="$REALS" 'BEGIN { for (i = 0; i < n; i++) printf "-r 10.%d.%d.%d ", 200 + int(i / 62500), int(i / 250) % 250, i % 250 + 1 }')
# shellcheck disable=SC2086
"$HAKIT" --state-dir "$work/state" -q lb run --dry-run -t 192.0.2.1:80 $reals \
  --check "http --connect-ip 127.0.0.1 --connect-port $port --connect-timeout 2s --retry 0" \
  --delay-loop "$DELAY" &
lb=$!
pids+=($lb)
checks() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["checks"])' "$work/state/lb.json" 2>/dev/null || echo 0; }
sleep 3
c0=$(checks); t0=$(now); k0=$(cpu_ticks "$lb")
sleep "$SECS"
c1=$(checks); t1=$(now); k1=$(cpu_ticks "$lb")
rss=$(awk '/VmHWM/ { print $2 }' "/proc/$lb/status")
down=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(r["health"]=="down" for s in d["services"] for r in s["reals"]))' "$work/state/lb.json")
kill "$lb"; wait "$lb" 2>/dev/null || true

# The same checks with curl from a shell loop.
t2=$(now); s0=$(awk '{ print $14 + $15 + $16 + $17 }' /proc/$$/stat)
bash -c "for i in \$(seq $CURLS); do curl -fsS -o /dev/null --max-time 2 http://127.0.0.1:$port/ 2>/dev/null || echo fail; done" > "$work/curl.out"
t3=$(now)
curl_cpu=$(awk '{ print $16 + $17 }' /proc/$$/stat)

python3 - "$c0" "$c1" "$t0" "$t1" "$k0" "$k1" "$ticks" "$rss" "$down" "$t2" "$t3" "$CURLS" "$s0" "$curl_cpu" "$REALS" "$(wc -l < "$work/curl.out")" <<'PY'
import sys
c0, c1, t0, t1, k0, k1, tck, rss, down, t2, t3, n, s0, ccpu, reals, fails = sys.argv[1:]
checks = int(c1) - int(c0); wall = float(t1) - float(t0)
cpu = (int(k1) - int(k0)) / int(tck)
rate = checks / wall
print(f"hakit lb run: {reals} real servers, {checks} HTTP checks in {wall:.1f} s = {rate:,.0f} checks/s, "
      f"CPU {100 * cpu / wall:.0f}% of one core, {1e6 * cpu / max(checks, 1):.0f} us CPU per check, "
      f"peak RSS {int(rss) / 1024:.1f} MiB, {down} servers seen down")
cwall = float(t3) - float(t2); crate = int(n) / cwall
ccpu_s = int(ccpu) / int(tck)
print(f"curl loop:    {n} checks in {cwall:.1f} s = {crate:,.0f} checks/s, "
      f"{1e6 * ccpu_s / int(n):.0f} us CPU per check, {int(fails)} failed")
print(f"ratio: check rate {rate / crate:.1f}x, CPU per check {(ccpu_s / int(n)) / (cpu / max(checks, 1)):.1f}x less with hakit")
ok = rate >= 10000 and cpu / wall <= 1.0 and int(rss) < 64 * 1024
print("target (10,000 checks/s on one core, < 64 MiB RSS):", "met" if ok else "NOT met")
PY
[ "${PEER:-}" = none ] || peer
