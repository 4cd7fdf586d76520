#!/bin/sh
# Seed 001: copy the nginx configuration from the master to the backup (nightly from
# cron, see crontab). Never overlaps a previous run; one line per target on stdout,
# exit 1 when the copy failed. TARGET may be host:/path (ssh) or host::module (rsyncd).
set -eu
: "${SRC:=/usr/local/nginx}" "${TARGET:=192.168.5.12:/usr/local/nginx}"
exec hakit sync push "$SRC" "$TARGET" --exclude logs "$@"
