#!/bin/bash
# Runs inside the VM (scripts/vm/run.sh): hakit against the real ipvsadm on each table-*.txt,
# a file of ipvsadm rules, one per line ("-A -t 10.0.0.1:80 -s rr", "-a -t ... -r ... -g").
# For each table: ipvsadm writes it, and every listing format and the save format of hakit
# must equal ipvsadm's byte for byte; then hakit writes it, and ipvsadm must read back the
# same listing. Then the error cases. Exit 0 when everything matched.
fail=0
mkdir -p /tmp/p && ln -sf /payload/hakit /tmp/p/ipvsadm
P=/tmp/p/ipvsadm   # hakit invoked as ipvsadm
check() {
  if cmp -s "$2" "$3"; then echo "ok   $1"; else echo "FAIL $1"; diff "$2" "$3" | head -20; fail=1; fi
}
for t in table-*.txt; do
  ipvsadm -C
  while read -r line; do
    ipvsadm $line || { echo "FAIL ipvsadm rejected: $line"; fail=1; }
  done < "$t"
  for v in "" --stats --rate --thresholds --persistent-conn; do
    ipvsadm -Ln $v > want; hakit ipvs list $v > got; check "$t list $v" want got
    $P -Ln $v > got; check "$t personality -Ln $v" want got
  done
  ipvsadm -L -n --exact --stats > want; $P -L -n --exact --stats > got; check "$t personality --exact" want got
  # ipvsadm alone lists (names, not numbers).
  ipvsadm > want; $P > got; check "$t personality alone" want got
  # One service: the listing without the version line, as ipvsadm prints it.
  sel=$(head -n1 "$t" | sed -E 's/^-A (-t|-u|--sctp-service|-f) ([^ ]+)( -6)?.*/\1 \2\3/')
  for v in "" --stats; do
    ipvsadm -Ln $sel $v > want; $P -Ln $sel $v > got; check "$t personality -Ln $sel $v" want got
    hakit ipvs list $sel $v > got; check "$t list $sel $v" want got
  done
  ipvsadm -S -n > want; hakit ipvs save > got; check "$t save" want got
  $P -S -n > got; check "$t personality -S -n" want got
  ipvsadm -Ln > ref
  # Restore through the personality reads back what ipvsadm saved.
  ipvsadm -S -n > rules; ipvsadm -C
  $P -R < rules || { echo "FAIL personality -R"; fail=1; }
  ipvsadm -Ln > got; check "$t personality -R" ref got
  ipvsadm -C
  while read -r op rest; do
    case "$op" in
      -A) hakit -q ipvs service add $rest ;;
      -a) hakit -q ipvs real add $rest ;;
    esac || { echo "FAIL hakit rejected: $op $rest"; fail=1; }
  done < "$t"
  ipvsadm -Ln > got; check "$t written by hakit, read by ipvsadm" ref got
done

# Edits, deletes, zero, flush, timeouts: hakit writes, ipvsadm reads.
ipvsadm -C
hakit -q ipvs service add -t 10.0.0.10:80 -s rr
hakit -q ipvs real add -t 10.0.0.10:80 -r 192.168.1.11 -m -w 3
hakit -q ipvs service edit -t 10.0.0.10:80 -s wlc -p 120
hakit -q ipvs real edit -t 10.0.0.10:80 -r 192.168.1.11 -m -w 7 -x 50
printf -- '-A -t 10.0.0.10:80 -s wlc -p 120\n-a -t 10.0.0.10:80 -r 192.168.1.11:80 -m -w 7\n' > want
ipvsadm -S -n > got; check "edit" want got
hakit -q ipvs real del -t 10.0.0.10:80 -r 192.168.1.11
printf -- '-A -t 10.0.0.10:80 -s wlc -p 120\n' > want
ipvsadm -S -n > got; check "real del" want got
hakit -q ipvs service del -t 10.0.0.10:80
: > want; ipvsadm -S -n > got; check "service del" want got
hakit -q ipvs timeout set 1000 110 310
ipvsadm -L --timeout > want; hakit ipvs timeout get > got; check "timeouts" want got
grep -q "1000 110 310" got || { echo "FAIL timeouts not set"; fail=1; }
hakit -q ipvs service add -u 10.0.0.1:53
hakit -q ipvs zero && hakit -q ipvs zero -u 10.0.0.1:53 && echo "ok   zero" || { echo "FAIL zero"; fail=1; }
hakit -q ipvs flush
: > want; ipvsadm -S -n > got; check "flush" want got

# The seeds' ipvsadm lines, unchanged, through the personality.
ipvsadm -C
$P -A -t 192.168.139.100:80 -s rr && $P -a -t 192.168.139.100:80 -r 192.168.139.7 -g && \
  $P -a -t 192.168.139.100:80 -r 192.168.139.8 -g
printf -- '-A -t 192.168.139.100:80 -s rr\n-a -t 192.168.139.100:80 -r 192.168.139.7:80 -g -w 1\n-a -t 192.168.139.100:80 -r 192.168.139.8:80 -g -w 1\n' > want
ipvsadm -S -n > got; check "seed rules via the personality" want got
$P -L --timeout > got; ipvsadm -L --timeout > want; check "personality --timeout" want got
$P --start-daemon master --mcast-interface lo --syncid 7 && ipvsadm -Ln --daemon > want && $P -Ln --daemon > got && check "personality --daemon" want got
grep -q "syncid=7" got || { echo "FAIL daemon not started"; fail=1; }
$P --stop-daemon master; : > want; ipvsadm -Ln --daemon > got; check "personality --stop-daemon" want got
hakit -q ipvs sync-daemon start backup --mcast-interface lo --syncid 9
ipvsadm -Ln --daemon > want; hakit ipvs sync-daemon list > got; check "sync-daemon start/list" want got
grep -q "backup sync daemon (mcast=lo, syncid=9" got || { echo "FAIL backup daemon"; fail=1; }
hakit -q ipvs sync-daemon stop backup; : > want; ipvsadm -Ln --daemon > got; check "sync-daemon stop" want got

# Restore: a large batch, then a malformed line and a conflicting rule stop before anything.
ipvsadm -C
for i in $(seq 1 300); do echo "-A -t 10.1.$((i / 250)).$((i % 250 + 1)):80 -s wrr"; echo "-a -t 10.1.$((i / 250)).$((i % 250 + 1)):80 -r 192.168.2.1:80 -m -w 1"; done > big
hakit ipvs restore big > /dev/null || { echo "FAIL restore big"; fail=1; }
[ "$(ipvsadm -S -n | wc -l)" = 600 ] && echo "ok   restore of 600 rules" || { echo "FAIL restore count $(ipvsadm -S -n | wc -l)"; fail=1; }
ipvsadm -C
printf -- '-A -t 10.0.0.1:80 -s rr\n-A -t 10.0.0.2:80 -s bogus-option -Q\n' > bad
hakit ipvs restore bad 2> err; rc=$?
[ $rc = 2 ] && grep -q "line 2" err && [ -z "$(ipvsadm -S -n)" ] && echo "ok   malformed line: nothing applied" || { echo "FAIL malformed restore rc=$rc"; cat err; fail=1; }
printf -- '-A -t 10.0.0.1:80 -s rr\n-A -t 10.0.0.1:80 -s rr\n-A -t 10.0.0.3:80 -s rr\n' > conflict
hakit ipvs restore conflict 2> err; rc=$?
[ $rc = 1 ] && grep -q "line 2: service TCP 10.0.0.1:80 already exists" err && [ -z "$(ipvsadm -S -n)" ] && echo "ok   conflicting rule: nothing applied" || { echo "FAIL conflict restore rc=$rc"; cat err; fail=1; }
hakit ipvs restore --continue conflict 2> err; rc=$?
[ $rc = 1 ] && [ "$(ipvsadm -S -n | wc -l)" = 2 ] && echo "ok   --continue applies the rest" || { echo "FAIL continue rc=$rc"; cat err; ipvsadm -S -n; fail=1; }
ipvsadm -C
printf -- '-A -t 10.0.0.1:80 -s rr\n-A -t 10.0.0.2:80 -s nosuchsched\n-A -t 10.0.0.3:80 -s rr\n' > sched
hakit ipvs restore sched 2> err; rc=$?
[ $rc = 1 ] && grep -q "line 2: unknown scheduler" err && grep -q "1 rule applied, 1 not applied (lines 3-3)" err && [ "$(ipvsadm -S -n | wc -l)" = 1 ] && echo "ok   kernel refusal stops at its line" || { echo "FAIL sched restore rc=$rc"; cat err; ipvsadm -S -n; fail=1; }

# Errors: one line, exit 1 or 2, nothing applied.
expect() { # code, text, command...
  local code=$1 text=$2; shift 2
  "$@" > out 2> err; local rc=$?
  if [ "$rc" = "$code" ] && grep -qF -- "$text" err && [ "$(wc -l < err)" = 1 ]; then
    echo "ok   error: $text"
  else
    echo "FAIL error $*: rc=$rc want $code, stderr:"; cat err; fail=1
  fi
}
ipvsadm -C
hakit -q ipvs service add -t 10.0.0.10:80 -s rr
hakit -q ipvs real add -t 10.0.0.10:80 -r 192.168.1.11 -m
expect 1 "service TCP 10.0.0.10:80 already exists" hakit ipvs service add -t 10.0.0.10:80
expect 1 "no such service: TCP 10.0.0.99:80" hakit ipvs service del -t 10.0.0.99:80
expect 1 'unknown scheduler "nosuch"' hakit ipvs service add -t 10.0.0.11:80 -s nosuch
expect 1 "real server 192.168.1.11:80 of TCP 10.0.0.10:80 already exists" hakit ipvs real add -t 10.0.0.10:80 -r 192.168.1.11 -m
expect 1 "no such real server 192.168.1.99:80" hakit ipvs real del -t 10.0.0.10:80 -r 192.168.1.99
expect 2 "invalid address" hakit ipvs service add -t 10.0.0.300:80
expect 2 "port must be 0-65535" hakit ipvs service add -t 10.0.0.1:70000
expect 2 "not of the service's family" hakit ipvs real add -t 10.0.0.10:80 -r [2001:db8::1]:80 -m
printf -- '-A -t 10.0.0.10:80 -s rr\n-a -t 10.0.0.10:80 -r 192.168.1.11:80 -m -w 1\n' > want
ipvsadm -S -n > got; check "errors applied nothing" want got
# The nft data plane on a kernel without nf_tables (its modules are not in this VM): one
# line naming the module, exit 1, and nothing made.
out=$(hakit nft list 2>&1); rc=$?
if [ $rc = 1 ] && [ "$(printf '%s\n' "$out" | wc -l)" = 1 ] && printf '%s' "$out" | grep -q "modprobe nf_tables"; then
  echo "ok   nft without nf_tables: $out"
else
  echo "FAIL nft without nf_tables: rc=$rc: $out"; fail=1
fi
exit $fail
