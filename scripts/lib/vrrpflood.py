#!/usr/bin/env python3
"""A flood of bad VRRP packets (IPv4, protocol 112) for the fault tests and the benchmark.

  vrrpflood.py DEV SRC VRID RATE SECONDS

Sends RATE packets a second for SECONDS from SRC (an address of DEV) to 224.0.0.18 out of
DEV, cycling through kinds that a VRRPv3 instance with VRID must drop:

  checksum   a v3 advert for VRID at priority 200 with a wrong checksum
  vrid       a valid v3 advert for another VRID (the kernel filter drops it)
  ttl        a valid v3 advert for VRID with TTL 254
  truncated  the first 6 bytes of a v3 advert for VRID
  v2         a v2 advert for VRID with a password (a version mismatch; wrong auth)
  foreign    a valid v3 advert for VRID at priority 254 with a wrong address list

Prints one JSON line at the end: {"sent": N, "seconds": S, "errors": E}.
"""
import json
import socket
import struct
import sys
import time

GROUP = "224.0.0.18"


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def v3(src, vrid, prio, addrs, bad_sum=False):
    body = struct.pack("!BBBBH", 0x31, vrid, prio, len(addrs), 10) + b"\0\0"
    body += b"".join(socket.inet_aton(a) for a in addrs)
    pseudo = socket.inet_aton(src) + socket.inet_aton(GROUP) + struct.pack("!BBH", 0, 112, len(body))
    c = csum(pseudo + body)
    if bad_sum:
        c ^= 0x5A5A
    return body[:6] + struct.pack("!H", c) + body[8:]


def v2(vrid, prio, addrs, password):
    body = struct.pack("!BBBBBBH", 0x21, vrid, prio, len(addrs), 1, 1, 0)
    body += b"".join(socket.inet_aton(a) for a in addrs)
    body += password.encode().ljust(8, b"\0")[:8]
    c = csum(body)
    return body[:6] + struct.pack("!H", c) + body[8:]


def ip(src, payload, ttl=255):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0xC0, 20 + len(payload), 0, 0, ttl, 112, 0,
                      socket.inet_aton(src), socket.inet_aton(GROUP))
    return hdr + payload


def kinds(src, vrid):
    vip = ["10.99.0.90"]
    return [
        ip(src, v3(src, vrid, 200, vip, bad_sum=True)),
        ip(src, v3(src, vrid % 255 + 1, 200, vip)),
        ip(src, v3(src, vrid, 200, vip), ttl=254),
        ip(src, v3(src, vrid, 200, vip)[:6]),
        ip(src, v2(vrid, 200, vip, "wrongpw")),
        ip(src, v3(src, vrid, 254, ["10.99.9.9", "10.99.9.10"])),
    ]


def main():
    dev, src, vrid, rate, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, dev.encode())
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(src))
    packets = kinds(src, vrid)
    dst = (GROUP, 0)
    sent = errors = 0
    t0 = time.monotonic()
    while True:
        elapsed = time.monotonic() - t0
        if elapsed >= seconds:
            break
        due = int(elapsed * rate)
        while sent + errors < due:
            try:
                s.sendto(packets[(sent + errors) % len(packets)], dst)
                sent += 1
            except OSError:
                errors += 1
        time.sleep(0.0005)
    print(json.dumps({"sent": sent, "seconds": round(time.monotonic() - t0, 3), "errors": errors}))


if __name__ == "__main__":
    main()
