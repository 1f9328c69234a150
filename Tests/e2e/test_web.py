#!/usr/bin/env python3
"""The web application end to end, in a real browser (Chromium headless through WebDriver).

A fresh database is built with the command line, `training serve` is started on a free loopback port,
and Chromium then does what people do:

  * an agency's booker signs in, books two of the agency's staff onto a session a week away, cancels
    one of the places and is shown the late-cancellation charge (£25.00 for a three-hour session at under
    ten working days' notice) before confirming, then again after;
  * the officer signs in, marks the register of a session that has started (scheduled a minute or two
    ahead, booked before it starts; the test waits for its start) and downloads the board's workbook,
    which must arrive as an .xlsx (a zip holding xl/workbook.xml);
  * a learner opens the "manage my place" link from their confirmation email (mail goes to a Maildir,
    read back with Python's email package), sees the place, is shown that no charge applies before
    confirming, and cancels it (issue 18);
  * the officer opens the messages (issue 18), a message, the message words, and one kind's words with
    a mistake refused on its field and a preview of edited words, without saving them;
  * the booker of a 2,500-strong hospital trust (its staff made by one `training learner import`) books
    three of them onto the same session by searching (issue 22): by team, on the second page of those
    matches, and by name, the picked list kept across the searches and pages, then booked in one go;
  * a learner asks for their link on the sign-in page ("Send me my link"), reads it from the email, opens
    their own page (issue 22: places, requests, record of learning, certificates, evaluations, refreshers)
    and asks for a place on a session; the agency's booker sees the request counted in the menu and
    approves it, and the learner's page then shows the place;
  * the booker, the officer and a board member each also open every page of their menu.

axe-core is run on every page the browser shows; any violation of impact "serious" or "critical" fails
the test, listed with its rule id and the elements concerned. On the board's page and the officer's start
page (issue 19) every violation fails, whatever its impact. The board's page is also shown as at 400% zoom
(a 1280 px window at 400% is 320 CSS px wide, how WCAG 1.4.10 Reflow is defined): nothing on it may reach
past the window's right edge, so the page never scrolls sideways — only a wide table scrolls, within its own
focusable region — and axe-core runs on it again at that size.

Screenshots of the two pages (and of the board's page at 400%) are saved to the output folder,
$TRAINING_E2E_OUTPUT, else .build/e2e-output/ (created by the test; each run replaces its files).

Run it with `python3 Tests/e2e/test_web.py` or `python3 -m pytest Tests/e2e`. It needs chromium,
chromedriver, and the Python packages selenium and axe-playwright-python (for its bundled axe.min.js
only; installed with --no-deps, Playwright itself is not used). `make test` runs it after the Swift tests.

Environment: TRAINING_BIN (default .build/debug/training), CHROMEDRIVER (default: found on PATH),
CHROMIUM (default: found on PATH), E2E_KEEP=1 keeps the temporary folder (database, server log),
TRAINING_E2E_OUTPUT (default .build/e2e-output) the folder for the screenshots.
"""

import base64

import datetime
import importlib.util
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from email import message_from_binary_file, policy as email_policy
from pathlib import Path
from zoneinfo import ZoneInfo

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = Path(__file__).resolve().parents[2]
LONDON = ZoneInfo("Europe/London")
AGENCY = "Northgate NHS Trust"
OFFICER = ("officer@partnership.example", "Olu Officer", "officer-password-1")
BOOKER = ("booker@northgate.example", "Bea Booker", "booker-password-1")
BOARD = ("chair@partnership.example", "Cal Chair", "board-password-01")
STAFF = [  # name, email
    ("Amara Okafor", "amara.okafor@northgate.example"),
    ("Ben Carter", "ben.carter@northgate.example"),
    ("Chloe Davies", "chloe.davies@northgate.example"),
    ("Dev Patel", "dev.patel@northgate.example"),
]
LEARNER = STAFF[3]  # booked a month ahead, cancels from their own link
LARGE_AGENCY = "Westhill Hospital Trust"  # issue 22: 2,500 staff, booked by searching
LARGE_BOOKER = ("booker@westhill.example", "Wes Booker", "westhill-password-1")
FIRST_NAMES = ["Aisha", "Ben", "Cara", "Dan", "Ella", "Finn", "Gita", "Hugo", "Isla", "Jack", "Kiran", "Leah", "Max", "Nina", "Owen",
               "Priya", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Will", "Xena", "Yusuf", "Zoe", "Amir", "Beth", "Cole", "Dina",
               "Eli", "Faye", "Gus", "Hana", "Ivan", "Jade", "Kai", "Lina", "Milo", "Nora", "Omar", "Pia", "Raj", "Sara", "Theo",
               "Una", "Vik", "Wren", "Yara", "Zack"]
LAST_NAMES = ["Adams", "Baker", "Clark", "Dixon", "Evans", "Fox", "Green", "Hughes", "Irwin", "Jones", "Khan", "Lewis", "Moore",
              "Nash", "Owens", "Price", "Quinn", "Reid", "Shaw", "Turner", "Upton", "Vance", "Walsh", "Young", "Zhou", "Ahmed", "Brown",
              "Cole", "Doyle", "Ellis", "Ford", "Gill", "Hart", "Ince", "James", "Kerr", "Lamb", "Mills", "Noble", "Oakes", "Patel",
              "Rowe", "Smith", "Todd", "Usher", "Vine", "Ward", "Yates", "Zane", "Ali"]
ROLES = ["Staff nurse", "Midwife", "Health visitor", "Paediatrician", "Social worker"]
COURSE = "Introduction to Safeguarding"  # three hours: a late cancellation costs £25.00 under the default policy
BLOCKING = ("serious", "critical")
STRICT_PAGES = ("/board", "/officer")  # any violation at all fails on these (issue 19), with or without a query
REFLOW_WIDTH, REFLOW_HEIGHT, ZOOM = 320, 256, 4  # CSS px of a 1280 × 1024 window at 400% zoom
OUTPUT = Path(os.environ.get("TRAINING_E2E_OUTPUT") or ROOT / ".build" / "e2e-output")
SCREENSHOTS = ("board-page.png", "board-page-400-percent.png", "officer-start-page.png")


# MARK: - The command line and the server


class Training:
    """The `training` command line on one database file."""

    def __init__(self, binary, database):
        self.binary, self.database = str(binary), str(database)

    def __call__(self, *args, stdin=None):
        result = subprocess.run([self.binary, *args, "--database", self.database], input=stdin,
                                capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise AssertionError(f"training {' '.join(args)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
        return result.stdout


def london(moment):
    return moment.astimezone(LONDON).strftime("%Y-%m-%d %H:%M")


def session_id(output):
    # "Scheduled session #3: Introduction to Safeguarding, ..."
    marker = "Scheduled session #"
    assert marker in output, output
    return int(output.split(marker, 1)[1].split(":", 1)[0])


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_database(training, folder):
    """The partnership: the catalogue, one agency with four staff, the officer and the agency's booker, a
    session a week away for the booker to book, a session starting in a minute or two with two places
    booked, for the officer's register, and a session a month away with one place, whose learner cancels
    it from their link. Mail is on, into the Maildir `folder`/mail. Returns (week-away session,
    starting-soon session, its start)."""
    training("init")
    for key, value in (("mail-transport", "maildir"), ("maildir", str(Path(folder) / "mail")),
                       ("mail-from", "training@partnership.example"), ("officer-email", OFFICER[0])):
        training("settings", "set", key, value)
    training("catalogue", "import", str(ROOT / "Courses"))
    training("agency", "add", AGENCY, "--sector", "Health")
    for name, email in STAFF:
        training("learner", "add", name, email, "--agency", AGENCY)
    training("user", "add", OFFICER[0], "--name", OFFICER[1], "--role", "officer", "--password-stdin", stdin=OFFICER[2] + "\n")
    training("user", "add", BOOKER[0], "--name", BOOKER[1], "--role", "booker", "--agency", AGENCY, "--password-stdin",
             stdin=BOOKER[2] + "\n")

    training("user", "add", BOARD[0], "--name", BOARD[1], "--role", "board", "--password-stdin", stdin=BOARD[2] + "\n")
    training("agency", "requests", AGENCY, "on")  # its staff may ask for places from their own page
    add_large_agency(training, folder)

    now = datetime.datetime.now(LONDON)
    if (now.hour, now.minute) >= (23, 50):  # the session starting soon must start and end on one London day
        time.sleep((now.replace(hour=23, minute=59, second=59) - now).total_seconds() + 2)
        now = datetime.datetime.now(LONDON)
    week = (now + datetime.timedelta(days=7)).date()
    later = training("session", "schedule", COURSE, "--start", f"{week} 09:30", "--end", f"{week} 12:30", "--venue", "Civic Hall", "--anyway")

    # The register opens once a session has started: schedule one at the start of a minute at least 40 s
    # away (times are to the minute), book two places now, and let the browser wait for its start.
    start = (now + datetime.timedelta(seconds=40)).replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)
    end = min(start + datetime.timedelta(hours=3), start.replace(hour=23, minute=59))
    soon = session_id(training("session", "schedule", COURSE, "--start", london(start), "--end", london(end), "--venue", "Town Hall", "--anyway"))
    for _, address in STAFF[2:]:
        training("book", str(soon), address)

    # A month away: well before the charging cut-off, so the learner may cancel it themselves.
    month = (now + datetime.timedelta(days=30)).date()
    away = session_id(training("session", "schedule", COURSE, "--start", f"{month} 09:30", "--end", f"{month} 12:30",
                               "--venue", "Library", "--anyway"))
    training("book", str(away), LEARNER[1])
    return session_id(later), soon, start


def large_agency_staff():
    """The 2,500 staff of the large agency, (name, email, job role, team): every first name with every last
    name, so each name is one person's; 40 wards and five job roles in turn."""
    return [(f"{first} {last}", f"{first.lower()}.{last.lower()}@westhill.example", ROLES[i % len(ROLES)], f"Ward {i % 40 + 1}")
            for i, (last, first) in enumerate((last, first) for last in LAST_NAMES for first in FIRST_NAMES)]


def add_large_agency(training, folder):
    """The large agency, its 2,500 staff made by one import of a staff list file (not one request each), and
    its booker."""
    training("agency", "add", LARGE_AGENCY, "--sector", "Health")
    staff_file = Path(folder) / "westhill-staff.csv"
    with open(staff_file, "w", encoding="utf-8", newline="") as handle:
        handle.write("name,email,agency,job_role,team\n")
        for name, email, role, team in large_agency_staff():
            handle.write(f"{name},{email},{LARGE_AGENCY},{role},{team}\n")
    output = training("learner", "import", str(staff_file))
    assert "2500 added" in output, output
    training("user", "add", LARGE_BOOKER[0], "--name", LARGE_BOOKER[1], "--role", "booker", "--agency", LARGE_AGENCY,
             "--password-stdin", stdin=LARGE_BOOKER[2] + "\n")


def manage_link_token(training, folder, address, venue):
    """Sends the messages queued (into the Maildir) and returns the "manage my place" token of the place
    at `venue` confirmed to `address`, read from the message as a mail client reads it."""
    training("mail", "send")
    for path in sorted((Path(folder) / "mail" / "new").iterdir()):
        with open(path, "rb") as handle:
            message = message_from_binary_file(handle, policy=email_policy.default)
        text = message.get_body(("plain",)).get_content()
        if address in str(message["To"]) and str(message["Subject"]).startswith("Place confirmed") and f"Venue: {venue}" in text:
            found = re.search(r"/my/([A-Za-z0-9_-]{20,})", text)
            assert found, f"no manage-my-place link in {path.name}"
            return found.group(1)
    raise AssertionError(f"no confirmation to {address} of a place at {venue} in the Maildir")


class Server:
    """`training serve` on a free loopback port; stopped with SIGTERM (a graceful stop)."""

    def __init__(self, training, folder):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(folder) / "server.log"
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen([training.binary, "serve", "--host", "127.0.0.1", "--port", str(self.port),
                                         "--database", training.database], stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            if self.process.poll() is not None:
                raise AssertionError(f"training serve exited with {self.process.returncode}:\n{self.log_path.read_text()}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"training serve did not answer on {self.url} within 30 s:\n{self.log_path.read_text()}")
            time.sleep(0.2)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                code = self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise AssertionError("training serve did not stop within 20 s of SIGTERM")
            assert code == 0, f"training serve stopped with exit code {code} after SIGTERM"
        self.log.close()


# MARK: - axe-core


def axe_source():
    """axe.min.js from PyPI: the copy bundled by axe-playwright-python (axe-core 4.x)."""
    spec = importlib.util.find_spec("axe_playwright_python")  # located, not imported: Playwright is not needed
    if spec and spec.submodule_search_locations:
        path = Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
        if path.exists():
            return path.read_text(encoding="utf-8")
    raise AssertionError("axe-core not found: pip install --no-deps axe-playwright-python")


class Axe:
    """Runs axe-core on each page the browser shows and keeps every serious or critical violation, and every
    violation of any impact on the pages of STRICT_PAGES."""

    def __init__(self, driver):
        self.driver, self.source = driver, axe_source()
        self.pages, self.problems = [], []

    def check(self, label):
        driver = self.driver
        # The site's CSP has no script-src; scripts run through WebDriver are not page scripts and are
        # not subject to it (checked below). The page itself still runs none of its own.
        driver.execute_script(self.source)
        assert driver.execute_script("return typeof window.axe") == "object", "axe-core could not be injected"
        results = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r), e => done({error: String(e)}));")
        assert "error" not in results, f"axe-core failed on {label}: {results['error']}"
        path = driver.current_url.split(str(self.base), 1)[-1]
        strict = path.split("?", 1)[0] in STRICT_PAGES
        self.pages.append((label, path, results["testEngine"]["version"],
                           (", ".join(f"{v['id']} ({v['impact']}: {' '.join(' '.join(n['target']) for n in v['nodes'])[:80]})"
                                      for v in results["violations"]) or "no violations") + (" (any impact fails)" if strict else "")))
        for violation in results["violations"]:
            if strict or violation["impact"] in BLOCKING:
                nodes = "\n".join(f"      {' '.join(node['target'])}: {node['html'][:160]}" for node in violation["nodes"])
                self.problems.append(f"  {label} ({path}): {violation['id']} [{violation['impact']}] {violation['help']}\n{nodes}")

    def self_check(self):
        """Proves the checks above meant something: on a fresh page, an inline script added to the DOM is
        refused by the site's CSP, while axe-core (through WebDriver) still runs and finds a planted fault."""
        driver = self.driver
        driver.get(self.base + "/login")
        driver.execute_script("const s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
                              "document.body.appendChild(s);"
                              "const i = document.createElement('img'); i.src = '/static/none.png'; document.querySelector('main').appendChild(i);")
        assert driver.execute_script("return window.inlineRan === true") is False, "an inline script ran: the CSP is not enforced"
        driver.execute_script(self.source)
        results = driver.execute_async_script(
            "const done = arguments[arguments.length - 1]; axe.run(document).then(r => done(r), e => done({error: String(e)}));")
        ids = [v["id"] for v in results.get("violations", [])]
        assert "image-alt" in ids, f"axe-core did not find a planted image without alt text: {ids}"

    def report(self):
        return "\n".join(f"    {label:<42} {path:<34} {found}" for label, path, _, found in self.pages)


# MARK: - Screenshots and reflow


def save_screenshot(driver, path, max_height=None):
    """The whole page, as wide as the window and as tall as the page (at most max_height CSS px), as a PNG:
    Chromium's own capture beyond the viewport, so nothing is stitched."""
    width, height = driver.execute_script(
        "return [window.innerWidth, Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)]")
    if max_height:
        height = min(height, max_height)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True, "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    Path(path).write_bytes(base64.b64decode(shot["data"]))


# Every element or run of text shown that reaches past the right edge of the window, unless it lies within a
# region that scrolls sideways by itself (overflow-x auto or scroll), can be focused to scroll it from the
# keyboard, and itself fits the window: the page's text must reflow, a wide table may scroll in its own region.
REFLOW_SCRIPT = """
const width = document.documentElement.clientWidth;
const region = node => {
  for (let a = node.parentElement; a && a !== document.body; a = a.parentElement) {
    const style = getComputedStyle(a);
    if (style.overflowX === 'auto' || style.overflowX === 'scroll') return a;
  }
  return null;
};
const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
  + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
const outside = [];
const consider = (node, box, element) => {
  if (box.width === 0 || box.height === 0 || box.right <= width + 1) return;
  const r = region(node);
  if (r && r.tabIndex >= 0 && r.getBoundingClientRect().right <= width + 1) return;
  outside.push(`${name(element)} (right edge ${Math.round(box.right)} px): ${(node.textContent || '').trim().slice(0, 60)}`);
};
for (const e of document.body.querySelectorAll('*')) consider(e, e.getBoundingClientRect(), e);
const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const range = document.createRange();
for (let t = texts.nextNode(); t; t = texts.nextNode()) {
  if (!t.textContent.trim()) continue;
  range.selectNodeContents(t);
  consider(t, range.getBoundingClientRect(), t.parentElement);
}
return {scrollWidth: document.documentElement.scrollWidth, clientWidth: width, innerWidth: window.innerWidth,
        ratio: window.devicePixelRatio, outside: outside,
        scrolling: [...document.querySelectorAll('.table-wrap')].filter(r => r.scrollWidth > r.clientWidth).length};
"""


def check_reflow(browser, label, screenshot=None):
    """The page as at 400% zoom in a 1280 × 1024 window: a 320 × 256 CSS px viewport at four device pixels
    each (Chromium's device metrics, through DevTools). The page must not scroll sideways, nothing but a
    table in its own focusable region may reach past the right edge, and axe-core finds nothing at that size.
    Returns how many tables scroll in their own region at that size."""
    driver = browser.driver
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": REFLOW_WIDTH, "height": REFLOW_HEIGHT, "deviceScaleFactor": ZOOM, "mobile": False})
    try:
        driver.refresh()
        found = driver.execute_script(REFLOW_SCRIPT)
        assert found["innerWidth"] == REFLOW_WIDTH and found["ratio"] == ZOOM, f"{label}: the window was not narrowed: {found}"
        assert found["scrollWidth"] <= found["clientWidth"], \
            f"{label}: the page scrolls sideways at 400% zoom ({found['scrollWidth']} px of content in {found['clientWidth']} px)"
        assert not found["outside"], f"{label}: at 400% zoom these reach past the window:\n    " + "\n    ".join(found["outside"][:20])
        browser.axe.check(f"{label} at 400% zoom")
        if screenshot:
            driver.save_screenshot(str(screenshot))
        return found["scrolling"]
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# MARK: - The browser


def chromium_driver(download_folder):
    options = webdriver.ChromeOptions()
    binary = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if binary:
        options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1024",
                     "--no-first-run", "--disable-extensions", "--lang=en-GB"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": str(download_folder),
                                              "download.prompt_for_download": False})
    driver_path = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    driver = webdriver.Chrome(service=Service(executable_path=driver_path) if driver_path else Service(), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(download_folder)})
    return driver


class Browser:
    def __init__(self, driver, base, axe):
        self.driver, self.base, self.axe = driver, base, axe
        axe.base = base

    def open(self, path, label):
        self.driver.get(self.base + path)
        self.axe.check(label)

    def click(self, by, value, label):
        self.driver.find_element(by, value).click()
        self.axe.check(label)

    def button(self, text, label):
        self.click(By.XPATH, f"//button[normalize-space()='{text}']", label)

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "main").text

    def heading(self):
        return self.driver.find_element(By.TAG_NAME, "h1").text

    def path(self):
        return self.driver.current_url.split(self.base, 1)[-1]

    def tour(self, label):
        """Every page of the signed-in user's menu, each checked by axe-core; none may fail."""
        links = [(a.text, a.get_attribute("href")) for a in self.driver.find_elements(By.CSS_SELECTOR, "nav .nav a")]
        assert links, "no menu"
        for text, href in links:
            self.driver.get(href)
            self.axe.check(f"{label} menu: {text}")
            assert self.driver.find_element(By.TAG_NAME, "h1").text, f"{href} has no heading"
            assert "Sorry, there is a problem" not in self.heading(), f"{href}: {self.text()}"

    def sign_in(self, email, password, label):
        self.open("/login", f"{label}: sign-in page")
        self.driver.find_element(By.ID, "email").send_keys(email)
        self.driver.find_element(By.ID, "password").send_keys(password)
        self.button("Sign in", f"{label}: start page")

    def sign_out(self, label):
        self.button("Sign out", label)
        assert "You have signed out." in self.text(), self.text()


def booker_journey(browser, later):
    driver = browser.driver
    browser.sign_in(BOOKER[0], BOOKER[2], "booker")
    assert browser.path() == "/agency", browser.path()
    assert browser.heading() == "Training programme"

    # The programme lists the session a week away with its places; "Book" leads to it.
    browser.click(By.CSS_SELECTOR, f"a[href='/agency/sessions/{later}']", "booker: session page")
    assert browser.heading() == COURSE
    assert "Who do you want to book?" in browser.text()

    # Nobody chosen: the error summary, linked to the field.
    browser.button("Book places", "booker: session page with an error")
    assert "There is a problem" in browser.text() and "Select at least one member of staff to book" in browser.text()
    assert driver.title.startswith("Error: ")

    # Book two of the staff: ticked among the staff listed (a small agency's fit on one page), added to the
    # list to book, then booked.
    for name, _ in STAFF[:2]:
        driver.find_element(By.XPATH, f"//label[starts-with(normalize-space(), '{name}')]").click()
    browser.button("Add to the list", "booker: session page, two picked")
    for name, _ in STAFF[:2]:
        assert driver.find_element(By.XPATH, f"//label[starts-with(normalize-space(), '{name}')]/preceding-sibling::input").is_selected()
    browser.button("Book places", "booker: bookings")
    assert browser.path() == "/agency/bookings", browser.path()
    for name, _ in STAFF[:2]:
        assert f"{name}: place confirmed" in browser.text(), browser.text()

    # Cancel Ben's place: the charge is shown before confirming.
    ben = STAFF[1][0]
    rows = driver.find_elements(By.XPATH, f"//tr[td/a[normalize-space()='{ben}']]")
    assert len(rows) == 1, f"expected one booking of {ben}, found {len(rows)}"
    rows[0].find_element(By.LINK_TEXT, ben).click()
    browser.axe.check("booker: one booking")
    booking_path = browser.path()
    assert "Confirmed" in browser.text(), browser.text()
    browser.click(By.LINK_TEXT, "Cancel this place", "booker: cancel a place")
    assert browser.path() == booking_path + "/cancel", browser.path()
    charge = driver.find_element(By.ID, "charge").text
    assert f"A late cancellation charge of £25.00 will be raised on {AGENCY}." in charge, charge
    browser.button("Yes, cancel the place", "booker: the cancelled booking")
    assert browser.path() == booking_path, browser.path()
    assert f"{ben}'s place on {COURSE} is cancelled. A charge of £25.00 was raised." in browser.text(), browser.text()
    assert "Cancelled" in driver.find_element(By.CSS_SELECTOR, "strong.tag").text

    # The other place stands; the charge is on the agency's charges page.
    browser.open("/agency/bookings", "booker: bookings after cancelling")
    amara = driver.find_element(By.XPATH, f"//tr[td/a[normalize-space()='{STAFF[0][0]}']]").text
    assert "Confirmed" in amara, amara
    browser.click(By.LINK_TEXT, "Charges and invoices", "booker: charges")
    assert "£25.00" in browser.text() and ben in browser.text(), browser.text()
    browser.tour("booker")
    browser.sign_out("booker: signed out")


def pick_matches(browser, count, label):
    """Ticks the first `count` staff among the matches shown and adds them to the list to book; returns their names."""
    driver = browser.driver
    boxes = driver.find_elements(By.CSS_SELECTOR, "input[type=checkbox][name=picked]")[:count]
    assert len(boxes) == count, f"{label}: {len(boxes)} staff to pick"
    names = []
    for box in boxes:
        text = driver.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']").text
        names.append(text.split(",", 1)[0])
        box.click()
    browser.button("Add to the list", label)
    return names


def search_staff(browser, words, label):
    field = browser.driver.find_element(By.ID, "q")
    field.clear()
    field.send_keys(words)
    browser.button("Search", label)


def large_agency_journey(browser, later):
    """Issue 22: the booker of a 2,500-strong agency books three staff onto the session a week away by
    searching: one of a ward's staff, one from the second page of that ward's, and one by name; the list
    picked is kept across the searches and the pages of matches, and booked in one go; then one of them sends
    someone else, found by name among the 2,500."""
    driver = browser.driver
    staff = large_agency_staff()
    browser.sign_in(LARGE_BOOKER[0], LARGE_BOOKER[2], "large agency booker")
    header = driver.find_element(By.CSS_SELECTOR, ".signed-in").text
    assert header == f"{LARGE_BOOKER[1]} ({LARGE_BOOKER[0]})", header
    browser.open(f"/agency/sessions/{later}", "large agency: session page")
    assert "Showing 1–25 of 2,500" in browser.text(), browser.text()
    assert len(driver.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")) == 25

    ward = [person for person in staff if person[3] == "Ward 12"]
    search_staff(browser, "Ward 12", "large agency: staff of a ward")
    assert f"Showing 1–25 of {len(ward)}" in browser.text(), browser.text()
    picked = pick_matches(browser, 1, "large agency: one of a ward picked")
    browser.click(By.CSS_SELECTOR, "a[rel='next']", "large agency: second page of a ward")
    assert f"Showing 26–50 of {len(ward)}" in browser.text(), browser.text()
    picked += pick_matches(browser, 1, "large agency: two picked")

    name, email, role, team = staff[1234]
    search_staff(browser, name, "large agency: staff by name")
    assert "1 person." in browser.text(), browser.text()
    picked += pick_matches(browser, 1, "large agency: three picked")
    assert picked[2] == name, picked
    ticked = [driver.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']").text.split(",", 1)[0]
              for box in driver.find_elements(By.CSS_SELECTOR, "input[type=checkbox][name=learner]") if box.is_selected()]
    assert sorted(ticked) == sorted(picked), (ticked, picked)

    browser.button("Book places", "large agency: bookings")
    assert browser.path() == "/agency/bookings", browser.path()
    for person in picked:
        assert f"{person}: place confirmed" in browser.text(), browser.text()

    # The third sends someone else: found by name among the 2,500 on the booking's page, and chosen.
    browser.click(By.LINK_TEXT, picked[2], "large agency: a booking")
    assert "Showing 1–25 of 2,500" in browser.text(), browser.text()
    substitute = staff[2000][0]
    search_staff(browser, substitute, "large agency: a substitute found by name")
    assert "1 person." in browser.text(), browser.text()
    driver.find_element(By.CSS_SELECTOR, "input[type=radio][name=learner]").click()
    browser.button("Substitute", "large agency: substituted")
    assert f"has passed from {picked[2]} to another member of staff, free of charge." in browser.text(), browser.text()
    assert browser.heading().startswith(f"{substitute}: "), browser.heading()
    browser.open("/agency/staff", "large agency: staff, first page")
    assert "Showing 1–25 of 2,500" in browser.text(), browser.text()
    browser.click(By.CSS_SELECTOR, "a[rel='next']", "large agency: staff, second page")
    assert "Showing 26–50 of 2,500" in browser.text(), browser.text()
    browser.sign_out("large agency booker: signed out")


def learner_journey(browser, token):
    """The learner's own place from their link: no account; the charge (none here) is shown before they
    confirm the cancellation."""
    driver = browser.driver
    browser.open(f"/my/{token}", "learner: own place")
    assert browser.heading() == f"Your place on {COURSE}", browser.heading()
    assert f"{LEARNER[0]}, this is your place." in browser.text(), browser.text()
    assert "Library" in browser.text() and "Confirmed" in browser.text(), browser.text()
    browser.click(By.LINK_TEXT, "Cancel this place", "learner: cancel own place")
    assert browser.path() == f"/my/{token}/cancel", browser.path()
    charge = driver.find_element(By.ID, "charge").text
    assert charge == "No charge applies.", charge
    browser.button("Yes, cancel my place", "learner: own place cancelled")
    assert browser.heading() == "Your place is cancelled", browser.heading()
    assert "the person who booked it has been told" in browser.text(), browser.text()
    browser.open(f"/my/{token}", "learner: own link after cancelling")
    assert "This link no longer works" in browser.text(), browser.text()


def own_page_link_token(training, folder, address):
    """Sends the messages queued (into the Maildir) and returns the token of the newest link to `address`'s
    own page, read from the "Send me my link" message as a mail client reads it."""
    training("mail", "send")
    for path in sorted((Path(folder) / "mail" / "new").iterdir(), key=lambda p: p.stat().st_mtime, reverse=True):
        with open(path, "rb") as handle:
            message = message_from_binary_file(handle, policy=email_policy.default)
        if address in str(message["To"]) and str(message["Subject"]) == "Your link to your training record":
            found = re.search(r"/my/([A-Za-z0-9_-]{20,})", message.get_body(("plain",)).get_content())
            assert found, f"no link in {path.name}"
            return found.group(1)
    raise AssertionError(f"no link to {address}'s training page in the Maildir")


def learner_page_journey(browser, training, folder):
    """Issue 22: a learner asks for their link on the sign-in page, opens their own page from the email,
    and asks for a place on a session; their agency's booker sees the request counted and approves it, and
    the learner's page then shows the place (booked a week away by the booker earlier, and the new one)."""
    driver = browser.driver
    name, address = STAFF[0]
    browser.open("/login", "learner: sign-in page")
    driver.find_element(By.ID, "linkEmail").send_keys(address)
    browser.button("Send me my link", "learner: link sent")
    assert browser.heading() == "Check your email", browser.heading()
    token = own_page_link_token(training, folder, address)
    browser.open(f"/my/{token}", "learner: own page")
    assert browser.heading() == "Your training", browser.heading()
    page = browser.text()
    for section in ("Your places", "Your requests for places", "Your record of learning", "Certificates", "Evaluations to answer",
                    "When your training is due again"):
        assert section in page, f"no {section}: {page}"
    assert "Civic Hall" in page, page
    browser.click(By.LINK_TEXT, "Ask for a place on a session", "learner: sessions to ask for")
    row = driver.find_element(By.XPATH, "//tr[td[normalize-space()='Library']]")
    row.find_element(By.XPATH, ".//button[starts-with(normalize-space(), 'Ask for a place')]").click()
    browser.axe.check("learner: request sent")
    assert "Your request has gone to your agency's booker." in browser.text(), browser.text()
    assert "Waiting for your agency's booker" in browser.text(), browser.text()

    browser.sign_in(BOOKER[0], BOOKER[2], "booker: requests")
    browser.click(By.PARTIAL_LINK_TEXT, "Requests (1)", "booker: requests waiting")
    assert browser.heading() == "Requests for places", browser.heading()
    row = driver.find_element(By.XPATH, f"//tr[td[normalize-space()='{name}']]")
    row.find_element(By.XPATH, ".//button[starts-with(normalize-space(), 'Approve')]").click()
    browser.axe.check("booker: request approved")
    assert f"{name}'s request is approved: their place on {COURSE} is confirmed." in browser.text(), browser.text()
    assert "No requests are waiting." in browser.text(), browser.text()
    browser.sign_out("booker: signed out after approving")

    browser.open(f"/my/{token}", "learner: own page after approval")
    places = driver.find_element(By.XPATH, "//h2[@id='places']/following-sibling::div[1]").text
    assert "Library" in places and "Civic Hall" in places, places
    assert "Approved" in browser.text(), browser.text()


def officer_messages(browser):
    """The outbox, a message, the kinds of message, and one kind's words: a template with a mistake is
    refused on its field with its line, and edited words are previewed on the latest real message, not saved."""
    driver = browser.driver
    browser.open("/officer/messages", "officer: messages")
    assert browser.heading() == "Messages", browser.heading()
    assert LEARNER[1] in browser.text(), browser.text()
    browser.click(By.CSS_SELECTOR, "table a[href^='/officer/messages/']", "officer: one message")
    assert "Status" in browser.text(), browser.text()
    browser.open("/officer/messages/words", "officer: message words")
    browser.click(By.CSS_SELECTOR, "a[href='/officer/messages/words/place-confirmed']", "officer: place confirmed words")
    body = driver.find_element(By.ID, "body")
    body.clear()
    body.send_keys("Dear {{recipientName}},\n\n{{#venue}}\nVenue: {{venue}}\n")
    browser.button("Save", "officer: words with a mistake")
    assert "There is a problem" in browser.text() and "The body, line 3" in browser.text(), browser.text()
    body = driver.find_element(By.ID, "body")
    body.clear()
    body.send_keys("Dear {{recipientName}},\n\nSee you on {{sessionDate}}.\n")
    browser.button("Preview", "officer: words previewed")
    preview = browser.text()
    assert "Shown with the facts of the latest place confirmed message" in preview, preview
    assert "See you on " in preview, preview


def officer_journey(browser, soon, soon_start, downloads):
    driver = browser.driver
    browser.sign_in(OFFICER[0], OFFICER[2], "officer")
    assert browser.path() == "/officer", browser.path()   # the start page: what needs attention
    assert browser.heading() == "Needs attention", browser.heading()
    assert "Sessions under their minimum numbers" in browser.text(), browser.text()
    save_screenshot(driver, OUTPUT / "officer-start-page.png")
    check_reflow(browser, "officer: start page")
    browser.click(By.LINK_TEXT, "See every session", "officer: sessions")
    browser.click(By.CSS_SELECTOR, f"a[href='/officer/sessions/{soon}']", "officer: session page")

    # Wait for the session to start (it was scheduled a minute or two ahead), then the register opens.
    wait = (soon_start - datetime.datetime.now(LONDON)).total_seconds()
    if wait > 0:
        assert "The register opens when the session starts." in browser.text(), browser.text()
        print(f"  waiting {wait:.0f} s for session #{soon} to start, for its register", flush=True)
        time.sleep(wait + 1)
    deadline = time.monotonic() + 60
    while not driver.find_elements(By.XPATH, "//button[normalize-space()='Save the register']"):
        assert time.monotonic() < deadline, "the register did not open after the session's start:\n" + browser.text()
        time.sleep(1)
        driver.refresh()
    browser.axe.check("officer: session page, register open")

    chloe, dev = STAFF[2][0], STAFF[3][0]
    for name, mark in ((chloe, "Present"), (dev, "Absent")):
        row = driver.find_element(By.XPATH, f"//tr[td[normalize-space()='{name}']]")
        row.find_element(By.XPATH, f".//label[normalize-space()='{mark}']").click()
    browser.button("Save the register", "officer: register saved")
    assert browser.path() == f"/officer/sessions/{soon}", browser.path()
    assert "Register saved: 1 present, 1 absent" in browser.text(), browser.text()
    assert "Attended" in driver.find_element(By.XPATH, f"//tr[td[normalize-space()='{chloe}']]").text
    assert driver.find_element(By.XPATH, f"//tr[td[normalize-space()='{dev}']]//input[@value='absent']").is_selected()

    # The board's workbook of this financial year.
    browser.click(By.LINK_TEXT, "Reports", "officer: reports")
    year = financial_year(datetime.datetime.now(LONDON).date())
    link = driver.find_element(By.LINK_TEXT, f"Board workbook {year}")
    link.click()
    deadline = time.monotonic() + 60
    while True:
        files = [f for f in Path(downloads).iterdir() if not f.name.endswith(".crdownload")]
        if files:
            break
        assert time.monotonic() < deadline, f"the board workbook did not arrive in 60 s: {list(Path(downloads).iterdir())}"
        time.sleep(0.5)
    time.sleep(0.5)
    workbook = files[0]
    assert workbook.suffix == ".xlsx", workbook.name
    assert zipfile.is_zipfile(workbook), f"{workbook.name} is not a zip file"
    with zipfile.ZipFile(workbook) as archive:
        names = archive.namelist()
        assert "xl/workbook.xml" in names, names
        assert archive.testzip() is None
    print(f"  downloaded {workbook.name} ({workbook.stat().st_size} bytes, {len(names)} parts)", flush=True)
    officer_messages(browser)
    browser.tour("officer")
    browser.sign_out("officer: signed out")


def financial_year(day):
    """The financial year holding the day, as the program writes it: 2025-26 runs from 1 April 2025."""
    first = day.year if day.month >= 4 else day.year - 1
    return f"{first}-{(first + 1) % 100:02d}"


def board_journey(browser):
    driver = browser.driver
    browser.sign_in(BOARD[0], BOARD[2], "board")
    assert browser.path().startswith("/board"), browser.path()
    pictures = driver.find_elements(By.CSS_SELECTOR, "section.picture svg[role='img']")
    assert len(pictures) >= 4, f"the board's page shows {len(pictures)} pictures"
    save_screenshot(driver, OUTPUT / "board-page.png")
    # Last year's page (the default; nothing happened then in this partnership, so every picture says so) and
    # this year's (the register marked above), each as at 400% zoom.
    scrolling = check_reflow(browser, "board: start page", OUTPUT / "board-page-400-percent.png")
    assert scrolling >= 1, "no table is wider than 320 px: the page was not shown as at 400% zoom"
    year = financial_year(datetime.datetime.now(LONDON).date())
    browser.open(f"/board?year={year}", f"board: summary of {year}")
    check_reflow(browser, f"board: summary of {year}")
    browser.tour("board")
    browser.sign_out("board: signed out")


def test_web_application_in_a_browser():
    binary = Path(os.environ.get("TRAINING_BIN", ROOT / ".build" / "debug" / "training"))
    assert binary.exists(), f"{binary} is missing: build it first (swift build --product training)"
    folder = Path(tempfile.mkdtemp(prefix="training-e2e-"))
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for name in SCREENSHOTS:  # each run's own, never a stale one from before
        (OUTPUT / name).unlink(missing_ok=True)
    downloads = folder / "downloads"
    downloads.mkdir()
    training = Training(binary, folder / "e2e.sqlite")
    server = driver = None
    passed = False
    try:
        later, soon, soon_start = build_database(training, folder)
        token = manage_link_token(training, folder, LEARNER[1], "Library")
        server = Server(training, folder)
        driver = chromium_driver(downloads)
        axe = Axe(driver)
        browser = Browser(driver, server.url, axe)
        print(f"  {driver.capabilities.get('browserName')} {driver.capabilities.get('browserVersion')} against {server.url}", flush=True)

        # Scripts run through WebDriver are not held by the page's CSP (which has no script-src): check
        # the header really is there, so this is the production policy being tested.
        with urllib.request.urlopen(server.url + "/login") as response:
            policy = response.headers["Content-Security-Policy"]
        assert policy and "default-src 'none'" in policy and "script-src" not in policy, policy

        booker_journey(browser, later)
        large_agency_journey(browser, later)
        learner_journey(browser, token)
        learner_page_journey(browser, training, folder)
        officer_journey(browser, soon, soon_start, downloads)
        board_journey(browser)

        axe.self_check()
        print(f"  axe-core {axe.pages[0][2]} on {len(axe.pages)} pages (WCAG 2.x A/AA and best-practice rules):\n" + axe.report(), flush=True)
        print("  self-check: the CSP refused an inline script, and axe-core found a planted image without alt text", flush=True)
        assert not axe.problems, ("axe-core found serious or critical violations (any violation, on "
                                  + " and ".join(STRICT_PAGES) + "):\n" + "\n".join(axe.problems))
        missing = [name for name in SCREENSHOTS if not (OUTPUT / name).is_file()]
        assert not missing, f"screenshots not saved: {missing}"
        print(f"  screenshots in {OUTPUT}: " + ", ".join(SCREENSHOTS), flush=True)
        training("check")
        passed = True
    finally:
        if driver:
            driver.quit()
        if server:
            server.stop()
        if passed and not os.environ.get("E2E_KEEP"):
            shutil.rmtree(folder, ignore_errors=True)
        else:
            print(f"  kept {folder} (database, server.log, downloads)", flush=True)


if __name__ == "__main__":
    started = time.monotonic()
    print("Browser test (Chromium headless, WebDriver, axe-core):", flush=True)
    try:
        test_web_application_in_a_browser()
    except AssertionError as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
    print(f"Browser test passed in {time.monotonic() - started:.0f} s.")
