#!/usr/bin/env bash
# Run a command inside Debian's stock kernel under qemu: for tests that need kernel IPVS,
# which the host kernel lacks (see ../shared/docs/ipvs-under-qemu.md for the facts this
# follows).
#
#   scripts/vm/run.sh [-t SECS] [-f FILE]... [--] 'shell command'
#
# The command runs under bash in /payload, where each -f FILE is copied (by basename);
# $HAKIT, when set, is copied there as `hakit` and linked as /usr/sbin/ipvsadm-hakit.
# Its output comes back on stdout; the exit code is the command's, 124 on timeout, 125 if
# the VM died without reporting one. The kernel's console is kept in $VMDIR/console.log.
#
# Built once and cached in target/vm (HAKIT_VM_DIR): the kernel package fetched with
# apt-get download and unpacked (never installed), its vmlinux extracted (a PVH kernel boots
# from it directly, 5 s faster than the bzImage under TCG), and a base initramfs of
# busybox, bash, iproute2, ipvsadm, nft and the IPVS, veth, bridge and ipip modules (not
# nf_tables').
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cache=${HAKIT_VM_DIR:-$top/target/vm}
timeout_s=120
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    -t) timeout_s=$2; shift 2 ;;
    -f) files+=("$2"); shift 2 ;;
    --) shift; break ;;
    -*) echo "vm/run.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { echo "usage: scripts/vm/run.sh [-t SECS] [-f FILE]... -- 'command'" >&2; exit 2; }
cmd=$*

. "$top/scripts/lib/deps.sh"
need_tools() {
  need vm/run.sh qemu-system-x86:qemu-system-x86_64 busybox-static:busybox ipvsadm:ipvsadm \
    kmod:depmod cpio:cpio xz-utils:xz iproute2:ip nftables:nft
}

kernel() {
  if [ -s "$cache/vmlinux" ] && [ -s "$cache/kver" ]; then return; fi
  mkdir -p "$cache"
  local pkg
  pkg=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-/ {print $2; exit}')
  if [ -z "$pkg" ]; then
    apt-get update -qq
    pkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-/ {print $2; exit}')
  fi
  rm -rf "$cache/root" "$cache"/*.deb
  (cd "$cache" && apt-get download -qq "$pkg" 2>/dev/null)
  dpkg -x "$cache"/"$pkg"_*.deb "$cache/root"
  rm -f "$cache"/*.deb
  local kver
  kver=$(ls "$cache/root/lib/modules")
  depmod -b "$cache/root" "$kver"
  # The bzImage carries an xz-compressed ELF kernel: find the stream and unpack it.
  local z="$cache/root/boot/vmlinuz-$kver" off
  for off in $(LC_ALL=C grep -obUaP '\xfd7zXZ\x00' "$z" | cut -d: -f1); do
    tail -c +$((off + 1)) "$z" | xz -dc > "$cache/vmlinux" 2>/dev/null || true
    if [ "$(head -c 4 "$cache/vmlinux" | od -An -tx1 | tr -d ' ')" = 7f454c46 ]; then
      echo "$kver" > "$cache/kver"
      return
    fi
  done
  echo "vm/run.sh: no ELF kernel found in $z" >&2
  exit 125
}

base() {
  local stamp="$cache/base.cpio.gz"
  if [ -s "$stamp" ] && [ "$stamp" -nt "$0" ]; then return; fi
  local kver st
  kver=$(cat "$cache/kver")
  st=$(mktemp -d)
  mkdir -p "$st"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,run,payload,etc,lib/modules/"$kver"}
  cp /bin/busybox "$st/bin/busybox"
  cp /bin/bash "$st/bin/bash"
  ln -s bash "$st/bin/sh"
  cp "$(command -v ip)" "$st/usr/sbin/ip"
  cp "$(command -v ipvsadm || echo /usr/sbin/ipvsadm)" "$st/usr/sbin/ipvsadm"
  # nft without the nf_tables modules: what the nft data plane says on such a kernel.
  cp "$(command -v nft)" "$st/usr/sbin/nft"
  for a in $("$st/bin/busybox" --list); do
    [ -e "$st/bin/$a" ] || [ "$a" = ip ] || ln -s busybox "$st/bin/$a"
  done
  for a in modprobe insmod poweroff; do ln -sf ../bin/busybox "$st/sbin/$a"; done
  local lib
  for lib in $(ldd /bin/bash "$(command -v ip)" "$(command -v ipvsadm || echo /usr/sbin/ipvsadm)" "$(command -v nft)" | awk '/=>/ {print $3} /ld-linux/ {print $1}' | sort -u); do
    mkdir -p "$st$(dirname "$lib")"
    cp -L "$lib" "$st$lib"
  done
  # libgcc_s for Rust binaries, the loader at its canonical path.
  for lib in /lib/x86_64-linux-gnu/libgcc_s.so.1 /lib64/ld-linux-x86-64.so.2; do
    [ -e "$lib" ] && { mkdir -p "$st$(dirname "$lib")"; cp -L "$lib" "$st$lib"; }
  done
  # Modules: IPVS and its schedulers, and what the data-path tests build networks with.
  local m mods=(ip_vs ip_vs_rr ip_vs_wrr ip_vs_lc ip_vs_wlc ip_vs_lblc ip_vs_lblcr ip_vs_dh ip_vs_sh
                ip_vs_sed ip_vs_nq ip_vs_fo ip_vs_ovf ip_vs_mh ip_vs_pe_sip veth bridge dummy ipip
                ip6_tunnel macvlan)
  : > "$st/modules.order"
  for m in "${mods[@]}"; do
    modprobe -d "$cache/root" -S "$kver" --show-depends "$m" 2>/dev/null | awk '$1 == "insmod" {print $2}' |
    while read -r ko; do
      local rel=${ko#"$cache/root"}
      grep -qxF "$rel" "$st/modules.order" && continue
      mkdir -p "$st$(dirname "$rel")"
      cp "$ko" "$st$rel"
      echo "$rel" >> "$st/modules.order"
    done
  done
  cp "$cache/root/lib/modules/$kver"/modules.{dep,alias,symbols,builtin,order} "$st/lib/modules/$kver/" 2>/dev/null || true
  cat > "$st/init" <<'EOF'
#!/bin/bash
export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TERM=dumb LD_LIBRARY_PATH=/payload/lib
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
mount -t tmpfs tmp /tmp; mount -t tmpfs run /run
echo /sbin/modprobe > /proc/sys/kernel/modprobe
while read -r ko; do insmod "$ko" 2>/dev/null; done < /modules.order
ip link set lo up
stty -F /dev/ttyS1 raw -echo 2>/dev/null; stty -F /dev/ttyS2 raw -echo 2>/dev/null
[ -x /payload/hakit ] && ln -sf /payload/hakit /usr/sbin/hakit
cd /payload
bash /payload/run > /dev/ttyS1 2>&1
echo "rc=$?" > /dev/ttyS2
sync
poweroff -f
EOF
  chmod +x "$st/init"
  (cd "$st" && find . | cpio -o -H newc --quiet | gzip -1) > "$stamp.tmp.$$"
  mv "$stamp.tmp.$$" "$stamp"
  rm -rf "$st"
}

need_tools
kernel
base

VMDIR=${VMDIR:-$(mktemp -d)}
pay=$(mktemp -d)
mkdir -p "$pay/payload"
printf '%s\n' "$cmd" > "$pay/payload/run"
for f in "${files[@]}"; do cp -L "$f" "$pay/payload/"; done
if [ -n "${HAKIT:-}" ]; then
  objcopy --strip-debug "$HAKIT" "$pay/payload/hakit" 2>/dev/null || cp "$HAKIT" "$pay/payload/hakit"
  # Its shared libraries, whatever they are, in /payload/lib (LD_LIBRARY_PATH in /init).
  mkdir -p "$pay/payload/lib"
  for lib in $(ldd "$HAKIT" | awk '/=>/ {print $3}'); do cp -L "$lib" "$pay/payload/lib/"; done
fi
(cd "$pay" && find payload | cpio -o -H newc --quiet | gzip -1) > "$pay/payload.cpio.gz"
cat "$cache/base.cpio.gz" "$pay/payload.cpio.gz" > "$VMDIR/initrd.gz"
rm -rf "$pay"
: > "$VMDIR/out.log"; : > "$VMDIR/rc.log"

set +e
timeout "$timeout_s" qemu-system-x86_64 -M pc -cpu qemu64 -m 1024 -smp 1 -accel tcg -nodefaults \
  -no-reboot -display none -kernel "$cache/vmlinux" -initrd "$VMDIR/initrd.gz" \
  -append "console=ttyS0 panic=-1 quiet" \
  -serial "file:$VMDIR/console.log" -serial "file:$VMDIR/out.log" -serial "file:$VMDIR/rc.log" \
  </dev/null >/dev/null 2>"$VMDIR/qemu.err"
qrc=$?
set -e
tr -d '\r' < "$VMDIR/out.log"
rc=$(tr -d '\r' < "$VMDIR/rc.log" | sed -n 's/^rc=\([0-9]*\).*/\1/p' | head -n1)
if [ "$qrc" -eq 124 ]; then
  echo "vm/run.sh: timed out after ${timeout_s}s (console: $VMDIR/console.log)" >&2
  exit 124
fi
if [ -z "$rc" ]; then
  echo "vm/run.sh: the VM ended without an exit code (console: $VMDIR/console.log)" >&2
  tail -n 20 "$VMDIR/console.log" >&2 || true
  exit 125
fi
exit "$rc"
