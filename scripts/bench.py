#!/usr/bin/env python3
"""`make bench`: the four figures of README's Benchmarks, each measured side by side in the same run with
its reference, on the large demo data set (release builds must exist: .build/release/training and
.build/release/training-bench, the benchmarks' own executable).

    scripts/bench.py [--runs 3] [--seed 2015] [--only board,export,import,bookings,mail]

Each command runs as a child process `--runs` times; the figure is the median wall time, and the peak
memory is the largest resident set of any run (from wait4's rusage). The large data set is built once
into .bench/ and reused while the demo's sources, the catalogue and the seed are the same.
"""
import argparse
import datetime
import glob
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRAINING = os.path.join(ROOT, ".build", "release", "training")
TRAINING_BENCH = os.path.join(ROOT, ".build", "release", "training-bench")
BENCH = os.path.join(ROOT, ".bench")
SCRIPTS = os.path.join(ROOT, "scripts")


def run(command, cwd=None):
    """Runs `command`, returning (seconds, peak resident megabytes, standard output); fails loudly."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - began
        out.seek(0)
        err.seek(0)
        output, errors = out.read().decode(), err.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"error: {' '.join(command)} failed:\n{output}{errors}")
    return seconds, usage.ru_maxrss / 1024, output


def median_run(runs, command, prepare=None):
    """The median seconds and the peak megabytes of `runs` runs of `command`; `prepare` runs, untimed, before each."""
    times, peak, output = [], 0.0, ""
    for _ in range(runs):
        if prepare:
            prepare()
        seconds, megabytes, output = run(command)
        times.append(seconds)
        peak = max(peak, megabytes)
    return statistics.median(times), peak, output


def sources_key(seed):
    """A digest of what shapes the large data set: the demo's sources, the catalogue, the seed and the years.
    (Schema changes reach a cached file through its migrations when it is opened; to rebuild it anyway,
    remove .bench/.)"""
    digest = hashlib.sha256(f"seed={seed};latest={latest_year()}".encode())
    for folder in ["Sources/TrainingDemo", "Courses"]:
        for path in sorted(glob.glob(os.path.join(ROOT, folder, "**", "*"), recursive=True)):
            if os.path.isfile(path):
                digest.update(path.removeprefix(ROOT).encode())
                with open(path, "rb") as file:
                    digest.update(file.read())
    return digest.hexdigest()[:12]


def latest_year():
    """The last complete financial year before today, as the demo builds it: its first calendar year."""
    today = datetime.date.today()
    return (today.year if today.month >= 4 else today.year - 1) - 1


def year_name(start):
    return f"{start}-{(start + 1) % 100:02d}"


def large_database(seed):
    os.makedirs(BENCH, exist_ok=True)
    path = os.path.join(BENCH, f"large-{seed}-{sources_key(seed)}.sqlite")
    if os.path.exists(path):
        print(f"Using the large data set {os.path.relpath(path, ROOT)} (built earlier from the same sources and seed).")
        # Opening it applies any migration added since it was built (a new index over a million rows takes
        # seconds), so that this is not timed as part of the first measurement.
        run([TRAINING, "catalogue", "list", "--database", path])
        return path
    for stale in glob.glob(os.path.join(BENCH, "large-*.sqlite*")):
        os.remove(stale)
    print("Building the large data set (training demo --scale large); this takes about eight minutes on two cores...", flush=True)
    partial = path + ".partial"
    for leftover in glob.glob(partial + "*"):
        os.remove(leftover)
    seconds, megabytes, output = run([TRAINING, "demo", "--scale", "large", "--seed", str(seed), "--database", partial,
                                      "--catalogue", os.path.join(ROOT, "Courses")])
    print(output.strip())
    print(f"Built in {seconds / 60:.1f} min, peak {megabytes:.0f} MB.")
    run([TRAINING, "check", "--database", partial])
    os.rename(partial, path)
    for suffix in ["-wal", "-shm"]:
        if os.path.exists(partial + suffix):
            os.rename(partial + suffix, path + suffix)
    return path


def ensure_tools():
    try:
        import xlsxwriter  # noqa: F401
    except ImportError:
        print("Installing Python's XlsxWriter (the export's reference)...")
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "xlsxwriter"])
    try:
        import aiosmtpd  # noqa: F401
    except ImportError:
        print("Installing aiosmtpd (the email benchmark's SMTP server)...")
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "aiosmtpd"])
    if not shutil.which("sqlite3"):
        print("Installing the sqlite3 shell (the import's reference)...")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.check_call(sudo + ["apt-get", "install", "-y", "-qq", "sqlite3"])


class Table:
    """The printed table: one line a comparison."""

    def __init__(self):
        self.rows = []

    def add(self, figure, measured, reference, ratio, target, met):
        self.rows.append([figure, measured, reference, ratio, target, "met" if met else "MISSED"])

    def render(self):
        header = ["figure", "measured", "reference", "ratio", "target", "met?"]
        widths = [max(len(str(row[i])) for row in self.rows + [header]) for i in range(len(header))]
        lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip() for row in [header] + self.rows]
        lines.insert(1, "  ".join("-" * width for width in widths))
        return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2015)
    parser.add_argument("--only", default="board,export,import,bookings,mail", help="the measures to take, comma-separated")
    options = parser.parse_args()
    only = set(options.only.split(","))
    unknown = only - {"board", "export", "import", "bookings", "mail"}
    if unknown:
        sys.exit(f"error: --only takes board, export, import, bookings and mail, not {', '.join(sorted(unknown))}")
    if not (os.access(TRAINING, os.X_OK) and os.access(TRAINING_BENCH, os.X_OK)):
        sys.exit("error: no release build: run `swift build -c release --product training` and "
                 "`swift build -c release --product training-bench` (or `make bench`)")
    ensure_tools()
    database = large_database(options.seed) if only & {"board", "export"} else None
    latest = latest_year()
    first = latest - 4
    runs = options.runs
    table = Table()
    work = tempfile.mkdtemp(prefix="training-bench-")
    try:
        # 1. The board's workbook for the latest year.
        if "board" in only:
            print(f"1/5 board workbook {year_name(latest)}...", flush=True)
            seconds, megabytes, _ = median_run(runs, [TRAINING, "report", "board", "--year", year_name(latest), "--database", database, "--out", work])
            table.add("board workbook: time", f"{seconds:.2f} s", "", "", "< 1 s", seconds < 1)
            table.add("board workbook: peak memory", f"{megabytes:.0f} MB", "", "", "< 200 MB", megabytes < 200)
        if "export" in only:
            export_measures(runs, database, first, latest, work, table)
        if "import" in only:
            import_measures(runs, options.seed, work, table)
        if "bookings" in only:
            booking_measures(runs, table)
        if "mail" in only:
            mail_measures(runs, table)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"Median of {runs} runs each; machine: {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GB memory.")
    print(table.render())


def export_measures(runs, database, first, latest, work, table):
    """2. The export of every booking of the five years, against XlsxWriter and the floor."""
    print(f"2/5 export of the bookings {year_name(first)} to {year_name(latest)}...", flush=True)
    export, export_mb, output = median_run(runs, [TRAINING, "export", "bookings", "--year", year_name(first), "--to-year", year_name(latest),
                                                  "--database", database, "--out", work])
    rows = int(re.search(r"\((\d+) bookings\)", output).group(1))
    python, python_mb, _ = median_run(runs, [sys.executable, os.path.join(SCRIPTS, "bench-xlsxwriter-export.py"), database,
                                             f"{first}-04-01", f"{latest + 1}-03-31", os.path.join(work, "xlsxwriter.xlsx")])
    floors = []
    for _ in range(runs):
        _, _, output = run([TRAINING_BENCH, "xlsx-floor", "--year", year_name(first), "--to-year", year_name(latest), "--database", database])
        floors.append(float(re.search(r"write seconds: ([\d.]+)", output).group(1)))
    floor = statistics.median(floors)
    table.add(f"export {rows:,} bookings vs XlsxWriter", f"{export:.1f} s", f"{python:.1f} s ({python_mb:.0f} MB)",
              f"{python / export:.2f}x faster", ">= 3x faster", python / export >= 3)
    table.add(f"export {rows:,} bookings vs floor", f"{export:.1f} s", f"{floor:.1f} s", f"{export / floor:.2f}x floor",
              "<= 1.25x floor", export / floor <= 1.25)
    table.add("export: peak memory", f"{export_mb:.0f} MB", "", "", "< 100 MB", export_mb < 100)


def history_files(seed, bookings_per_session):
    """The CSV files of a previous system's history of 20,000 sessions of `bookings_per_session` bookings, written once."""
    folder = os.path.join(BENCH, f"history-{seed}-20000x{bookings_per_session}")
    if not os.path.exists(os.path.join(folder, "bookings.csv")):
        subprocess.check_call([sys.executable, os.path.join(SCRIPTS, "bench-history-csv.py"), folder, "--seed", str(seed),
                               "--sessions", "20000", "--bookings-per-session", str(bookings_per_session)])
    return os.path.join(folder, "sessions.csv"), os.path.join(folder, "bookings.csv")


def sqlite3_shell(database, script):
    """Runs SQL through the sqlite3 shell, as the reference does."""
    subprocess.run(["sqlite3", database], input=script, text=True, check=True, stdout=subprocess.DEVNULL)


def import_measures(runs, seed, work, table):
    """3. Importing a history of a million bookings into a fresh database, against SQLite inserting the same
    sessions and bookings from staging tables in the database into the real tables (INSERT ... SELECT)."""
    print("3/5 history import...", flush=True)
    fresh = os.path.join(work, "import.sqlite")

    def new_database():
        for leftover in glob.glob(fresh + "*"):
            os.remove(leftover)
        run([TRAINING, "init", "--database", fresh])

    def import_command(sessions, bookings):
        return [TRAINING, "import", "history", "--sessions", sessions, "--bookings", bookings, "--database", fresh]

    sessions, bookings = history_files(seed, 50)
    with open(bookings) as file:
        booking_rows = sum(1 for _ in file) - 1
    imported, import_mb, _ = median_run(runs, import_command(sessions, bookings), prepare=new_database)

    # The reference: the import's own result, copied into plain staging tables (no index, key or check) in
    # the same file and the real tables emptied, then SQLite alone inserting the same rows into the real
    # tables in one transaction with the import's pragmas (its page cache, synchronous=FULL, WAL, foreign
    # keys, secure_delete). The courses, agencies and learners the import also adds are already there.
    staged = os.path.join(work, "staged.sqlite")

    def new_staged():
        for leftover in glob.glob(staged + "*"):
            os.remove(leftover)
        shutil.copyfile(fresh, staged)
        sqlite3_shell(staged, """
            CREATE TABLE stage_session AS SELECT * FROM session ORDER BY id;
            CREATE TABLE stage_booking AS SELECT * FROM booking ORDER BY id;
            DELETE FROM auditEntry; DELETE FROM booking; DELETE FROM session;
            VACUUM;
            """)

    reference, _, _ = median_run(runs, ["sqlite3", staged, """
        PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; PRAGMA cache_size = -65536;
        BEGIN IMMEDIATE;
        INSERT INTO session SELECT * FROM stage_session;
        INSERT INTO booking SELECT * FROM stage_booking;
        COMMIT;
        """], prepare=new_staged)
    rate = booking_rows / imported
    table.add(f"history import {booking_rows:,} bookings", f"{imported:.1f} s ({import_mb:.0f} MB)",
              f"{reference:.1f} s (SQLite INSERT ... SELECT from staging tables)", f"{imported / reference:.2f}x", "<= 1.5x",
              imported / reference <= 1.5)
    table.add("history import: rows per second", f"{rate:,.0f}/s", "", "", "> 200,000/s", rate > 200_000)

    # The same 20,000 sessions with a quarter of the bookings (12 a session): what grows is what a booking costs.
    quarter_sessions, quarter_bookings = history_files(seed, 12)
    _, quarter_mb, _ = median_run(1, import_command(quarter_sessions, quarter_bookings), prepare=new_database)
    growth = import_mb / quarter_mb - 1
    table.add("history import: peak memory, 1,000,000 bookings", f"{import_mb:.0f} MB", "", "", "<= 250 MB", import_mb <= 250)
    table.add("history import: memory growth from 240,000 to 1,000,000 bookings", f"{quarter_mb:.0f} MB to {import_mb:.0f} MB",
              "", f"+{growth:.0%}", "< 10%", growth < 0.10)

    # A bad line at the very end of the million: refused whole, every bad line reported, nothing written.
    broken = os.path.join(work, "bookings-bad-end.csv")
    shutil.copyfile(bookings, broken)
    with open(broken, "a") as file:
        file.write("H000001,not-an-email,Nobody,Agency 001,Police,2016-05-01,attended,\n")
        file.write("H999999,late@agency001.example,Late,Agency 001,Police,2016-05-01,attended,\n")
    new_database()
    began = time.perf_counter()
    refused = subprocess.run(import_command(sessions, broken), capture_output=True, text=True)
    seconds = time.perf_counter() - began
    bad_lines = [f"line {booking_rows + 2}", f"line {booking_rows + 3}"]
    counted = subprocess.run(["sqlite3", fresh, "SELECT COUNT(*) FROM booking"], capture_output=True, text=True).stdout.strip()
    sound = refused.returncode != 0 and all(line in refused.stderr for line in bad_lines) and counted == "0"
    table.add("history import: two bad lines after 1,000,000 good ones", f"refused in {seconds:.1f} s, {counted} bookings written",
              "", "", "refused whole, both lines named, nothing written", sound)


def booking_measures(runs, table):
    """4. Bookings per second with 16 concurrent bookers sharing the database handle, as the web application's
    requests do (writes that arrive together share a commit), beside the same bookers each with a handle of
    their own, as separate processes would be (each booking committed alone)."""
    print("4/5 concurrent bookings...", flush=True)

    def rate(extra):
        rates, peak = [], 0.0
        for _ in range(runs):
            _, megabytes, output = run([TRAINING_BENCH, "bookings", "--bookers", "16", "--bookings-per-booker", "250"] + extra)
            rates.append(float(re.search(r"rate: ([\d.]+) bookings/s", output).group(1)))
            peak = max(peak, megabytes)
        return statistics.median(rates), peak

    shared, peak = rate([])
    separate, _ = rate(["--handle-per-booker"])
    table.add("bookings, 16 concurrent bookers", f"{shared:,.0f}/s ({peak:.0f} MB)", f"{separate:,.0f}/s (a handle each)",
              f"{shared / separate:.2f}x", "> 1,000/s", shared > 1_000)


def mail_measures(runs, table):
    """5. Email (issue 18): 1,000 queued messages sent to an SMTP server on this machine (scripts/smtp-test-server,
    aiosmtpd) over one connection, each rendered, sent and recorded as sent before the next; and bookings a second
    with mail on (each booking owes its confirmation in its own transaction) beside mail off, at least five pairs."""
    print("5/5 email...", flush=True)
    received = tempfile.mkdtemp(prefix="training-bench-mail-")
    server = subprocess.Popen([os.path.join(ROOT, "scripts", "smtp-test-server"), "--port", "0", "--out", received],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        port = int(server.stdout.readline().strip())
        rates = []
        for _ in range(runs):
            _, _, output = run([TRAINING_BENCH, "mail", "--messages", "1000", "--port", str(port)])
            rates.append(float(re.search(r"rate: ([\d.]+) messages/s", output).group(1)))
        sent = statistics.median(rates)
        table.add("email: 1,000 messages to a local SMTP server, one connection", f"{sent:,.0f}/s", "", "", "", True)
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(received, ignore_errors=True)

    def rate(extra):
        _, _, output = run([TRAINING_BENCH, "bookings", "--bookers", "16", "--bookings-per-booker", "1000"] + extra)
        return float(re.search(r"rate: ([\d.]+) bookings/s", output).group(1))

    # Mail off and on in turn, so a machine slowing down or speeding up during the runs weighs on both alike.
    pairs = [(rate([]), rate(["--mail"])) for _ in range(max(runs, 5))]
    off = statistics.median(off for off, _ in pairs)
    on = statistics.median(on for _, on in pairs)
    ratio = statistics.median(on / off for off, on in pairs)
    table.add("bookings, 16 concurrent bookers × 1,000, mail on (median of the pairs' ratios)", f"{on:,.0f}/s", f"{off:,.0f}/s (mail off)",
              f"{ratio:.2f}x", ">= 0.90x", ratio >= 0.90)


if __name__ == "__main__":
    main()
