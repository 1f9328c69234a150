#!/usr/bin/env python3
"""Writes a previous system's history for the import benchmark: sessions.csv and bookings.csv in the
columns `training import history` reads, deterministically from a seed (the same seed, the same bytes).

    scripts/bench-history-csv.py OUT_FOLDER [--sessions 20000] [--bookings-per-session 50] [--seed 2015]

Five financial years from April 2016 of delivered sessions, 200 agencies and 100,000 learners; every
session is delivered, so no booking is refused for filling a session still to run.
"""
import argparse
import csv
import datetime
import os
import random

COURSES = [
    ("Introduction to Safeguarding Children", "foundation", "face-to-face"),
    ("Safeguarding Children Refresher", "foundation", "virtual"),
    ("Working Together to Safeguard Children", "intermediate", "face-to-face"),
    ("Neglect: Recognition and Response", "intermediate", "face-to-face"),
    ("Child Sexual Exploitation", "intermediate", "virtual"),
    ("Domestic Abuse and its Impact on Children", "intermediate", "face-to-face"),
    ("Designated Safeguarding Lead", "advanced", "face-to-face"),
    ("Serious Case Reviews: Learning into Practice", "advanced", "conference"),
]
SECTORS = ["Local Authority", "Health", "Police", "Education", "Early Years", "Voluntary & Community",
           "Private", "Probation", "Housing", "Justice"]
VENUES = ["Town Hall", "Learning Centre", "Conference Suite", "Civic Centre"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--sessions", type=int, default=20_000)
    parser.add_argument("--bookings-per-session", type=int, default=50)
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--agencies", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2015)
    options = parser.parse_args()
    random_source = random.Random(options.seed)
    os.makedirs(options.out, exist_ok=True)

    agencies = [(f"Agency {number:03d}", SECTORS[number % len(SECTORS)]) for number in range(options.agencies)]
    learners = [(f"learner{number}@agency{number % options.agencies:03d}.example", f"Learner {number}",
                 agencies[number % options.agencies]) for number in range(options.learners)]
    first_day = datetime.date(2016, 4, 1)
    days = (datetime.date(2021, 3, 31) - first_day).days

    with open(os.path.join(options.out, "sessions.csv"), "w", newline="") as sessions_file, \
            open(os.path.join(options.out, "bookings.csv"), "w", newline="") as bookings_file:
        sessions = csv.writer(sessions_file, lineterminator="\n")
        bookings = csv.writer(bookings_file, lineterminator="\n")
        sessions.writerow(["session_ref", "course", "level", "delivery", "start", "end", "venue", "capacity", "status", "cancel_reason"])
        bookings.writerow(["session_ref", "learner_email", "learner_name", "agency", "sector", "booked_on", "status", "cancelled_on"])
        for number in range(1, options.sessions + 1):
            reference = f"H{number:06d}"
            title, level, delivery = random_source.choice(COURSES)
            day = first_day + datetime.timedelta(days=random_source.randrange(days))
            hour = random_source.choice([9, 13])
            start = f"{day.isoformat()}T{hour:02d}:30"
            end = f"{day.isoformat()}T{hour + 3:02d}:30"
            sessions.writerow([reference, title, level, delivery, start, end, random_source.choice(VENUES),
                               options.bookings_per_session + 10, "delivered", ""])
            for email, name, (agency, sector) in random_source.sample(learners, options.bookings_per_session):
                booked = day - datetime.timedelta(days=random_source.randint(7, 60))
                roll = random_source.random()
                status = "attended" if roll < 0.82 else "did-not-attend" if roll < 0.9 else "cancelled"
                cancelled = (booked + datetime.timedelta(days=random_source.randint(1, 6))).isoformat() if status == "cancelled" else ""
                bookings.writerow([reference, email, name, agency, sector, booked.isoformat(), status, cancelled])


if __name__ == "__main__":
    main()
