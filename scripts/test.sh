#!/usr/bin/env bash
# Install what the tests need, then run every test: formatting, lints, unit tests and the
# integration tests (privileged ones build their own network namespaces and need root).
#
#   sudo scripts/test.sh
#
# CI runs exactly this (.ci/run) as root with CI=true; there a privileged test that
# cannot run is a failure, not a skip.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use, as package:command pairs.
deps=(iproute2:ip util-linux:setpriv procps:sysctl keepalived:keepalived curl:curl python3:python3
      qemu-system-x86:qemu-system-x86_64 busybox-static:busybox ipvsadm:ipvsadm kmod:depmod
      cpio:cpio xz-utils:xz binutils:objcopy nginx:nginx coreutils:md5sum rsync:rsync
      nftables:nft bird2:bird prometheus:promtool lintian:lintian dpkg-dev:dpkg-shlibdeps
      fakeroot:fakeroot man-db:man systemd:systemd-analyze git:git)

. scripts/lib/deps.sh
need test.sh "${deps[@]}"

if [ "${CI:-}" = "true" ] && [ "$(id -u)" -ne 0 ]; then
  echo "test.sh: CI=true but not root: the privileged tests would be skipped" >&2
  exit 1
fi

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --quiet --all-targets -- -D warnings
echo "== cargo test"
# Namespace tests in parallel; the floods (solo_*) and the qemu tests (vm_*) afterwards,
# so their CPU does not compete with the timing of the VRRP tests.
cargo test --all-targets -- --test-threads 8 --skip vm_ --skip pkg_ --skip solo_
echo "== cargo test (alone: floods that would load the timing of the others)"
cargo test --test main solo_ -- --test-threads 1
echo "== cargo test (IPVS under qemu)"
cargo test --test main vm_ -- --test-threads 1
# The Debian package: a release build, then dpkg on this machine, alone.
echo "== cargo test (the Debian package)"
cargo test --test main pkg_ -- --test-threads 1
