#!/bin/bash
# Runs inside the VM (scripts/bench-checks.sh PEER=keepalived): keepalived's checker and
# `hakit lb run --config` on the same keepalived.conf, one after the other in one boot:
# one virtual_server with N HTTP_GET real servers checked every DELAY s (http-reals.sh).
# Each checker runs WARM s, then is measured for SECS s: its CPU (the scheduler's
# nanoseconds, every thread), the checks done (TCP connections opened: /proc/net/snmp's
# ActiveOpens), and its peak RSS (VmHWM). Prints one line per run:
# "NAME cpu_s checks hwm_kib"; ROUNDS=2 (the default) runs each checker twice.
set -u
N=${N:-1000} DELAY=${DELAY:-5} WARM=${WARM:-8} SECS=${SECS:-15} ROUNDS=${ROUNDS:-2}
mkdir -p /payload/lib
tar -xf /payload/keepalived.tar -C /payload/lib
. ./http-reals.sh
# Room for every connection's TIME_WAIT: the kernel's default for this VM's memory
# overflows in the first checker's run, and the second then pays for the overflow
# (resets, failed SYN cookies) in its own time.
echo 1000000 > /proc/sys/net/ipv4/tcp_max_tw_buckets

cpu_ns() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ s += $1 } END { printf "%.0f\n", s }'; }
opens() { awk '/^Tcp:/ { if (h) print $6; h = 1 }' /proc/net/snmp; }
hwm() { awk '/^VmHWM:/ { print $2 }' /proc/"$1"/status; }
# Where the resident memory sits (KiB per mapping, the largest first), for VERBOSE=1.
where() {
  awk '/^[0-9a-f]+-/ { m = $6 == "" ? "[anon]" : $6 } /^Rss:/ { r[m] += $2 }
    END { for (m in r) if (r[m] >= 64) printf "  %6d %s\n", r[m], m }' /proc/"$1"/smaps | sort -rn
  grep -E '^(VmHWM|VmRSS|RssAnon|RssFile):' /proc/"$1"/status | tr -s ' \t' ' ' | tr '\n' ' '
  echo
}

measure() { # NAME PID
  sleep "$WARM"
  local c0 o0 c1 o1
  c0=$(cpu_ns "$2"); o0=$(opens)
  sleep "$SECS"
  c1=$(cpu_ns "$2"); o1=$(opens)
  awk -v n="$1" -v c=$((c1 - c0)) -v o=$((o1 - o0)) -v h="$(hwm "$2")" \
    'BEGIN { printf "%s %.3f %d %d\n", n, c / 1e9, o, h }'
  where "$2"
}

# keepalived: the checker process alone (-C), its child doing the checks.
run_keepalived() {
  rm -f /run/ka.pid /run/kac.pid
  LD_LIBRARY_PATH=/payload/lib /payload/keepalived -C -n -l -D -f /etc/keepalived/bench.conf \
    -p /run/ka.pid -c /run/kac.pid > /tmp/ka.log 2>&1 &
  for _ in $(seq 1 100); do [ -s /run/kac.pid ] && break; sleep 0.1; done
  if [ -s /run/kac.pid ]; then
    measure keepalived "$(cat /run/kac.pid)"
  else
    echo "keepalived did not start:"; tail -5 /tmp/ka.log
  fi
  kill "$(cat /run/ka.pid)" 2>/dev/null
  sleep 2
  ipvsadm -C
}

run_hakit() {
  hakit lb run --config /etc/keepalived/bench.conf > /tmp/hk.log 2>&1 &
  local hk=$!
  measure hakit "$hk"
  kill "$hk"
  wait "$hk" 2>/dev/null
  ipvsadm -C
}

# keepalived, hakit, hakit, keepalived: what drifts during the boot (the emulated
# machine's caches, the TIME_WAIT table filling) weighs on both alike. One line per run.
run_keepalived
run_hakit
if [ "$ROUNDS" -gt 1 ]; then
  run_hakit
  run_keepalived
fi
true
