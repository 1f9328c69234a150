#!/usr/bin/env python3
"""The bookings export as a user would otherwise script it: the same query and the same cells as
`training export bookings`, written with Python's XlsxWriter in constant_memory mode. The export
benchmark's reference (scripts/bench.py).

    scripts/bench-xlsxwriter-export.py DATABASE FIRST_DAY LAST_DAY OUT.xlsx

FIRST_DAY and LAST_DAY (YYYY-MM-DD) bound the sessions' dates, as the years of the export do.
"""
import datetime
import sqlite3
import sys
import zoneinfo

import xlsxwriter

COLUMNS = ["Booking", "Session", "Session reference", "Course", "Level", "Session start", "Learner", "Email",
           "Agency", "Sector", "Status", "Booked", "Cancelled", "Notice (working days)"]
WIDTHS = [10, 9, 14, 40, 13, 17, 26, 30, 32, 22, 15, 17, 17, 10]
LONDON = zoneinfo.ZoneInfo("Europe/London")
ROW_LIMIT = 1_048_576


def london(stored):
    """A stored UTC instant (`YYYY-MM-DD HH:MM:SS.SSS`) as London `YYYY-MM-DD HH:MM`."""
    if stored is None:
        return None
    instant = datetime.datetime.fromisoformat(stored).replace(tzinfo=datetime.timezone.utc)
    return instant.astimezone(LONDON).strftime("%Y-%m-%d %H:%M")


def main():
    database, first_day, last_day, out = sys.argv[1:5]
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    rows = connection.execute("""
        SELECT b.id, b.sessionId, s.reference, c.title, c.level, s.startsAt, l.name, l.email, a.name AS agency, a.sector,
               b.status, b.bookedAt, b.cancelledAt, b.noticeWorkingDays
        FROM booking b JOIN session s ON s.id = b.sessionId JOIN course c ON c.id = s.courseId
        JOIN learner l ON l.id = b.learnerId LEFT JOIN agency a ON a.id = b.agencyId
        WHERE s.startDate BETWEEN ? AND ?
        ORDER BY s.startsAt, s.id, b.id
        """, (first_day, last_day))
    workbook = xlsxwriter.Workbook(out, {"constant_memory": True})
    header = workbook.add_format({"bold": True, "bg_color": "#D9E2F3", "border": 1})

    def new_sheet(name):
        sheet = workbook.add_worksheet(name)
        for column, (title, width) in enumerate(zip(COLUMNS, WIDTHS)):
            sheet.set_column(column, column, width)
            sheet.write_string(0, column, title, header)
        sheet.freeze_panes(1, 0)
        return sheet

    # A sheet holds 1,048,575 rows under its header; more go on to the next sheet, as the export does.
    sheet, sheets, in_sheet, count = new_sheet("Bookings"), 1, 0, 0
    for row in rows:
        if in_sheet == ROW_LIMIT - 1:
            sheets += 1
            sheet, in_sheet = new_sheet(f"Bookings ({sheets})"), 0
        in_sheet += 1
        count += 1
        (booking, session, reference, course, level, starts, learner, email, agency, sector,
         status, booked, cancelled, notice) = row
        cells = [booking, session, reference, course, level, london(starts), learner, email,
                 agency if agency is not None else "Agency not recorded", sector, status, london(booked), london(cancelled), notice]
        for column, value in enumerate(cells):
            if value is None:
                continue
            if isinstance(value, int):
                sheet.write_number(in_sheet, column, value)
            else:
                sheet.write_string(in_sheet, column, value)
    workbook.close()
    print(f"rows: {count}")


if __name__ == "__main__":
    main()
