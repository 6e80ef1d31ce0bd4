#!/usr/bin/env python3
"""A loopback HTTP server for Convene's URL tests, started and killed by the tests.

Usage: serve.py ROOT — binds 127.0.0.1 on a free port, prints the port on the
first line of stdout, and serves until killed. Files are read from ROOT at each
request, so a test changes what is served by rewriting a file. Every request is
appended to ROOT/requests.log as one line: METHOD PATH | If-None-Match | If-Modified-Since.

Routes:
  /etag/NAME           ROOT/NAME with an ETag (hash of the content); If-None-Match → 304
  /lm/NAME             ROOT/NAME with Last-Modified (the file's mtime); If-Modified-Since → 304
  /status/CODE         that status, with a short body
  /redirect/N/NAME     N redirects in a chain: 302 to /redirect/N-1/NAME, and /redirect/1/NAME to /etag/NAME
  /redirect-file       302 to file:///etc/passwd
  /slow/SECONDS/NAME   waits, then serves ROOT/NAME
  /short/NAME          announces ROOT/NAME's length, sends half, closes the connection
  /live/NAME           as the route named in ROOT/behaviour (default "etag"), e.g. "short" or
                       "status/500": one URL whose behaviour a test changes between runs
"""
import email.utils
import hashlib
import http.server
import os
import sys
import time

ROOT = sys.argv[1]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def record(self):
        with open(os.path.join(ROOT, "requests.log"), "a") as log:
            log.write("%s %s | %s | %s\n" % (self.command, self.path, self.headers.get("If-None-Match", "-"),
                                              self.headers.get("If-Modified-Since", "-")))

    def send_body(self, code, body, headers=()):
        self.send_response(code)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def read(self, name):
        path = os.path.join(ROOT, os.path.basename(name.split("?")[0]))
        with open(path, "rb") as f:
            return f.read(), os.stat(path).st_mtime

    def do_GET(self):
        self.record()
        parts = self.path.split("?")[0].strip("/").split("/")
        if parts[0] == "live":
            try:
                with open(os.path.join(ROOT, "behaviour")) as f:
                    behaviour = f.read().strip() or "etag"
            except FileNotFoundError:
                behaviour = "etag"
            parts = behaviour.split("/") + parts[1:]
        try:
            if parts[0] == "etag":
                body, _ = self.read(parts[1])
                tag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
                if self.headers.get("If-None-Match") == tag:
                    self.send_response(304)
                    self.send_header("ETag", tag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                else:
                    self.send_body(200, body, [("ETag", tag)])
            elif parts[0] == "lm":
                body, mtime = self.read(parts[1])
                stamp = email.utils.formatdate(int(mtime), usegmt=True)
                since = self.headers.get("If-Modified-Since")
                if since and email.utils.parsedate_to_datetime(since).timestamp() >= int(mtime):
                    self.send_response(304)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                else:
                    self.send_body(200, body, [("Last-Modified", stamp)])
            elif parts[0] == "status":
                self.send_body(int(parts[1]), b"no schedule here\n")
            elif parts[0] == "redirect":
                n = int(parts[1])
                target = "/etag/%s" % parts[2] if n <= 1 else "/redirect/%d/%s" % (n - 1, parts[2])
                self.send_body(302, b"", [("Location", target)])
            elif parts[0] == "redirect-file":
                self.send_body(302, b"", [("Location", "file:///etc/passwd")])
            elif parts[0] == "slow":
                time.sleep(float(parts[1]))
                body, _ = self.read(parts[2])
                self.send_body(200, body)
            elif parts[0] == "short":
                body, _ = self.read(parts[1])
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
            else:
                self.send_body(404, b"unknown route\n")
        except FileNotFoundError:
            self.send_body(404, b"no such file\n")
        except (BrokenPipeError, ConnectionResetError):
            pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
