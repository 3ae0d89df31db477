#!/usr/bin/env python3
"""jfr-summary.py RECORDING.jfr OUT_PREFIX [TITLE] - from a JFR recording (settings=profile): CPU samples of the
request threads as OUT_PREFIX.svg (a flame graph, root at the bottom) and OUT_PREFIX.txt (the hottest methods by
self and by total samples, the hottest packages, and the top allocation sites by sampled weight). Needs `jfr` (JDK).
"""
import collections
import html
import re
import shutil
import subprocess
import sys

rec, prefix = sys.argv[1], sys.argv[2]
title = sys.argv[3] if len(sys.argv) > 3 else rec
JFR = shutil.which("jfr") or "jfr"
FRAME = re.compile(r"^\s+(.+?)\s+line: -?\d+")


def events(kind):
    out = subprocess.run([JFR, "print", "--stack-depth", "96", "--events", kind, rec],
                         capture_output=True, text=True, check=True).stdout
    for block in out.split("\n}\n"):
        if kind.split(".")[-1] + " {" not in block:
            continue
        thread = re.search(r'(?:sampledThread|eventThread) = "([^"]*)"', block)
        weight = re.search(r"weight = ([\d.]+) (bytes|kB|MB|GB)", block)
        frames = [m.group(1) for m in map(FRAME.match, block.split("\n")) if m]
        w = 1.0
        if weight:
            w = float(weight.group(1)) * {"bytes": 1, "kB": 1024, "MB": 1 << 20, "GB": 1 << 30}[weight.group(2)]
        yield (thread.group(1) if thread else "?"), frames, w


def short(frame):
    frame = re.sub(r"\(.*\)$", "", frame)
    return frame.replace("com.pagenow.userapi.", "")


def is_request_thread(name):
    return name.startswith("XNIO") or "task" in name or "I/O" in name


samples = [(t, [short(f) for f in fr]) for t, fr, _ in events("jdk.ExecutionSample")]
request = [fr for t, fr in samples if is_request_thread(t)]
total = len(request) or 1
by_thread = collections.Counter(re.sub(r"-\d+$", "-N", t) for t, _ in samples)

self_count = collections.Counter(fr[0] for fr in request if fr)
incl = collections.Counter()
pkg = collections.Counter()
for fr in request:
    for f in set(fr):
        incl[f] += 1
    if fr:
        pkg[".".join(fr[0].split(".")[:3])] += 1

allocs = collections.Counter()
alloc_total = 0.0
for t, fr, w in events("jdk.ObjectAllocationSample"):
    if not is_request_thread(t) or not fr:
        continue
    alloc_total += w
    # the first frame in this project or a library's API, skipping java.* internals
    site = next((short(f) for f in fr if not f.startswith(("java.", "jdk.", "sun."))), short(fr[0]))
    allocs[site] += w

with open(prefix + ".txt", "w") as out:
    p = lambda *a: print(*a, file=out)
    p(f"# {title}")
    p(f"# {len(samples)} CPU samples in all; {len(request)} on request threads (XNIO I/O and worker threads)")
    p("# samples by thread: " + ", ".join(f"{k} {v}" for k, v in by_thread.most_common(8)))
    p("\n## hottest methods, self (top frame), % of request-thread samples")
    for f, n in self_count.most_common(40):
        p(f"{100 * n / total:6.1f}%  {f}")
    p("\n## hottest methods, total (anywhere on the stack)")
    for f, n in incl.most_common(70):
        p(f"{100 * n / total:6.1f}%  {f}")
    p("\n## self samples by package")
    for f, n in pkg.most_common(20):
        p(f"{100 * n / total:6.1f}%  {f}")
    p(f"\n## allocation sites on request threads (sampled weight, {alloc_total / (1 << 20):.0f} MiB in all)")
    for f, w in allocs.most_common(30):
        p(f"{100 * w / (alloc_total or 1):6.1f}%  {f}")

# flame graph: root at the bottom, one box per frame, width = samples
root = {"n": 0, "c": {}}
for fr in request:
    node = root
    node["n"] += 1
    for f in reversed(fr):
        node = node["c"].setdefault(f, {"n": 0, "c": {}})
        node["n"] += 1


def depth(node):
    return 1 + max((depth(c) for c in node["c"].values()), default=0)


W, H = 1800, 16
levels = depth(root)
height = (levels + 2) * H
boxes = []


def color(name):
    if name.startswith(("adapter.", "application.", "domain.", "bootstrap.")):
        return "#e8a33d"
    if name.startswith(("java.", "jdk.", "sun.")):
        return "#d95f5f"
    if name.startswith(("io.undertow", "org.xnio", "org.jboss")):
        return "#5f9ed9"
    if name.startswith(("org.jooq", "org.postgresql", "com.zaxxer")):
        return "#6cbf6c"
    return "#b08fd9"


def draw(name, node, x, level):
    width = W * node["n"] / total
    if width < 0.3:
        return
    y = height - (level + 2) * H
    label = html.escape(name)
    text = html.escape(name if len(name) * 6.5 < width else name[: max(0, int(width / 6.5) - 2)] + "..") if width > 25 else ""
    boxes.append(f'<g><title>{label} ({node["n"]} samples, {100 * node["n"] / total:.1f}%)</title>'
                 f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{H - 1}" fill="{color(name)}"/>'
                 f'<text x="{x + 2:.1f}" y="{y + H - 4}">{text}</text></g>')
    for child_name, child in sorted(node["c"].items()):
        draw(child_name, child, x, level + 1)
        x += W * child["n"] / total


x = 0.0
for name, child in sorted(root["c"].items()):
    draw(name, child, x, 0)
    x += W * child["n"] / total
with open(prefix + ".svg", "w") as out:
    out.write(f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{height}" font-family="monospace" '
              f'font-size="11"><rect width="100%" height="100%" fill="#fff"/>'
              f'<text x="4" y="12">{html.escape(title)}: {len(request)} CPU samples of request threads '
              f'(hover a box for its share)</text>' + "".join(boxes) + "</svg>\n")
print(f"{prefix}.txt, {prefix}.svg: {len(request)} request-thread samples")
