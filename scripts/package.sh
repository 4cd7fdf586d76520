#!/usr/bin/env bash
# Build the Debian package hakit_VERSION_ARCH.deb from this checkout:
#
#   scripts/package.sh [--version V] [--binary PATH] [--out DIR]
#
#   --version V     the package's version (default: Cargo.toml's)
#   --binary PATH   package this binary instead of building one (cargo build --release)
#   --out DIR       where the .deb goes (default: target/debian)
#
# dpkg-deb, not cargo-deb: the package needs maintainer scripts, conffiles, a tmpfiles.d
# entry and relative symlinks that are plainer written out here than configured, and
# dpkg-deb is on every Debian machine while cargo-deb would be compiled first. Prints the
# path of the package.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

version="" binary="" out="$root/target/debian"
while [ $# -gt 0 ]; do
  case $1 in
    --version) version=$2; shift 2 ;;
    --binary) binary=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "package.sh: unknown argument $1 (--version V, --binary PATH, --out DIR)" >&2; exit 2 ;;
  esac
done

. scripts/lib/deps.sh
need package.sh dpkg-dev:dpkg-shlibdeps fakeroot:fakeroot binutils:strip

[ -n "$version" ] || version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)
arch=$(dpkg --print-architecture)
# Debian's convention for who builds a package: DEBFULLNAME and DEBEMAIL.
maintainer="${DEBFULLNAME:-hakit developers} <${DEBEMAIL:-hakit@example.org}>"
if [ -z "$binary" ]; then
  HAKIT_COMMIT=${HAKIT_COMMIT:-$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)} \
    cargo build --release --locked --quiet
  binary=${CARGO_TARGET_DIR:-$root/target}/release/hakit
fi

mkdir -p "$out"
stage=$(mktemp -d "$out/stage.XXXXXX")
trap 'rm -rf "$stage"' EXIT
pkg=$stage/root
umask 022

# The binary and its hakit-GROUP links (hakit links' names), relative as policy asks. The
# ipvsadm personality is not linked: Debian's ipvsadm owns that name.
install -D -m 0755 "$binary" "$pkg/usr/sbin/hakit"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$pkg/usr/sbin/hakit"
"$pkg/usr/sbin/hakit" links "$pkg/usr/sbin" >/dev/null
for l in "$pkg"/usr/sbin/hakit-*; do ln -sfn hakit "$l"; done

# Man pages and completions, as committed (generated from the clap definitions).
mkdir -p "$pkg/usr/share/man/man1"
for m in man/*.1; do gzip -9n <"$m" >"$pkg/usr/share/man/man1/$(basename "$m").gz"; done
install -D -m 0644 completions/hakit.bash "$pkg/usr/share/bash-completion/completions/hakit"
install -D -m 0644 completions/_hakit "$pkg/usr/share/zsh/vendor-completions/_hakit"
install -D -m 0644 completions/hakit.fish "$pkg/usr/share/fish/vendor_completions.d/hakit.fish"

# systemd units (installed disabled), /run/hakit through tmpfiles.d, the examples in
# /etc/hakit as conffiles.
for u in scripts/systemd/*.service; do
  install -D -m 0644 "$u" "$pkg/lib/systemd/system/$(basename "$u")"
done
install -d "$pkg/usr/lib/tmpfiles.d"
echo "d /run/hakit 0755 root root -" >"$pkg/usr/lib/tmpfiles.d/hakit.conf"
install -d "$pkg/etc/hakit"
for f in scripts/etc/*; do install -m 0644 "$f" "$pkg/etc/hakit/"; done

# Documentation: copyright (machine-readable), changelog (a native package's).
doc=$pkg/usr/share/doc/hakit
install -d "$doc"
cat >"$doc/copyright" <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: hakit

Files: *
Copyright: 2026 the hakit developers
License: MIT or Apache-2.0

License: MIT or Apache-2.0
 hakit is licensed under either of the MIT license or the Apache License, Version 2.0,
 at your option.
 .
 Permission is hereby granted, free of charge, to any person obtaining a copy of this
 software and associated documentation files (the "Software"), to deal in the Software
 without restriction, including without limitation the rights to use, copy, modify,
 merge, publish, distribute, sublicense, and/or sell copies of the Software, and to
 permit persons to whom the Software is furnished to do so, subject to the following
 conditions:
 .
 The above copyright notice and this permission notice shall be included in all copies
 or substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
 INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A
 PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT
 HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF
 CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR
 THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 .
 On Debian systems, the complete text of the Apache License, Version 2.0 can be found
 in /usr/share/common-licenses/Apache-2.0.
EOF
commit=$("$pkg/usr/sbin/hakit" --version | sed -n 's/.*(commit \(.*\))$/\1/p')
{
  echo "hakit ($version) unstable; urgency=medium"
  echo
  echo "  * Built from commit ${commit:-unknown}."
  echo
  echo " -- $maintainer  $(date -R -u -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}")"
} | gzip -9n >"$doc/changelog.gz"

# Control files. Depends: what the binary links against (dpkg-shlibdeps); what it runs
# or loads is recommended (rsync, ip, nft and libnftables) or suggested.
ctl=$pkg/DEBIAN
install -d "$ctl"
(cd "$pkg/etc" && find hakit -type f | sort | sed 's|^|/etc/|') >"$ctl/conffiles"
mkdir -p "$stage/debian"
printf 'Source: hakit\n\nPackage: hakit\nArchitecture: any\n' >"$stage/debian/control"
depends=$(cd "$stage" && dpkg-shlibdeps -O -e"root/usr/sbin/hakit" | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "package.sh: dpkg-shlibdeps named no dependency of $binary" >&2; exit 1; }
size=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
cat >"$ctl/control" <<EOF
Package: hakit
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $size
Depends: $depends
Recommends: rsync, iproute2, nftables
Suggests: keepalived, ipvsadm, bird2
Section: net
Priority: optional
Description: scriptable load-balancer high availability (LVS/IPVS, nftables, VRRP)
 hakit is one multi-call binary of stateless, composable subcommands for
 Linux load-balancer clusters: VIPs on interfaces with gratuitous ARP,
 real-server preparation for LVS-DR, IPVS rules with an ipvsadm personality,
 the same services on nftables, health checks with keepalived's semantics,
 the checker that keeps real servers in line with their health, a VRRP v2/v3
 speaker wire-compatible with keepalived, VIP announcement over BGP through
 BIRD, content sync over rsync, and Prometheus metrics under the names of
 keepalived-exporter.
 .
 The systemd units hakit-vrrp@, hakit-lb, hakit-sync-watch@ and hakit-bgp
 are installed disabled; /etc/hakit holds commented examples.
EOF

# Maintainer scripts. An upgrade does not restart running units: a restart of a VRRP
# master moves its VIPs away and back. The new binary runs from the next restart, which
# is the admin's to choose (systemctl restart hakit-vrrp@NAME on the backup first).
cat >"$ctl/postinst" <<'EOF'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
    if [ -d /run/systemd/system ]; then
        systemctl --system daemon-reload >/dev/null || true
    fi
    if command -v systemd-tmpfiles >/dev/null 2>&1; then
        systemd-tmpfiles --create hakit.conf >/dev/null || true
    else
        mkdir -p /run/hakit
    fi
fi
exit 0
EOF
cat >"$ctl/prerm" <<'EOF'
#!/bin/sh
set -e
# On removal (not on upgrade) the running units stop: their binary goes.
if [ "$1" = remove ] && [ -d /run/systemd/system ]; then
    units=$(systemctl list-units --plain --no-legend --all 'hakit-*' 2>/dev/null | awk '{print $1}')
    [ -z "$units" ] || deb-systemd-invoke stop $units >/dev/null || true
fi
exit 0
EOF
cat >"$ctl/postrm" <<'EOF'
#!/bin/sh
set -e
if [ "$1" = remove ] && [ -d /run/systemd/system ]; then
    systemctl --system daemon-reload >/dev/null || true
fi
if [ "$1" = purge ]; then
    # The sync queues and state; dpkg removes the conffiles of /etc/hakit itself.
    rm -rf /var/lib/hakit /run/hakit
    rmdir /etc/hakit 2>/dev/null || true
fi
exit 0
EOF
chmod 0755 "$ctl/postinst" "$ctl/prerm" "$ctl/postrm"
(cd "$pkg" && find . -type f ! -path './DEBIAN/*' ! -path './etc/*' -printf '%P\0' | sort -z |
  xargs -0 md5sum) >"$ctl/md5sums"

deb=$out/hakit_${version}_${arch}.deb
fakeroot dpkg-deb --build -Zxz --root-owner-group "$pkg" "$deb" >/dev/null
echo "$deb"
