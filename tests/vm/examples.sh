#!/bin/bash
# Runs inside the VM: scripts/examples/seed000-lvs-dr (two directors with director.sh, two
# real servers prepared with realserver.sh, a client) and seed004's lvs-dr-rules.sh, on
# kernel IPVS. Each director's namespace has its own IPVS table.
set -u
fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fail=1; }
within() { local i; for i in $(seq 1 $(($1 * 10))); do eval "$2" && return 0; sleep 0.1; done; return 1; }
mkdir -p /run/netns /var/run /etc/keepalived
ip link set lo up
ip link add br3 type bridge; ip link set br3 up
for n in c d1 d2 r1 r2; do
  ip netns add "$n"
  ip link add "x$n" type veth peer name eth0 netns "$n"
  ip link set "x$n" master br3 up
  ip -n "$n" link set eth0 up; ip -n "$n" link set lo up
done
ip -n c addr add 10.0.3.2/24 dev eth0
ip -n d1 addr add 10.0.3.11/24 dev eth0
ip -n d2 addr add 10.0.3.12/24 dev eth0
ip -n r1 addr add 10.0.3.21/24 dev eth0
ip -n r2 addr add 10.0.3.22/24 dev eth0
web() { # ns page
  mkdir -p "/www/$1"; echo "$2" > "/www/$1/index.html"
  ip netns exec "$1" busybox httpd -f -p 80 -h "/www/$1" & echo $! > "/tmp/httpd-$1.pid"
}
unweb() { kill "$(cat "/tmp/httpd-$1.pid")"; wait "$(cat "/tmp/httpd-$1.pid")" 2>/dev/null; }
for r in r1 r2; do
  HAKIT_STATE_DIR=/run/hakit-$r VIP=10.0.3.100 ip netns exec "$r" sh ./realserver.sh start >/dev/null \
    || bad "realserver.sh start in $r"
  web "$r" "page-$r"
done
HAKIT_STATE_DIR=/run/hakit-r1 VIP=10.0.3.100 ip netns exec r1 sh ./realserver.sh status | grep -q "prepared for LVS-DR" \
  && ok "realserver.sh prepares the real servers" || bad "realserver.sh status: $(HAKIT_STATE_DIR=/run/hakit-r1 ip netns exec r1 hakit rs-prep arp status)"
director() { # ns priority
  web "$1" "sorry-$1"            # the sorry server: the director's own httpd
  mkdir -p "/tmp/mail-$1"
  MAILDIR="/tmp/mail-$1" ip netns exec "$1" busybox nc -ll -p 25 -e sh /payload/smtp-sink.sh &
  HAKIT_STATE_DIR="/run/hakit-$1" IFACE=eth0 VIP=10.0.3.100 PRIORITY="$2" VERSION=3 ADVERT=0.3 \
    DOWNFILE="/tmp/down-$1" RS="10.0.3.21:80,weight=2 10.0.3.22:80" SORRY=127.0.0.1:80 DELAY=1s \
    SMTP=127.0.0.1:25 MAILTO=ops@example.test TRACK_INTERVAL=0.3s \
    ip netns exec "$1" sh ./director.sh > "/tmp/director-$1.log" 2>&1 &
  echo $! > "/tmp/director-$1.pid"
}
director d1 101
director d2 100
tally() { # 9 fetches from the client: "r1 r2 sorry"
  local a=0 b=0 s=0 r i
  for i in $(seq 1 9); do
    r=$(ip netns exec c timeout 3 wget -q -O - http://10.0.3.100/ 2>/dev/null)
    case "$r" in page-r1) a=$((a + 1)) ;; page-r2) b=$((b + 1)) ;; sorry-*) s=$((s + 1)) ;; esac
  done
  echo "$a $b $s"
}
within 20 'ip -n d1 addr show dev eth0 | grep -q 10.0.3.100' && ok "d1 (101) holds the VIP" || bad "no VIP on d1: $(cat /tmp/director-d1.log)"
vs() { ip netns exec "$1" ipvsadm -Ln -t 10.0.3.100:80 2>/dev/null; }
within 20 'vs d1 | grep -q "10.0.3.22:80 *Route *1 "' && ok "d1's IPVS has both real servers" || bad "d1 table: $(vs d1)"
got=$(tally); [ "$got" = "6 3 0" ] && ok "wrr 2:1 through the VIP: $got" || bad "wrr: $got $(vs d1)"
unweb r2
within 20 '! vs d1 | grep -q 10.0.3.22:80' && ok "r2's HTTP stops: it leaves d1's table" || bad "r2 still: $(vs d1)"
within 20 'grep -q "Subject: \[LVS_DEVEL\] Realserver \[10.0.3.22\]:80 - DOWN" /tmp/mail-d1/all 2>/dev/null' \
  && ok "the DOWN mail reaches ops" || bad "no mail: $(cat /tmp/mail-d1/all 2>/dev/null)"
unweb r1
within 20 'vs d1 | grep -q "127.0.0.1:80"' && ok "no real server left: the sorry server is in" || bad "sorry: $(vs d1)"
got=$(tally); [ "$got" = "0 0 9" ] && ok "clients get the sorry page: $got" || bad "sorry page: $got"
web r1 page-r1
within 20 '! vs d1 | grep -q "127.0.0.1:80"' && ok "r1 returns, the sorry server leaves" || bad "return: $(vs d1)"
# Maintenance: the down file demotes d1 by 2, so d2 (100) takes the VIP and, no longer
# suspended, checks and drops r2 from its own table.
touch /tmp/down-d1
within 20 'ip -n d2 addr show dev eth0 | grep -q 10.0.3.100' && ok "the down file moves the VIP to d2" || bad "down file: $(cat /tmp/director-d1.log)"
within 20 '! vs d2 | grep -q 10.0.3.22:80 && vs d2 | grep -q 10.0.3.21:80' && ok "d2 checks once master (ha_suspend)" || bad "d2 table: $(vs d2)"
got=$(tally); [ "$got" = "9 0 0" ] && ok "d2 serves from r1: $got" || bad "via d2: $got"
rm /tmp/down-d1
within 20 'ip -n d1 addr show dev eth0 | grep -q 10.0.3.100' && ok "d1 takes the VIP back" || bad "no return"
for d in d1 d2; do kill -TERM "$(cat "/tmp/director-$d.pid")"; done
wait "$(cat /tmp/director-d1.pid)" "$(cat /tmp/director-d2.pid)" 2>/dev/null
within 10 '[ -z "$(vs d1)" ]' && ok "director.sh stops cleanly (service removed)" || bad "left: $(vs d1)"
for r in r1 r2; do HAKIT_STATE_DIR=/run/hakit-$r ip netns exec "$r" sh ./realserver.sh stop >/dev/null; done
ip -n r1 addr show dev lo | grep -q 10.0.3.100 && bad "realserver.sh stop left the VIP" || ok "realserver.sh stop undoes it"

# seed 004's director rules.
ip netns add s4; ip -n s4 link set lo up
VIP=192.168.1.100 RS="192.168.1.11 192.168.1.12 192.168.1.13" ip netns exec s4 sh ./lvs-dr-rules.sh >/dev/null \
  || bad "lvs-dr-rules.sh"
n=$(ip netns exec s4 ipvsadm -Ln | grep -c "Route  *1 ")
[ "$n" = 3 ] && ok "seed 004's rules: 3 DR real servers (read by ipvsadm)" || bad "rules: $(ip netns exec s4 ipvsadm -Ln)"
[ "$fail" = 0 ] || { for d in d1 d2; do echo "--- $d"; cat "/tmp/director-$d.log"; done; }
exit $fail
