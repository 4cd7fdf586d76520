#!/bin/bash
# Runs inside the VM: `hakit lb run` keeps kernel IPVS in line with real servers' health.
# A NAT service (seed 000's shape with -m): two busybox httpd real servers and a sorry
# server in namespaces, a client fetching the VIP, an SMTP sink on the director's
# loopback; a second service from --file uses --inhibit-on-failure. Real servers stop and
# return; the table (read with the real ipvsadm), the pages the client gets and the mail
# are checked.
set -u
fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fail=1; }
within() { # SECS 'condition': true as soon as the condition holds
  local i
  for i in $(seq 1 $(($1 * 10))); do eval "$2" && return 0; sleep 0.1; done
  return 1
}
ms() { awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime; }
mkdir -p /run/netns /var/run /tmp/mail
ip link set lo up
sysctl -qw net.ipv4.ip_forward=1

ip netns add lc
ip link add w0 type veth peer name eth0 netns lc
ip addr add 10.0.2.1/24 dev w0; ip link set w0 up
ip addr add 10.0.2.10/32 dev w0
ip -n lc addr add 10.0.2.2/24 dev eth0; ip -n lc link set eth0 up; ip -n lc link set lo up
ip -n lc route add default via 10.0.2.1
ip link add br2 type bridge; ip addr add 192.168.2.1/24 dev br2; ip link set br2 up
for n in 1 2 9; do
  ip netns add "l$n"
  ip link add "w$n" type veth peer name eth0 netns "l$n"
  ip link set "w$n" master br2 up
  ip -n "l$n" addr add "192.168.2.1$n/24" dev eth0
  ip -n "l$n" link set eth0 up; ip -n "l$n" link set lo up
  ip -n "l$n" route add default via 192.168.2.1
  mkdir -p "/www/l$n"; echo "page-$n" > "/www/l$n/index.html"
done
start_httpd() { ip netns exec "l$1" busybox httpd -f -p 80 -h "/www/l$1" & echo $! > "/tmp/httpd$1.pid"; }
stop_httpd() { kill "$(cat "/tmp/httpd$1.pid")"; wait "$(cat "/tmp/httpd$1.pid")" 2>/dev/null; }
tally() { # pages of 10 fetches from the client: "rs1 rs2 sorry"
  local a=0 b=0 s=0 r i
  for i in $(seq 1 10); do
    r=$(ip netns exec lc timeout 3 wget -q -O - http://10.0.2.10/ 2>/dev/null)
    case "$r" in page-1) a=$((a + 1)) ;; page-2) b=$((b + 1)) ;; page-9) s=$((s + 1)) ;; esac
  done
  echo "$a $b $s"
}
for n in 1 2 9; do start_httpd "$n"; done
busybox nc -ll -p 25 -e sh /payload/smtp-sink.sh &
sink=$!

cat > /tmp/lb.conf <<'CONF'
# the same servers behind a second VIP, inhibited instead of removed
-t 10.0.2.11:80 -m -r 192.168.2.11:80 -r 192.168.2.12:80 --inhibit-on-failure \
   --check 'tcp --connect-timeout 1s --retry 0' --delay-loop 500ms
# Maglev, the servers given in reverse order: they go in in address order, and a failed
# one is inhibited, so every director's table is the same
-t 10.0.2.12:80 -s mh -m -r 192.168.2.12:80 -r 192.168.2.11:80 \
   --check 'tcp --connect-timeout 1s --retry 0' --delay-loop 500ms
CONF
hakit -v --log-file /tmp/lb.log --state-dir /run/hakit lb run \
  -t 10.0.2.10:80 -s rr -m -r 192.168.2.11:80 -r 192.168.2.12:80 \
  --check 'http --path / --status-code 200 --connect-timeout 1s --retry 0' --delay-loop 500ms \
  --sorry-server 192.168.2.19:80 --router-id LVS_DEVEL \
  --mail-to ops@example.test --mail-from lb@example.test --smtp-server 127.0.0.1:25 \
  --file /tmp/lb.conf &
lbpid=$!
vs() { ipvsadm -Ln -t "$1" 2>/dev/null; }
has() { vs "$1" | grep -Eq -- "-> $2 +Masq +$3 "; }
within 10 'has 10.0.2.10:80 192.168.2.11:80 1 && has 10.0.2.10:80 192.168.2.12:80 1' \
  && ok "lb run created the service with both real servers" || bad "start: $(ipvsadm -Ln; cat /tmp/lb.log)"
got=$(tally); [ "$got" = "5 5 0" ] && ok "round robin over both: $got" || bad "both: $got"
within 10 'has 10.0.2.12:80 192.168.2.12:80 1' \
  && [ "$(vs 10.0.2.12:80 | grep -o '192.168.2.1[12]:80' | tr '\n' ' ')" = "192.168.2.11:80 192.168.2.12:80 " ] \
  && ok "mh: servers in address order whatever the configuration's" || bad "mh order: $(vs 10.0.2.12:80)"

# rs2's HTTP stops: it leaves the table within delay_loop x fall (+ one check).
t0=$(ms); stop_httpd 2
if within 10 '! vs 10.0.2.10:80 | grep -q 192.168.2.12:80'; then
  took=$(( $(ms) - t0 ))
  [ "$took" -lt 4000 ] && ok "rs2 left the table in ${took} ms" || bad "rs2 left late: ${took} ms"
else bad "rs2 still in the table: $(ipvsadm -Ln)"; fi
within 10 'has 10.0.2.11:80 192.168.2.12:80 0' && ok "inhibit_on_failure: rs2 at weight 0" \
  || bad "inhibit: $(vs 10.0.2.11:80)"
within 10 'has 10.0.2.12:80 192.168.2.12:80 0' && ok "mh: rs2 inhibited, not removed" \
  || bad "mh inhibit: $(vs 10.0.2.12:80)"
within 10 'grep -q "Subject: \[LVS_DEVEL\] Realserver \[192.168.2.12\]:80 - DOWN" /tmp/mail/all 2>/dev/null' \
  && ok "DOWN mail arrived" || bad "no DOWN mail: $(cat /tmp/mail/all 2>/dev/null; grep -i mail /tmp/lb.log)"
got=$(tally); [ "$got" = "10 0 0" ] && ok "only rs1 serves: $got" || bad "rs1 only: $got"

# Every real server down: the sorry server takes over.
stop_httpd 1
within 10 'has 10.0.2.10:80 192.168.2.19:80 1' && ok "sorry server in the table" \
  || bad "no sorry server: $(ipvsadm -Ln)"
got=$(tally); [ "$got" = "0 0 10" ] && ok "the sorry page is served: $got" || bad "sorry: $got"

# One returns: the sorry server leaves.
start_httpd 1
within 10 'has 10.0.2.10:80 192.168.2.11:80 1 && ! vs 10.0.2.10:80 | grep -q 192.168.2.19:80' \
  && ok "rs1 back, sorry server gone" || bad "return: $(ipvsadm -Ln)"
within 10 'grep -q "Subject: \[LVS_DEVEL\] Realserver \[192.168.2.11\]:80 - UP" /tmp/mail/all' \
  && ok "UP mail arrived" || bad "no UP mail"
hakit --state-dir /run/hakit lb status | grep -q "192.168.2.12:80 .*DOWN" \
  && ok "lb status shows rs2 down" || bad "status: $(hakit --state-dir /run/hakit lb status)"

# SIGTERM: lb takes out the services it created.
kill -TERM "$lbpid"; wait "$lbpid"; code=$?
[ "$code" = 0 ] && ok "lb run exits 0 on SIGTERM" || bad "exit code $code"
[ -z "$(ipvsadm -Ln | grep -E '10.0.2.1[012]:80')" ] && ok "services removed at exit" \
  || bad "left behind: $(ipvsadm -Ln)"
kill "$sink" 2>/dev/null
[ "$fail" = 0 ] || { echo "--- lb.log"; cat /tmp/lb.log; }
exit $fail
