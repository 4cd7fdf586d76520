#!/bin/sh
# Seed 000's rs.sh: prepare a real server for LVS-DR (arp_ignore/arp_announce, the VIP on
# lo) or undo it, restoring the values found before.
#   ./realserver.sh start|stop|status
set -eu
: "${VIP:=192.168.139.100}"
case "${1:-}" in
  start) exec hakit rs-prep arp up --vip "$VIP" --label lo:0 ;;
  stop) exec hakit rs-prep arp down ;;
  status) exec hakit rs-prep arp status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
