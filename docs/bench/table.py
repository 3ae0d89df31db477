#!/usr/bin/env python3
"""table.py RESULTS_DIR - the summary of a run-all.sh run: per endpoint and connection count, the service's req/s,
the ping rate, pgbench's tps on the endpoint's own statements, L = 1 / (1/ping + 1/sql) and req/s / L, p99 and errors;
then peak RSS and the time to the first /ping. Each figure is the median of the runs, with the spread (min-max)."""
import glob
import os
import statistics
import sys

R = sys.argv[1]
runs = sorted(glob.glob(os.path.join(R, "run-*")), key=lambda p: int(p.rsplit("-", 1)[1]))


def read_tsv(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    return rows[1:] if rows and rows[0][0] in ("label", "script") else rows


def meta(run):
    out = {}
    path = os.path.join(run, "meta.tsv")
    if os.path.exists(path):
        for line in open(path):
            k, _, v = line.rstrip("\n").partition("\t")
            out[k] = v
    return out


http = {}   # (endpoint, conns) -> one (req_s, p99, errors) per run
paired_ping = {}  # (endpoint, conns) -> the req/s of the ping run just before that endpoint's, one per run
for run in runs:
    for d in sorted(glob.glob(os.path.join(run, "c*"))):
        conns = int(os.path.basename(d)[1:])
        for row in read_tsv(os.path.join(d, "results.tsv")):
            label, ep, rps, p50, p99, bad, sock, reqs = row[:8]
            http.setdefault((ep, conns), []).append((float(rps), float(p99), int(bad) + int(sock)))
            if ep == "ping":
                paired_ping.setdefault((label.rsplit("-", 1)[-1], conns), []).append(float(rps))
sql = {}    # endpoint -> one tps per run
for run in runs:
    for row in read_tsv(os.path.join(run, "pgbench.tsv")):
        sql.setdefault(row[0], []).append(float(row[1]))


def med(xs):
    return statistics.median(xs) if xs else None


def spread(xs):
    if len(xs) < 2:
        return ""
    m = statistics.median(xs)
    return f" ({min(xs):,.0f}–{max(xs):,.0f}, ±{(max(xs) - min(xs)) / 2 / m * 100:.0f}%)" if m else ""


conns_levels = sorted({c for _, c in http})
endpoints = ["ping"] if any(ep == "ping" for ep, _ in http) else []
for (ep, _c) in http:
    if ep not in endpoints:
        endpoints.append(ep)

print(f"runs: {len(runs)}  (each figure: median of the runs, (min–max, ±half the range as % of the median))")
print()
print("| endpoint | conns | req/s | ping req/s (run just before) | its SQL, pgbench tps (-c 16) | L | req/s ÷ L | p99 ms | non-2xx + socket errors |")
print("|---|---|---|---|---|---|---|---|---|")
worst = None
for c in conns_levels:
    for ep in endpoints:
        rows = http.get((ep, c))
        if not rows:
            continue
        rps = [r for r, _, _ in rows]
        p99 = [p for _, p, _ in rows]
        errors = sum(e for _, _, e in rows)
        tps = sql.get(ep, [])
        ping = paired_ping.get((ep, c), [])
        cells = [ep, str(c), f"{med(rps):,.0f}{spread(rps)}"]
        if ep == "ping" or not tps or not ping:
            cells += ["", f"{med(tps):,.0f}{spread(tps)}" if tps else "", "", ""]
        else:
            pm, tm = med(ping), med(tps)
            limit = 1 / (1 / pm + 1 / tm)
            ratio = med(rps) / limit
            # each run's ratio against its own ping and pgbench figures, for the spread
            per_run = [r / (1 / (1 / p + 1 / t)) for r, p, t in zip(rps, ping, tps)]
            ratio_spread = f" ({min(per_run):.2f}–{max(per_run):.2f})" if len(per_run) > 1 else ""
            cells += [f"{pm:,.0f}{spread(ping)}", f"{tm:,.0f}{spread(tps)}", f"{limit:,.0f}",
                      f"**{ratio:.2f}**{ratio_spread}"]
            worst = ratio if worst is None else min(worst, ratio)
        cells += [f"{med(p99):.2f} (max {max(p99):.2f})", str(errors)]
        print("| " + " | ".join(cells) + " |")

print()
metas = [meta(r) for r in runs]


def collect(key, scale=1.0):
    return [float(m[key]) * scale for m in metas if m.get(key)]


rss = collect("peak_rss_kb", 1 / 1024)
hwm = collect("vmhwm_kb", 1 / 1024)
first = collect("first_ping_ms")
logs = collect("log_bytes", 1 / 1024 / 1024)
if rss:
    print(f"peak RSS, sampled every 0.2 s: {max(rss):.0f} MiB (runs: {', '.join(f'{x:.0f}' for x in rss)})")
if hwm:
    print(f"peak RSS, kernel high-water mark (VmHWM): {max(hwm):.0f} MiB (runs: {', '.join(f'{x:.0f}' for x in hwm)})")
if first:
    print(f"first /ping after start: median {med(first):.0f} ms (runs: {', '.join(f'{x:.0f}' for x in first)})")
if logs:
    print(f"service output (access log) per run: {', '.join(f'{x:.1f}' for x in logs)} MiB")
if worst is not None:
    print(f"lowest req/s ÷ L: {worst:.2f}")
