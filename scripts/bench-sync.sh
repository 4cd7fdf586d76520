#!/usr/bin/env bash
# Sync benchmark: `hakit sync push --watch` against a full `rsync -a` per change (what a
# cron job or an inotifywait loop around rsync does), both to an rsync daemon on loopback.
#
#   scripts/bench-sync.sh        # BASE=2000 files in the tree, SINGLES=50, BURST=1000
#
# Single changes: one file written, then the time until the target holds it (median and
# p99 over SINGLES changes). Burst: BURST small files written at once; the time until the
# target holds them all, the rsync runs it took and the bytes sent. The peer: a full
# `rsync -a --stats` after each change, its duration and bytes sent; the burst's cost for
# the peer is BURST such runs (measured on SINGLES of them). Targets: median under 500 ms
# for single changes; the burst in a handful of rsync runs, not BURST.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/deps.sh
need bench-sync.sh rsync:rsync python3:python3
if [ -z "${HAKIT:-}" ]; then
  cargo build --quiet --release
  HAKIT=$PWD/target/release/hakit
fi
export HAKIT BASE=${BASE:-2000} SINGLES=${SINGLES:-50} BURST=${BURST:-1000}
exec python3 - <<'PY'
import json, os, shutil, socket, statistics, subprocess, tempfile, time

hakit, base, singles, burst = os.environ["HAKIT"], int(os.environ["BASE"]), int(os.environ["SINGLES"]), int(os.environ["BURST"])
work = tempfile.mkdtemp(prefix="bench-sync-")
procs = []
try:
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
    src, dst, peer = (os.path.join(work, d) for d in ("src", "dst", "peer"))
    for d in (src, dst, peer):
        os.makedirs(d)
    uid, gid = os.getuid(), os.getgid()
    with open(os.path.join(work, "rsyncd.conf"), "w") as f:
        f.write(f"use chroot = no\npid file = {work}/rsyncd.pid\n"
                f"[hakit]\npath = {dst}\nread only = no\nuid = {uid}\ngid = {gid}\n"
                f"[peer]\npath = {peer}\nread only = no\nuid = {uid}\ngid = {gid}\n")
    procs.append(subprocess.Popen(["rsync", "--daemon", "--no-detach", "--address", "127.0.0.1",
                                   "--port", str(port), "--config", f"{work}/rsyncd.conf"]))
    for i in range(base):
        d = os.path.join(src, f"d{i % 20}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"page{i}.html"), "w") as f:
            f.write(f"<p>page {i}</p>\n" * 20)
    time.sleep(0.3)
    url = lambda m: f"rsync://127.0.0.1:{port}/{m}"
    log = os.path.join(work, "watch.log")
    procs.append(subprocess.Popen([hakit, "-v", "--log-file", log, "--state-dir", f"{work}/state",
                                   "sync", "push", src, url("hakit"), "--watch", "--initial"]))
    def wait_for(path, content, limit=30):
        t0 = time.monotonic()
        while time.monotonic() - t0 < limit:
            try:
                with open(path, "rb") as f:
                    if f.read() == content:
                        return time.monotonic()
            except OSError:
                pass
            time.sleep(0.002)
        raise SystemExit(f"timed out waiting for {path}")
    wait_for(os.path.join(dst, "d0", "page0.html"), b"<p>page 0</p>\n" * 20)
    time.sleep(1.5)

    def pushes():
        try:
            return [l for l in open(log) if ": pushed " in l]
        except OSError:
            return []
    lat = []
    for i in range(singles):
        body = f"single change {i} {time.time()}\n".encode()
        t0 = time.monotonic()
        with open(os.path.join(src, f"d{i % 20}", f"single{i}.html"), "wb") as f:
            f.write(body)
        t1 = wait_for(os.path.join(dst, f"d{i % 20}", f"single{i}.html"), body)
        lat.append((t1 - t0) * 1000)
        time.sleep(0.15)
    lat.sort()
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
    print(f"hakit watch, single changes: median {statistics.median(lat):.0f} ms, p99 {p99:.0f} ms "
          f"(debounce 100 ms), over {singles} changes to a {base}-file tree")

    before = len(pushes())
    t0 = time.monotonic()
    for i in range(burst):
        with open(os.path.join(src, f"d{i % 20}", f"burst{i}.html"), "w") as f:
            f.write(f"burst {i}\n")
    last = f"burst {burst - 1}\n".encode()
    wait_for(os.path.join(dst, f"d{(burst - 1) % 20}", f"burst{burst - 1}.html"), last)
    for i in range(burst):
        wait_for(os.path.join(dst, f"d{i % 20}", f"burst{i}.html"), f"burst {i}\n".encode())
    took = (time.monotonic() - t0) * 1000
    time.sleep(0.5)
    runs = pushes()[before:]
    sent = sum(int(l.split(" bytes sent")[0].split()[-1]) for l in runs if " bytes sent" in l)
    print(f"hakit watch, burst of {burst} files: all on the target in {took:.0f} ms, "
          f"{len(runs)} rsync runs, {sent:,} bytes sent")

    # The peer: a full rsync -a after every change.
    shutil.rmtree(peer); os.makedirs(peer)
    subprocess.run(["rsync", "-a", src + "/", url("peer") + "/"], check=True)
    durs, bytes_ = [], []
    for i in range(singles):
        with open(os.path.join(src, f"d{i % 20}", f"peer{i}.html"), "w") as f:
            f.write(f"peer change {i}\n")
        t0 = time.monotonic()
        out = subprocess.run(["rsync", "-a", "--stats", src + "/", url("peer") + "/"],
                             check=True, capture_output=True, text=True).stdout
        durs.append((time.monotonic() - t0) * 1000)
        bytes_.append(int(next(l for l in out.splitlines() if l.startswith("Total bytes sent"))
                          .split(":")[1].strip().replace(",", "")))
    fm, fb = statistics.median(durs), statistics.median(bytes_)
    print(f"full rsync -a per change: median {fm:.0f} ms and {fb:,.0f} bytes sent per change; "
          f"a burst of {burst} = {burst} runs, ~{burst * fm / 1000:.1f} s and ~{burst * fb:,.0f} bytes")
    print(f"ratio: burst bytes {burst * fb / max(sent, 1):.0f}x fewer with hakit, "
          f"rsync runs {burst / max(len(runs), 1):.0f}x fewer, burst time {burst * fm / took:.1f}x shorter")
    ok = statistics.median(lat) < 500 and len(runs) <= 10
    print("target (median < 500 ms, burst in a handful of runs):", "met" if ok else "NOT met")
finally:
    for p in procs:
        p.terminate()
    for p in procs:
        p.wait()
    shutil.rmtree(work, ignore_errors=True)
PY
