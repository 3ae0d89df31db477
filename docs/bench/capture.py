#!/usr/bin/env python3
"""capture.py LOGFILE OFFSET DB USER CALLER TARGET REQUEST OUT.sql

Turns the statements one request made the service send (PostgreSQL's statement log, `log_statement = all`, from byte
OFFSET on, lines of USER@DB only) into a pgbench script: each `$n` becomes its logged value, with the caller's id and
the path's {id} drawn at random over seed.sql's ids ('u' || 7 digits) and numbers kept as pgbench variables, so
`pgbench -M prepared` sends the statement as the service does: one prepared statement, values bound.
Prints the number of statements found; writes nothing and exits 3 when there are none.
"""
import re
import sys

ENTRY = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\] (\S*)@(\S*) (LOG|DETAIL|ERROR|STATEMENT|WARNING|FATAL):  ?(.*)$")
EXECUTE = re.compile(r"^(?:execute [^:]+|statement): (.*)$", re.S)
PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")
SEED_ID = re.compile(r"^u\d{7}$")
NUMBER = re.compile(r"^-?\d+$")
SKIPPED = {"", "select 1", "begin", "commit", "rollback"}


def entries(path, offset, user, db):
    with open(path, "rb") as log:
        log.seek(offset)
        text = log.read().decode("utf-8", "replace")
    current = None
    for line in text.split("\n"):
        m = ENTRY.match(line)
        if m:
            if current:
                yield current
            current = None
            if m.group(2) == user and m.group(3) == db:
                current = [m.group(1), m.group(4), m.group(5)]
        elif current is not None:
            current[2] += "\n" + line
    if current:
        yield current


def statements(path, offset, user, db):
    """(sql, {n: value}) in the order executed."""
    found = []
    last_by_pid = {}
    for pid, kind, message in entries(path, offset, user, db):
        if kind == "LOG":
            m = EXECUTE.match(message)
            if m:
                found.append([m.group(1).strip().rstrip(";"), {}])
                last_by_pid[pid] = found[-1]
        elif kind == "DETAIL" and message.startswith("parameters: ") and pid in last_by_pid:
            for n, value in PARAM.findall(message):
                last_by_pid[pid][1][int(n)] = value
        elif kind == "ERROR":
            raise SystemExit("the request made PostgreSQL log an error: " + message)
    return [(sql, params) for sql, params in found if sql.strip().lower() not in SKIPPED]


def script(request, found, caller, target):
    lines = [f"-- {request}: the statements the service sent for it, captured from the PostgreSQL statement log",
             "-- by docs/bench/run-all.sh (rerun it to refresh). c = the caller, t = the {id} of the path, both",
             "-- random over seed.sql's ids; :users comes from -D users=N."]
    sets = {"\\set c random(1, :users)", "\\set t random(1, :users)"}
    header = sorted(sets)
    body = []
    for index, (sql, params) in enumerate(found, 1):
        def value(match):
            n = int(match.group(1))
            raw = params.get(n)
            if raw is None:
                raise SystemExit(f"no logged value for ${n} in: {sql[:200]}")
            if raw == "NULL":
                return "NULL"
            text = raw[1:-1].replace("''", "'")
            if text == caller:
                return "('u' || lpad(:c::text, 7, '0'))"
            if text == target:
                return "('u' || lpad(:t::text, 7, '0'))"
            if SEED_ID.match(text):
                raise SystemExit(f"${n} = {raw} is neither the caller nor the target: {sql[:200]}")
            if NUMBER.match(text):
                name = f"s{index}p{n}"
                header.append(f"\\set {name} {text}")
                return f":{name}"
            return raw
        body.append(re.sub(r"\$(\d+)\b", value, sql) + ";")
    return "\n".join(lines + header + body) + "\n"


def main():
    path, offset, db, user, caller, target, request, out = sys.argv[1:9]
    found = statements(path, int(offset), user, db)
    if not found:
        print(0)
        sys.exit(3)
    with open(out, "w") as f:
        f.write(script(request, found, caller, target))
    print(len(found))


if __name__ == "__main__":
    main()
