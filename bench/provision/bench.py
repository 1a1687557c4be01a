#!/usr/bin/env python3
"""bench/provision: `sparkdeck-cli up` against an Ansible playbook doing the same steps, on
N = 1, 8, 32 lab hosts, with a large distribution from a local file (issue 4, item 12).

A benchmark, not a test: it prints a table and the ratios the issue targets and asserts nothing.
See bench/README.md. Needs root (it starts its own lab hosts with tests/lab/lab-hosts.sh).

For every N and round, each tool gets freshly started lab hosts (lab down + up: /opt is empty,
nothing is cached on any host) and is timed to a running cluster (master ALIVE, every worker
ALIVE). "Controller bytes" is the TX byte counter of the lab's bridge interface in the root
namespace: what this computer sent to the hosts. Frames the bridge forwards from one host to
another are not counted there (--check-counter shows it).
"""

import argparse
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent.parent
LAB_SCRIPT = SOURCE / "tests/lab/lab-hosts.sh"
MAKE_DISTRIBUTION = SOURCE / "tests/lab/spark-standin/make-distribution.sh"
TOOLS = ("sparkdeck", "ansible", "disk-floor", "unpack-floor")
CLUSTER = "bench-provision"
WORKER_CORES, WORKER_MEMORY = 1, "512m"
MiB = 1 << 20


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def load_average():
    return os.getloadavg()[0]


# --- the distribution ---------------------------------------------------------------------

def payload_jar(work, size_mb):
    """A jar (a zip, stored, not deflated) holding size_mb of random bytes, made once and kept."""
    jar = work / "cache" / f"bench-payload-{size_mb}m.jar"
    if jar.exists():
        return jar
    jar.parent.mkdir(parents=True, exist_ok=True)
    log(f"writing {size_mb} MB of random data to {jar} (once)")
    part = jar.with_suffix(".part")
    with zipfile.ZipFile(part, "w", zipfile.ZIP_STORED, allowZip64=True) as z:
        with z.open("bench/payload.bin", "w", force_zip64=True) as out:
            for _ in range(size_mb):
                out.write(os.urandom(MiB))
    part.rename(jar)
    return jar


def build_distribution(work, size_mb):
    """The stand-in tarball with the payload jar under jars/, and its .sha512 as Apache writes it."""
    jar = payload_jar(work, size_mb)
    out = work / f"dist-{size_mb}m"
    with tempfile.TemporaryDirectory(dir=work) as stage:
        stage = Path(stage)
        standin = subprocess.run([str(MAKE_DISTRIBUTION), str(stage / "standin")], check=True,
                                 capture_output=True, text=True).stdout.strip().splitlines()[-1]
        name = Path(standin).name
        subprocess.run(["tar", "-xzf", standin, "-C", str(stage)], check=True)
        top = stage / name[: -len(".tgz")]
        shutil.copyfile(jar, top / "jars" / jar.name)
        out.mkdir(parents=True, exist_ok=True)
        tarball = out / name
        # The payload does not compress: gzip -1 makes the same size as -9, faster.
        subprocess.run(["tar", "--owner=0", "--group=0", "--numeric-owner", "-I", "gzip -1 -n",
                        "-C", str(stage), "-cf", str(tarball) + ".part", top.name], check=True)
    os.replace(str(tarball) + ".part", tarball)
    digest = subprocess.run(["sha512sum", tarball.name], cwd=out, check=True,
                            capture_output=True, text=True).stdout
    (out / (tarball.name + ".sha512")).write_text(digest)
    return tarball


# --- the lab ------------------------------------------------------------------------------

class Lab:
    def __init__(self, directory):
        self.dir = directory
        self.env = dict(os.environ, SPARKDECK_LAB_DIR=str(directory),
                        # Everything either tool writes on a host is private to that host. A
                        # private, empty /root also keeps this machine's root ~/.bashrc (pyenv
                        # init, run by every SSH command) off the hosts, as on a fresh machine.
                        PRIVATE_DIRS="/opt /srv /root")
        self.hosts = []  # [(name, address)]
        self.bridge = None
        self.prefix = None

    def run(self, *arguments):
        subprocess.run(["bash", str(LAB_SCRIPT), *arguments], env=self.env, check=True,
                       stdout=subprocess.DEVNULL)

    def up(self, n):
        self.run("up", str(n))
        self.hosts = [tuple(line.split()) for line in (self.dir / "hosts.txt").read_text().splitlines()]
        state = dict(line.split("=", 1) for line in (self.dir / "lab.state").read_text().splitlines() if "=" in line)
        self.bridge, self.prefix = state["bridge"], state["prefix"]

    def down(self):
        self.run("down")
        self.hosts = []

    def tx_bytes(self):
        return int(Path(f"/sys/class/net/{self.bridge}/statistics/tx_bytes").read_text())

    def sent_by_hosts(self):
        """What each host has sent: the RX counter of its veth's end on the bridge."""
        return [int(Path(f"/sys/class/net/{self.prefix}v{i}/statistics/rx_bytes").read_text())
                for i in range(1, len(self.hosts) + 1)]

    def cap_links(self, mbit):
        for name, _ in self.hosts:
            subprocess.run(["bash", str(LAB_SCRIPT), "exec", name, "--", "tc", "qdisc", "replace", "dev", "eth0",
                            "root", "tbf", "rate", f"{mbit}mbit", "burst", "256kb", "latency", "50ms"],
                           env=self.env, check=True)

    def exec_in(self, host, *command, **popen):
        return subprocess.Popen(["bash", str(LAB_SCRIPT), "exec", host, "--", *command], env=self.env, **popen)


RECEIVER = """
import socket, sys
server = socket.create_server((sys.argv[1], int(sys.argv[2])))
connection, _ = server.accept()
received = 0
while True:
    data = connection.recv(1 << 20)
    if not data:
        break
    received += len(data)
print(received)
"""
SENDER = """
import socket, sys, time
for _ in range(100):
    try:
        connection = socket.create_connection((sys.argv[1], int(sys.argv[2])))
        break
    except OSError:
        time.sleep(0.1)
block = bytes(1 << 20)
for _ in range(int(sys.argv[3])):
    connection.sendall(block)
connection.close()
"""


def check_counter(lab, megabytes=64):
    """Does the bridge's TX counter see host-to-host traffic? Sends megabytes h1 -> h2, then
    this computer -> h1, and prints what the counter saw each time."""
    lab.up(2)
    try:
        (_, a1), (_, a2) = lab.hosts[0], lab.hosts[1]
        rows = []
        for label, sender_host, address in (("h1 -> h2 (forwarded by the bridge)", "h1", a2),
                                            ("controller -> h1", None, a1)):
            receiver = lab.exec_in("h2" if sender_host else "h1", "python3", "-c", RECEIVER, address, "9999",
                                   stdout=subprocess.PIPE, text=True)
            before = lab.tx_bytes()
            if sender_host:
                lab.exec_in(sender_host, "python3", "-c", SENDER, address, "9999", str(megabytes)).wait()
            else:
                subprocess.run([sys.executable, "-c", SENDER, address, "9999", str(megabytes)], check=True)
            received = int(receiver.communicate(timeout=60)[0])
            rows.append((label, received, lab.tx_bytes() - before))
        print(f"Bridge counter check ({lab.bridge}, {megabytes} MiB each way):")
        for label, received, counted in rows:
            print(f"  {label:38} payload {received / MiB:7.1f} MiB   bridge tx_bytes +{counted / MiB:7.2f} MiB")
        print()
    finally:
        lab.down()


# --- the tools ----------------------------------------------------------------------------

def timed(command, logfile, env=None, cwd=None, timeout=3600):
    """Runs command with its output (timestamped) in logfile; returns (exit code, seconds)."""
    start = time.monotonic()
    with open(logfile, "w", buffering=1) as out:
        out.write("$ " + " ".join(map(str, command)) + "\n")
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   env=env, cwd=cwd, bufsize=1)
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        for line in process.stdout:
            out.write(f"{time.monotonic() - start:8.2f} {line}")
        code = process.wait()
        killer.cancel()
    return code, time.monotonic() - start


def workers_alive(master_address):
    """Workers the master lists ALIVE, asked from this computer (not timed); -1: no master."""
    try:
        with urllib.request.urlopen(f"http://{master_address}:8080/json/", timeout=10) as answer:
            status = json.load(answer)
    except OSError:
        return -1
    return sum(1 for worker in status.get("workers", []) if worker.get("state") == "ALIVE")


def cpu_seconds():
    """CPU time this machine has spent so far, every process and the kernel's work for them."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    busy = sum(fields[:3]) + sum(fields[5:8])  # user nice system, irq softirq steal
    return busy / os.sysconf("SC_CLK_TCK")


def worker_count(n):
    return max(n - 1, 1)  # 1 master + N-1 workers; on one host the master's host runs the worker


def run_sparkdeck(cli, lab, tarball, round_dir, attempts):
    hosts = "".join(f"    - {{ address: {address}{', role: master' if i == 0 else ''} }}\n"
                    for i, (_, address) in enumerate(lab.hosts))
    cluster = round_dir / "cluster.yaml"
    cluster.write_text(
        f"name: {CLUSTER}\n"
        "machines:\n"
        "  provider: existing\n"
        f"  hosts:\n{hosts}"
        f"  ssh: {{user: root, identity: {lab.dir / 'keys/id_ed25519'}, known_hosts: {lab.dir / 'known_hosts'}, "
        "host_key_policy: strict}\n"
        f"spark: {{distribution: {tarball}}}\n"
        f"workers: {{count: {worker_count(len(lab.hosts))}, cores: {WORKER_CORES}, memory: {WORKER_MEMORY}}}\n"
        "shared_folder: {enabled: false}\n")
    state = round_dir / "state"
    before, hosts_before, cpu_before = lab.tx_bytes(), lab.sent_by_hosts(), cpu_seconds()
    seconds, notes = 0.0, []
    for attempt in range(1, attempts + 1):
        # `up` after a failure resumes where it stopped, as a user would run it again.
        code, took = timed([cli, "up", cluster, "--state", state], round_dir / f"up-{attempt}.log")
        seconds += took
        if code == 0:
            break
        notes.append(f"attempt {attempt} failed after {took:.0f} s: {first_failure(round_dir / f'up-{attempt}.log')}")
    sent, cpu = lab.tx_bytes() - before, cpu_seconds() - cpu_before
    most_by_a_host = max(after - earlier for after, earlier in zip(lab.sent_by_hosts(), hosts_before))
    alive = workers_alive(lab.hosts[0][1])
    down_code, down_seconds = timed([cli, "down", cluster, "--state", state], round_dir / "down.log")
    if down_code != 0:
        notes.append(f"down exited {down_code}")
    return dict(code=code, seconds=seconds, cpu=cpu, sent=sent, most_by_a_host=most_by_a_host, alive=alive,
                attempts=attempt, notes=notes, down_seconds=down_seconds)


def run_disk_floor(lab, tarball):
    """What this machine alone needs: every host writes as many bytes as the distribution into its
    private /opt, all at once (no transfer, no checksum, no unpacking): the lab's hosts share one
    disk and two cores, where real hosts have their own."""
    count = str(tarball.stat().st_size // MiB)
    start = time.monotonic()
    writers = [lab.exec_in(name, "dd", "if=/dev/zero", "of=/opt/disk-floor", "bs=1M", "count=" + count,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for name, _ in lab.hosts]
    code = max(writer.wait() for writer in writers)
    return dict(seconds=time.monotonic() - start, sent=0, code=code, alive=None, notes=[])


def run_unpack_floor(lab, tarball):
    """The unpacking alone: every host unpacks the distribution (in this machine's page cache, no
    transfer, no checksum) into its private /opt, all at once, as every tool must: on the lab's
    2 shared cores, this is the least any tool needs for it on N hosts."""
    start = time.monotonic()
    unpackers = [lab.exec_in(name, "tar", "-xzf", str(tarball), "-C", "/opt",
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for name, _ in lab.hosts]
    code = max(unpacker.wait() for unpacker in unpackers)
    return dict(seconds=time.monotonic() - start, sent=0, code=code, alive=None, notes=[])


def first_failure(logfile):
    """The gist of why `sparkdeck-cli up` failed: its 'Failed:' line, shortened."""
    for line in Path(logfile).read_text().splitlines():
        if " Failed: " in line:
            return line.split(" Failed: ", 1)[1][:100] + "..."
    return "see " + str(logfile)


def run_ansible(lab, tarball, round_dir):
    n = len(lab.hosts)
    ansible = round_dir / "ansible"
    ansible.mkdir()
    control = Path(tempfile.mkdtemp(prefix="bp-cp-"))  # short: a socket path has at most 107 bytes
    master = lab.hosts[0]
    workers = lab.hosts if n == 1 else lab.hosts[1:]
    (ansible / "inventory.ini").write_text(
        "[master]\n" + f"{master[0]} ansible_host={master[1]}\n"
        + "[workers]\n" + "".join(f"{name} ansible_host={address}\n" for name, address in workers))
    (ansible / "ansible.cfg").write_text(f"""[defaults]
inventory = {ansible / 'inventory.ini'}
forks = {n}
remote_user = root
private_key_file = {lab.dir / 'keys/id_ed25519'}
host_key_checking = True
interpreter_python = /usr/bin/python3
gathering = explicit
retry_files_enabled = False
local_tmp = {ansible / 'local-tmp'}
# On the hosts' own /opt, so that the copy module's final rename stays on one file system.
remote_tmp = /opt/.ansible/tmp

[ssh_connection]
pipelining = True
# No -C (the default ssh_args have it): the distribution does not compress. %C, not %%C.
ssh_args = -o ControlMaster=auto -o ControlPersist=120s -o ControlPath={control}/%C -o IdentitiesOnly=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile={lab.dir / 'known_hosts'} -o GlobalKnownHostsFile=/dev/null
""")
    base = "/opt/sparkbench"
    variables = ansible / "vars.json"
    variables.touch(mode=0o600)
    variables.write_text(json.dumps(dict(
        spark_tarball=str(tarball), spark_base=base, spark_home=f"{base}/{tarball.name[:-len('.tgz')]}",
        spark_state_dir=f"{base}/state", spark_master_address=master[1],
        spark_worker_count=worker_count(n), spark_worker_cores=WORKER_CORES, spark_worker_memory=WORKER_MEMORY,
        spark_auth_secret=secrets.token_urlsafe(32))))
    env = dict(os.environ, ANSIBLE_CONFIG=str(ansible / "ansible.cfg"), ANSIBLE_FORCE_COLOR="0")
    before = lab.tx_bytes()
    code, seconds = timed(["ansible-playbook", str(HERE / "playbook.yml"), "-e", f"@{variables}"],
                          round_dir / "up-1.log", env=env, cwd=HERE)
    sent = lab.tx_bytes() - before
    alive = workers_alive(master[1])
    for socket in control.iterdir():  # close the ControlPersist masters
        subprocess.run(["ssh", "-o", f"ControlPath={socket}", "-O", "exit", "x"], capture_output=True)
    shutil.rmtree(control, ignore_errors=True)
    return dict(code=code, seconds=seconds, sent=sent, alive=alive, attempts=1, notes=[], down_seconds=None)


# --- the run ------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="the sparkdeck-cli to measure")
    parser.add_argument("--sizes", default="1,8,32", help="host counts N (default 1,8,32)")
    parser.add_argument("--size-mb", type=int, default=300, help="random payload in the distribution (default 300)")
    parser.add_argument("--repeat", type=int, default=1, help="rounds per N; the table shows medians (default 1)")
    parser.add_argument("--tools", default=",".join(TOOLS), help="sparkdeck,ansible,disk-floor,unpack-floor (default all)")
    parser.add_argument("--work", default="bench-provision", help="work dir: cache, lab, logs (default ./bench-provision)")
    parser.add_argument("--attempts", type=int, default=1, help="run `sparkdeck-cli up` again (it resumes) "
                        "after a failure, up to this many times in all; the time is the sum (default 1)")
    parser.add_argument("--baseline-cli", help="another build of sparkdeck-cli (an earlier commit, say), "
                        "measured as the tool 'baseline' beside 'sparkdeck'")
    parser.add_argument("--link-mbit", type=int, help="caps what each lab host sends at this many Mbit/s "
                        "(tc tbf on its eth0), as a real host's network card does; default: no cap")
    parser.add_argument("--check-counter", action="store_true", help="first show that the bridge counter "
                        "sees this computer's traffic and not host-to-host traffic")
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("bench/provision needs root: it starts lab hosts (tests/lab/lab-hosts.sh)")
    tools = [tool for tool in args.tools.split(",") if tool]
    if args.baseline_cli and "baseline" not in tools:
        tools.insert(tools.index("sparkdeck") + 1 if "sparkdeck" in tools else 0, "baseline")
    if "ansible" in tools and not shutil.which("ansible-playbook"):
        sys.exit("ansible-playbook is missing: run bench/install-peers.sh")
    cli = str(Path(args.cli).resolve())
    sizes = [int(n) for n in args.sizes.split(",")]
    work = Path(args.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    lab = Lab(work / "lab")
    lab.down()  # a lab left over by an interrupted run

    if args.check_counter:
        check_counter(lab)
    tarball = build_distribution(work, args.size_mb)
    tarball_size = tarball.stat().st_size
    log(f"distribution {tarball} ({tarball_size / 1e6:.1f} MB)")
    need = 2.2 * max(sizes) * tarball_size  # cached tarball + unpacked tree on every host
    free = shutil.disk_usage(work).free
    if free < need:
        log(f"warning: {free / 1e9:.0f} GB free, a {max(sizes)}-host round needs about {need / 1e9:.0f} GB")

    runs = work / "runs" / time.strftime("%Y%m%d-%H%M%S")
    results = []
    try:
        for n in sizes:
            for r in range(args.repeat):
                # Alternate who goes first, so that neither always gets the quieter minute.
                for tool in (tools if r % 2 == 0 else tools[::-1]):
                    round_dir = runs / f"n{n}-{tool}-r{r + 1}"
                    round_dir.mkdir(parents=True)
                    lab.up(n)
                    if args.link_mbit:
                        lab.cap_links(args.link_mbit)
                    load = load_average()
                    log(f"N={n} {tool} round {r + 1}: load {load:.1f}")
                    if tool in ("sparkdeck", "baseline"):
                        measured = cli if tool == "sparkdeck" else str(Path(args.baseline_cli).resolve())
                        result = run_sparkdeck(measured, lab, tarball, round_dir, args.attempts)
                    elif tool == "ansible":
                        result = run_ansible(lab, tarball, round_dir)
                    elif tool == "disk-floor":
                        result = run_disk_floor(lab, tarball)
                    else:
                        subprocess.run(["cat", str(tarball)], stdout=subprocess.DEVNULL)  # into the page cache
                        result = run_unpack_floor(lab, tarball)
                    lab.down()
                    result.update(n=n, tool=tool, round=r + 1, load=load,
                                  ok=result["code"] == 0 and result["alive"] in (None, worker_count(n)))
                    if not result["ok"]:
                        result["notes"].append(f"FAILED: exit {result['code']}, {result['alive']} workers ALIVE")
                    cpu = f", {result['cpu']:.1f} CPU s" if "cpu" in result else ""
                    log(f"  {result['seconds']:.1f} s{cpu}, {result['sent'] / 1e6:.1f} MB sent; " + "; ".join(result["notes"]))
                    results.append(result)
    finally:
        lab.down()
        (runs / "results.json").parent.mkdir(parents=True, exist_ok=True)
        (runs / "results.json").write_text(json.dumps(dict(tarball=str(tarball), tarball_bytes=tarball_size,
                                                           results=results), indent=1))
    report(results, tarball_size, sizes, tools, args, runs)


def report(results, tarball_size, sizes, tools, args, runs):
    def rows(n, tool):
        return [r for r in results if r["n"] == n and r["tool"] == tool]

    def median(n, tool, key):
        """Median over the rounds that reached a running cluster; None when none did."""
        values = [r[key] for r in rows(n, tool) if r["ok"]]
        return statistics.median(values) if values else None

    print(f"\nbench/provision: distribution {tarball_size / 1e6:.1f} MB ({args.size_mb} MiB random payload), "
          f"{os.cpu_count()} cores, {f'links capped at {args.link_mbit} Mbit/s' if args.link_mbit else 'no link cap'}, {args.repeat} round(s), medians of the successful ones; logs in {runs}")
    print(f"{'N':>3}  {'tool':12} {'wall s':>8} {'CPU s':>7} {'ctrl MB sent':>13} {'sent/tarball':>13} "
          f"{'ALIVE':>6} {'load':>5}  notes")
    for n in sizes:
        for tool in tools:
            done = rows(n, tool)
            if not done:
                continue
            good = [r for r in done if r["ok"]]
            shown = good or done  # when every round failed, show what the failures took
            seconds = statistics.median(r["seconds"] for r in shown)
            sent = statistics.median(r["sent"] for r in shown)
            cpu = f"{statistics.median(r['cpu'] for r in shown):7.1f}" if "cpu" in shown[0] else f"{'-':>7}"
            notes = "; ".join(note for r in done for note in r["notes"])
            alive = "-" if done[0]["alive"] is None else min(r["alive"] for r in done)
            print(f"{n:>3}  {tool:12} {seconds:8.1f} {cpu} {sent / 1e6:13.1f} {sent / tarball_size:13.2f} "
                  f"{alive:>6} {statistics.median(r['load'] for r in done):5.1f}  "
                  f"{'' if good else 'NO CLUSTER: '}{notes}")

    def ratio(a, b):
        return f"{a / b:.2f}" if a is not None and b else "n/a (a run failed)"

    print("\nRatios (targets from issue 4, item 12):")
    one_host = median(sizes[0], "sparkdeck", "seconds") if "sparkdeck" in tools else None
    if len(sizes) > 1 and "sparkdeck" in tools:
        print(f"  SparkDeck {sizes[-1]}-host time / {sizes[0]}-host time: "
              f"{ratio(median(sizes[-1], 'sparkdeck', 'seconds'), one_host)}   (target <= 1.5)")
    floors = {"disk-floor": "the hosts' bytes alone, on this machine's one disk",
              "unpack-floor": "the unpacking alone, on this machine's 2 cores"}
    for tool, what in floors.items():
        for n in sizes if tool in tools else []:
            floor = median(n, tool, "seconds")
            if floor is None:
                continue
            allowed = f"; 1.5 x SparkDeck's {sizes[0]}-host time is {1.5 * one_host:.1f} s" if one_host else ""
            print(f"  N={n:<3} {what} ({tool}): {floor:.1f} s{allowed}")
    if "ansible" in tools and "sparkdeck" in tools:
        for n in sizes:
            print(f"  N={n:<3} Ansible time / SparkDeck time: "
                  f"{ratio(median(n, 'ansible', 'seconds'), median(n, 'sparkdeck', 'seconds'))}   (target >= 3)")
    for n in sizes:
        if "sparkdeck" in tools:
            print(f"  N={n:<3} SparkDeck controller bytes / tarball: "
                  f"{ratio(median(n, 'sparkdeck', 'sent'), tarball_size)}   (target <= 2)")
    for n in sizes:
        for tool in ("sparkdeck", "baseline"):
            if tool in tools:
                print(f"  N={n:<3} {tool}: most bytes one lab host sent / tarball: "
                      f"{ratio(median(n, tool, 'most_by_a_host'), tarball_size)}   (the master alone would send {n - 1})")
    if "baseline" in tools and "sparkdeck" in tools:
        for n in sizes:
            print(f"  N={n:<3} baseline time / SparkDeck time: "
                  f"{ratio(median(n, 'baseline', 'seconds'), median(n, 'sparkdeck', 'seconds'))}")


if __name__ == "__main__":
    main()
