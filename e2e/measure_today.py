"""Measure a cold open of Today in real Chromium against a running gunicorn (by hand).

Signs in once, then opens /today/ in a fresh browser context (empty cache) on a phone-sized
screen, waits until the service worker controls the page and every log form of the week is
kept offline, and lists each response gunicorn sent with its body size (compressed when it
was). Usage and the recorded figures: docs/benchmarks.md, "Page weight".

    .venv/bin/python e2e/measure_today.py BASE_URL ACCESS_LOG EMAIL PASSWORD

gunicorn must log with --access-logformat '%(m)s %(U)s %(s)s %(B)s %({content-encoding}o)s'.
"""

import sys
import time
import urllib.request

from playwright.sync_api import sync_playwright

from conftest import CHROMIUM, CHROMIUM_ARGS  # the browser tests' Chromium, run as a script

KEPT = """async (urls) => {
  let kept = 0;  // in the person's own cache (hp-pages-<id>): any cache will do here
  for (const url of urls) if (await caches.match(url)) kept++;
  return kept;
}"""


def session_cookies(browser, base, email, password):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("networkidle")
    cookies = [c for c in context.cookies() if c["name"] in ("sessionid", "csrftoken")]
    context.close()
    return cookies


def cold_open(browser, base, cookies):
    """Open Today with an empty cache; return how many offline copies were kept, of how many."""
    phone = browser.new_context(
        viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True
    )
    phone.add_cookies(cookies)
    page = phone.new_page()
    page.goto(f"{base}/today/")
    urls = page.eval_on_selector_all("[data-offline-urls] li", "li => li.map(e => e.textContent)")
    page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller")
    kept, deadline = 0, time.time() + 30
    while kept < len(urls) and time.time() < deadline:
        time.sleep(0.5)
        kept = page.evaluate(KEPT, [url.strip() for url in urls])
    page.wait_for_load_state("networkidle")
    time.sleep(2)  # let the last responses reach the access log
    phone.close()
    return kept, len(urls)


def body_size(base, url, logged):
    """gunicorn logs 0 bytes for files whitenoise hands to sendfile: ask for them again."""
    if logged != "0" and logged != "-":
        return int(logged)
    # main() accepts only an http(s) base URL.
    request = urllib.request.Request(base + url, headers={"Accept-Encoding": "gzip, br"})  # noqa: S310
    with urllib.request.urlopen(request) as response:  # noqa: S310
        return len(response.read())


def main(base, access_log, email, password):
    if not base.startswith(("http://", "https://")):
        raise SystemExit(f"BASE_URL must be http(s)://…, not {base!r}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        cookies = session_cookies(browser, base, email, password)
        with open(access_log) as log:
            mark = sum(1 for _ in log)
        kept, listed = cold_open(browser, base, cookies)
        browser.close()
    with open(access_log) as log:
        lines = log.read().splitlines()[mark:]
    total = 0
    for line in lines:
        _method, url, status, logged, encoding = line.split(" ")
        size = body_size(base, url, logged) if status == "200" else 0
        total += size
        print(f"{size:7,d}  {status}  {encoding:4s}  {url}")
    print(f"{len(lines)} responses, {total:,d} bytes ({total / 1024:.1f} KiB) of bodies")
    print(f"log forms kept offline: {kept} of {listed}")


if __name__ == "__main__":
    main(*sys.argv[1:5])
