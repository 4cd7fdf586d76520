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
      cpio:cpio xz-utils:xz binutils:objcopy nginx:nginx coreutils:md5sum rsync:rsync)

missing=()
for d in "${deps[@]}"; do
  command -v "${d#*:}" >/dev/null 2>&1 || missing+=("${d%%:*}")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: missing ${missing[*]}; install them (Debian: apt-get install ${missing[*]}) or run as root" >&2
    exit 1
  fi
  echo "test.sh: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${CI:-}" = "true" ] && [ "$(id -u)" -ne 0 ]; then
  echo "test.sh: CI=true but not root: the privileged tests would be skipped" >&2
  exit 1
fi

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --quiet --all-targets -- -D warnings
echo "== cargo test"
# Namespace tests in parallel; the qemu tests (vm_*) afterwards, so their emulated CPU
# does not compete with the timing of the VRRP tests.
cargo test --all-targets -- --test-threads 8 --skip vm_
echo "== cargo test (IPVS under qemu)"
cargo test --test main vm_ -- --test-threads 1
