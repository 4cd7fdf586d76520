#!/bin/sh
# An SMTP sink for busybox nc -ll -e: answers one session on stdin/stdout and appends the
# message text to $MAILDIR/all (default /tmp/mail).
MAILDIR=${MAILDIR:-/tmp/mail}
mkdir -p "$MAILDIR"
reply() { printf '%s\r\n' "$1"; }
reply "220 sink.test ESMTP"
data=0
while IFS= read -r line; do
  line=$(printf '%s' "$line" | tr -d '\r')
  if [ "$data" = 1 ]; then
    if [ "$line" = "." ]; then data=0; echo "--" >> "$MAILDIR/all"; reply "250 queued"
    else printf '%s\n' "$line" >> "$MAILDIR/all"; fi
    continue
  fi
  case "$line" in
    EHLO*|HELO*|ehlo*|helo*) reply "250 sink.test" ;;
    DATA*|data*) data=1; reply "354 go ahead" ;;
    QUIT*|quit*) reply "221 bye"; exit 0 ;;
    *) reply "250 ok" ;;
  esac
done
