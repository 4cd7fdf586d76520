#!/usr/bin/env python3
"""TCP servers and clients for the data-plane tests (run inside test namespaces).

  flows.py serve NAME PORT [HTTP_PORT]   one line "NAME" per connection, then echo lines;
                                         with HTTP_PORT, also an HTTP server answering NAME
  flows.py count HOST PORT N             N new connections; prints {"NAME": count, ...}
  flows.py flows HOST PORT SPORT N       N connections from source ports SPORT.. SPORT+N-1;
                                         prints ["NAME", ...] (null for a failed one)
  flows.py hold HOST PORT N SECS         N connections held SECS seconds, each echoing a
                                         line every 0.1 s; prints {"names": [...], "broken": k}
"""
import http.server
import json
import socket
import socketserver
import struct
import sys
import threading
import time


def serve(name, port, http_port=None):
    class Echo(socketserver.BaseRequestHandler):
        def handle(self):
            s = self.request
            try:
                s.sendall((name + "\n").encode())
                while True:
                    d = s.recv(4096)
                    if not d:
                        return
                    s.sendall(d)
            except OSError:
                return

    class T(socketserver.ThreadingTCPServer):
        # Both families: "::" takes IPv4 as mapped addresses too.
        address_family = socket.AF_INET6
        allow_reuse_address = True
        daemon_threads = True
        request_queue_size = 1024

    if http_port:
        class H(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = (name + "\n").encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *a):
                pass

        hs = http.server.ThreadingHTTPServer(("0.0.0.0", int(http_port)), H)
        threading.Thread(target=hs.serve_forever, daemon=True).start()
    T(("::", int(port)), Echo).serve_forever()


def one(host, port, sport=None, timeout=2.0):
    s = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Close with a reset: no TIME_WAIT, so a source port can be used again at once.
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.settimeout(timeout)
    if sport is not None:
        s.bind(("", sport))
    s.connect((host, int(port)))
    f = s.makefile("rb")
    return s, f.readline().decode().strip()


def count(host, port, n):
    out = {}
    for _ in range(int(n)):
        try:
            s, name = one(host, port)
            s.close()
        except OSError:
            name = "failed"
        out[name] = out.get(name, 0) + 1
    print(json.dumps(out))


def flows(host, port, sport, n):
    names = []
    for i in range(int(n)):
        try:
            s, name = one(host, port, int(sport) + i)
            s.close()
        except OSError:
            name = None
        names.append(name)
    print(json.dumps(names))


def hold(host, port, n, secs):
    conns = []
    for _ in range(int(n)):
        for attempt in range(3):
            try:
                s, name = one(host, port, timeout=3.0)
                break
            except OSError as e:
                if attempt == 2:
                    raise SystemExit(f"hold: cannot open a connection to {host}:{port}: {e}")
        conns.append((s, s.makefile("rb"), name))
    # A first line says every connection is open: the caller changes things only then.
    print(json.dumps({"open": len(conns)}), flush=True)
    broken = set()
    end = time.time() + float(secs)
    while time.time() < end:
        for i, (s, f, _) in enumerate(conns):
            if i in broken:
                continue
            try:
                s.sendall(b"ping\n")
                if f.readline() != b"ping\n":
                    broken.add(i)
            except OSError:
                broken.add(i)
        time.sleep(0.1)
    print(json.dumps({"names": [c[2] for c in conns], "broken": len(broken)}))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"serve": serve, "count": count, "flows": flows, "hold": hold}[cmd](*args)
