#!/usr/bin/env python3
"""TCP servers and clients for the data-plane tests and the labs (run inside namespaces).

  flows.py serve NAME PORT [HTTP_PORT]   one line "NAME" per connection, then echo lines;
                                         with HTTP_PORT, also an HTTP server answering NAME
  flows.py count HOST PORT N             N new connections; prints {"NAME": count, ...}
  flows.py flows HOST PORT SPORT N       N connections from source ports SPORT.. SPORT+N-1;
                                         prints ["NAME", ...] (null for a failed one)
  flows.py hold HOST PORT N SECS         N connections held SECS seconds, each echoing a
                                         line every 0.1 s; prints {"names": [...], "broken": k}
  flows.py churn HOST PORT N             N connections held (each echoing a line every 0.1 s)
                                         while a new one opens every 20 ms; prints {"open": N},
                                         then reads marks on stdin: "phase NAME" starts a
                                         phase, "end" stops and prints one JSON line per
                                         phase: held connections broken (and on which
                                         server), new connections tried and failed, and the
                                         last failure's time (seconds since the phase began)
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


def churn(host, port, n):
    lock = threading.Lock()
    def begin(name):
        return {"phase": name, "t0": time.time(), "broken": 0, "broken_on": {}, "new": 0,
                "new_failed": 0, "last_failure": None}

    phases = [begin("start")]
    stop = threading.Event()

    def note(what, server=None):
        with lock:
            p = phases[-1]
            p[what] += 1
            if server:
                p["broken_on"][server] = p["broken_on"].get(server, 0) + 1
            if what == "new_failed":
                p["last_failure"] = round(time.time() - p["t0"], 3)

    conns = []
    for _ in range(int(n)):
        s, name = one(host, port, timeout=3.0)
        conns.append((s, s.makefile("rb"), name))

    def held(s, f, name):
        # A connection is broken when it is reset or closed, or answers nothing for 20 s
        # (TCP retransmits across a longer outage and the connection lives on).
        s.settimeout(20.0)
        while not stop.is_set():
            try:
                s.sendall(b"ping\n")
                if f.readline() != b"ping\n":
                    raise OSError("no echo")
            except OSError:
                note("broken", name)
                return
            time.sleep(0.1)

    def fresh():
        while not stop.is_set():
            note("new")
            try:
                s, name = one(host, port, timeout=0.3)
                s.close()
                if not name:
                    raise OSError("no name")
            except OSError:
                note("new_failed")
            time.sleep(0.02)

    threads = [threading.Thread(target=held, args=c, daemon=True) for c in conns]
    threads.append(threading.Thread(target=fresh, daemon=True))
    for t in threads:
        t.start()
    names = {}
    for c in conns:
        names[c[2]] = names.get(c[2], 0) + 1
    print(json.dumps({"open": len(conns), "on": names}), flush=True)
    for line in sys.stdin:
        w = line.split()
        if w[:1] == ["phase"]:
            with lock:
                phases.append(begin(" ".join(w[1:])))
        elif w[:1] == ["end"]:
            break
    stop.set()
    with lock:
        for p in phases:
            p = dict(p)
            del p["t0"]
            print(json.dumps(p), flush=True)


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"serve": serve, "count": count, "flows": flows, "hold": hold, "churn": churn}[cmd](*args)
