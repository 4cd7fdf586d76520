#!/bin/sh
# Seed 004: a receiver (rl2, rl3, or the backup): an rsync daemon serving one module that
# only the pushing node may write to.
#
#   MODULE=html DIR=/var/www/html ALLOW=192.168.1.11 ./receiver.sh
set -eu
: "${MODULE:=html}" "${DIR:=/var/www/html}" "${ALLOW:=192.168.1.11}" "${PORT:=873}"
: "${CONF:=/etc/rsyncd-hakit.conf}"
mkdir -p "$DIR"
{ echo "pid file = ${CONF%.conf}.pid"; echo "use chroot = no"; hakit sync daemon-conf --module "$MODULE" --path "$DIR" --allow "$ALLOW"; } > "$CONF"
exec rsync --daemon --no-detach --port "$PORT" --config "$CONF"
