#!/usr/bin/env python3
"""HTTP and JSON probes for test_standin.sh (standard library only).

  standin_probe.py ports N                 N free TCP ports on 127.0.0.1, one per line
  standin_probe.py status URL [METHOD]     HTTP status (no redirects); 000 when unreachable
  standin_probe.py header URL NAME         value of a response header ("" when absent)
  standin_probe.py body URL                response body
  standin_probe.py eval URL EXPR           EXPR over d = the JSON body (redirects followed)
  standin_probe.py master-format URL       checks a master /json/ against Spark's format
  standin_probe.py worker-format URL       checks a worker /json/ against Spark's format
  standin_probe.py printer STANDIN_PY REF  pretty-prints REF/*.json with the stand-in's printer
                                           and compares the bytes (Spark's layout)
Exit status 0 when the probe holds; problems are printed one per line.
"""

import glob
import http.client
import json
import os
import re
import socket
import sys
import time
import urllib.parse

MASTER_KEYS = ["url", "workers", "aliveworkers", "cores", "coresused", "memory", "memoryused",
               "resources", "resourcesused", "activeapps", "completedapps", "activedrivers",
               "completeddrivers", "status"]
WORKER_INFO = [("id", str), ("host", str), ("port", int), ("webuiaddress", str), ("cores", int),
               ("coresused", int), ("coresfree", int), ("memory", int), ("memoryused", int),
               ("memoryfree", int), ("resources", dict), ("resourcesused", dict),
               ("resourcesfree", dict), ("state", str), ("lastheartbeat", int)]
WORKER_STATE = [("id", str), ("masterurl", str), ("masterwebuiurl", str), ("cores", int),
                ("coresused", int), ("memory", int), ("memoryused", int), ("resources", dict),
                ("resourcesused", dict), ("executors", list), ("finishedexecutors", list)]


def fetch(url, method="GET", follow=False):
    for _ in range(5):
        u = urllib.parse.urlsplit(url)
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
        conn.request(method, (u.path or "/") + ("?" + u.query if u.query else ""))
        r = conn.getresponse()
        body = r.read()
        conn.close()
        if follow and r.status in (301, 302, 303, 307, 308):
            url = urllib.parse.urljoin(url, r.getheader("Location"))
            continue
        return r.status, r.getheaders(), body
    raise RuntimeError("too many redirects")


def check_fields(obj, spec, where):
    problems = []
    if list(obj.keys()) != [k for k, _ in spec]:
        problems.append("%s: keys %s, want %s" % (where, list(obj.keys()), [k for k, _ in spec]))
    for key, kind in spec:
        if key in obj and not (type(obj[key]) is kind):
            problems.append("%s: %s is %r, want %s" % (where, key, obj[key], kind.__name__))
    return problems


def master_format(url):
    status, headers, body = fetch(url)
    h = {k.lower(): v for k, v in headers}
    problems = []
    if status != 200:
        problems.append("status %d" % status)
    if h.get("content-type") != "text/json;charset=utf-8":
        problems.append("Content-Type %r" % h.get("content-type"))
    text = body.decode()
    if not text.startswith('{\n  "url" : "spark://'):
        problems.append("not pretty-printed like Spark: %r" % text[:40])
    d = json.loads(text)
    if list(d.keys()) != MASTER_KEYS:
        problems.append("master keys %s" % list(d.keys()))
    now = time.time() * 1000
    for i, w in enumerate(d.get("workers", [])):
        problems += check_fields(w, WORKER_INFO, "workers[%d]" % i)
        if not re.fullmatch(r"worker-\d{14}-[^-]+-\d+", w.get("id", "")):
            problems.append("workers[%d].id %r" % (i, w.get("id")))
        if w.get("state") not in ("ALIVE", "DEAD", "DECOMMISSIONED", "UNKNOWN"):
            problems.append("workers[%d].state %r" % (i, w.get("state")))
        if not now - 3600e3 < w.get("lastheartbeat", 0) <= now + 5e3:
            problems.append("workers[%d].lastheartbeat %r is not epoch ms" % (i, w.get("lastheartbeat")))
        if w.get("memoryfree") != w.get("memory", 0) - w.get("memoryused", 0):
            problems.append("workers[%d].memoryfree" % i)
    alive = [w for w in d.get("workers", []) if w.get("state") == "ALIVE"]
    if d.get("aliveworkers") != len(alive):
        problems.append("aliveworkers %r for %d ALIVE" % (d.get("aliveworkers"), len(alive)))
    if d.get("memory") != sum(w["memory"] for w in alive) or \
            d.get("cores") != sum(w["cores"] for w in alive):
        problems.append("cores/memory are not the sums over ALIVE workers")
    if d.get("resources") != [{} for _ in alive]:
        problems.append("resources %r" % d.get("resources"))
    return problems


def worker_format(url):
    status, headers, body = fetch(url)
    h = {k.lower(): v for k, v in headers}
    problems = [] if status == 200 else ["status %d" % status]
    if h.get("content-type") != "text/json;charset=utf-8":
        problems.append("Content-Type %r" % h.get("content-type"))
    return problems + check_fields(json.loads(body), WORKER_STATE, "worker")


def printer(standin_python, ref_dir):
    sys.path.insert(0, standin_python)
    from sparkdeck_standin.common import pretty_json
    problems = []
    files = sorted(glob.glob(os.path.join(ref_dir, "*.json")) +
                   glob.glob(os.path.join(ref_dir, "api-v1", "*.json")))
    for path in files:
        text = open(path, encoding="utf-8").read()
        value = json.loads(text)
        if _has_nested_list(value):  # written by another printer; never in /json/
            continue
        mine = pretty_json(value)
        if mine != text.rstrip("\n"):
            problems.append("%s: layout differs" % os.path.basename(path))
    if not files:
        problems.append("no reference files in %s" % ref_dir)
    return problems


def _has_nested_list(v):
    if isinstance(v, list):
        return any(isinstance(x, list) or _has_nested_list(x) for x in v)
    if isinstance(v, dict):
        return any(_has_nested_list(x) for x in v.values())
    return False


def main(argv):
    cmd, args = argv[1], argv[2:]
    if cmd == "ports":
        socks = []
        for _ in range(int(args[0])):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        print("\n".join(str(s.getsockname()[1]) for s in socks))
        return 0
    try:
        if cmd == "status":
            print(fetch(args[0], args[1] if len(args) > 1 else "GET")[0])
        elif cmd == "header":
            _, headers, _ = fetch(args[0])
            print({k.lower(): v for k, v in headers}.get(args[1].lower(), ""))
        elif cmd == "body":
            sys.stdout.write(fetch(args[0])[2].decode())
        elif cmd == "eval":
            d = json.loads(fetch(args[0], follow=True)[2])
            print(eval(args[1], {"d": d}))
        elif cmd in ("master-format", "worker-format", "printer"):
            problems = {"master-format": master_format, "worker-format": worker_format,
                        "printer": printer}[cmd](*args)
            for p in problems:
                print(p)
            return 1 if problems else 0
        else:
            print("unknown probe " + cmd)
            return 2
    except (OSError, http.client.HTTPException, ValueError) as e:
        if cmd == "status":
            print("000")
        print("probe failed: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
