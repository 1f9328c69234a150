#!/usr/bin/env python3
"""`make bench`: the four figures of README's Benchmarks, each measured side by side in the same run with
its reference, on the large demo data set (a release build must exist: .build/release/training).

    scripts/bench.py [--runs 3] [--seed 2015] [--only board,export,import,bookings]

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
    parser.add_argument("--only", default="board,export,import,bookings", help="the measures to take, comma-separated")
    options = parser.parse_args()
    only = set(options.only.split(","))
    unknown = only - {"board", "export", "import", "bookings"}
    if unknown:
        sys.exit(f"error: --only takes board, export, import and bookings, not {', '.join(sorted(unknown))}")
    if not os.access(TRAINING, os.X_OK):
        sys.exit("error: no release build: run `swift build -c release --product training` (or `make bench`)")
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
            print(f"1/4 board workbook {year_name(latest)}...", flush=True)
            seconds, megabytes, _ = median_run(runs, [TRAINING, "report", "board", "--year", year_name(latest), "--database", database, "--out", work])
            table.add("board workbook: time", f"{seconds:.2f} s", "", "", "< 1 s", seconds < 1)
            table.add("board workbook: peak memory", f"{megabytes:.0f} MB", "", "", "< 200 MB", megabytes < 200)
        if "export" in only:
            export_measures(runs, database, first, latest, work, table)
        if "import" in only:
            import_measures(runs, options.seed, work, table)
        if "bookings" in only:
            booking_measures(runs, table)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"Median of {runs} runs each; machine: {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GB memory.")
    print(table.render())


def export_measures(runs, database, first, latest, work, table):
    """2. The export of every booking of the five years, against XlsxWriter and the floor."""
    print(f"2/4 export of the bookings {year_name(first)} to {year_name(latest)}...", flush=True)
    export, export_mb, output = median_run(runs, [TRAINING, "export", "bookings", "--year", year_name(first), "--to-year", year_name(latest),
                                                  "--database", database, "--out", work])
    rows = int(re.search(r"\((\d+) bookings\)", output).group(1))
    python, python_mb, _ = median_run(runs, [sys.executable, os.path.join(SCRIPTS, "bench-xlsxwriter-export.py"), database,
                                             f"{first}-04-01", f"{latest + 1}-03-31", os.path.join(work, "xlsxwriter.xlsx")])
    floors = []
    for _ in range(runs):
        _, _, output = run([TRAINING, "bench", "xlsx-floor", "--year", year_name(first), "--to-year", year_name(latest), "--database", database])
        floors.append(float(re.search(r"write seconds: ([\d.]+)", output).group(1)))
    floor = statistics.median(floors)
    table.add(f"export {rows:,} bookings vs XlsxWriter", f"{export:.1f} s", f"{python:.1f} s ({python_mb:.0f} MB)",
              f"{python / export:.2f}x faster", ">= 3x faster", python / export >= 3)
    table.add(f"export {rows:,} bookings vs floor", f"{export:.1f} s", f"{floor:.1f} s", f"{export / floor:.2f}x floor",
              "<= 1.25x floor", export / floor <= 1.25)
    table.add("export: peak memory", f"{export_mb:.0f} MB", "", "", "< 100 MB", export_mb < 100)


def import_measures(runs, seed, work, table):
    """3. Importing a history of a million bookings into a fresh database, against the sqlite3 shell."""
    print("3/4 history import...", flush=True)
    history = os.path.join(BENCH, f"history-{seed}")
    if not os.path.exists(os.path.join(history, "bookings.csv")):
        subprocess.check_call([sys.executable, os.path.join(SCRIPTS, "bench-history-csv.py"), history, "--seed", str(seed)])
    sessions, bookings = os.path.join(history, "sessions.csv"), os.path.join(history, "bookings.csv")
    with open(bookings) as file:
        booking_rows = sum(1 for _ in file) - 1
    fresh = os.path.join(work, "import.sqlite")

    def new_database():
        for leftover in glob.glob(fresh + "*"):
            os.remove(leftover)
        run([TRAINING, "init", "--database", fresh])

    imported, import_mb, _ = median_run(runs, [TRAINING, "import", "history", "--sessions", sessions, "--bookings", bookings,
                                               "--database", fresh], prepare=new_database)
    bare = os.path.join(work, "bare.sqlite")

    def new_bare():
        for leftover in glob.glob(bare + "*"):
            os.remove(leftover)

    shell, _, _ = median_run(runs, ["sqlite3", bare, ".mode csv", f".import {sessions} session", f".import {bookings} booking"],
                             prepare=new_bare)
    rate = booking_rows / imported
    table.add(f"history import {booking_rows:,} bookings", f"{imported:.1f} s ({import_mb:.0f} MB)", f"{shell:.1f} s (sqlite3 .import)",
              f"{imported / shell:.2f}x floor", "<= 3x floor", imported / shell <= 3)
    table.add("history import: rows per second", f"{rate:,.0f}/s", "", "", "> 300,000/s", rate > 300_000)


def booking_measures(runs, table):
    """4. Bookings per second with 16 concurrent bookers sharing the database handle, as the web application's
    requests do (writes that arrive together share a commit), beside the same bookers each with a handle of
    their own, as separate processes would be (each booking committed alone)."""
    print("4/4 concurrent bookings...", flush=True)

    def rate(extra):
        rates, peak = [], 0.0
        for _ in range(runs):
            _, megabytes, output = run([TRAINING, "bench", "bookings", "--bookers", "16", "--bookings-per-booker", "250"] + extra)
            rates.append(float(re.search(r"rate: ([\d.]+) bookings/s", output).group(1)))
            peak = max(peak, megabytes)
        return statistics.median(rates), peak

    shared, peak = rate([])
    separate, _ = rate(["--handle-per-booker"])
    table.add("bookings, 16 concurrent bookers", f"{shared:,.0f}/s ({peak:.0f} MB)", f"{separate:,.0f}/s (a handle each)",
              f"{shared / separate:.2f}x", "> 1,000/s", shared > 1_000)


if __name__ == "__main__":
    main()
