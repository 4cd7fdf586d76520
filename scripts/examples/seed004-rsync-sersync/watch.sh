#!/bin/sh
# Seed 004's sersync, on rl1: every change of /var/www/html goes to rl2, rl3 and the
# backup within a fraction of a second; a full sync first (sersync -r). One durable queue
# per target: a receiver that is down gets everything when it returns.
set -eu
: "${DIR:=/var/www/html}"
: "${TARGETS:=192.168.1.12::html 192.168.1.13::html 192.168.1.14::backup}"
# shellcheck disable=SC2086
exec hakit sync push "$DIR" $TARGETS --watch --initial "$@"
