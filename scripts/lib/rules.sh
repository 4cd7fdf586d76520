# Sourced by the benchmarks: `rules SERVICES REALS > FILE` writes ipvsadm -S style rules,
# SERVICES wrr services on 10.x.y.z:80, each with REALS NAT real servers weighted 1..REALS.
rules() {
  awk -v n="$1" -v r="$2" 'BEGIN {
    for (i = 0; i < n; i++) {
      vip = sprintf("10.%d.%d.%d:80", int(i / 62500), int(i / 250) % 250, i % 250 + 1)
      printf "-A -t %s -s wrr\n", vip
      for (j = 1; j <= r; j++) printf "-a -t %s -r 192.168.%d.%d:80 -m -w %d\n", vip, j, i % 250 + 1, j
    }
  }'
}
