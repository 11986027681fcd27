"""Browser tests: Playwright driving Debian's Chromium against a live server.

On a machine without Chromium these tests skip with a note on how to enable them; in CI
(CI=true) a missing browser is an error, so a broken install cannot pass silently.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls in tests are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOW_TO_ENABLE = (
    "browser tests need Chromium: `sudo apt-get install chromium` "
    "(or set CHROMIUM_PATH to a Chromium binary)"
)


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI", "").lower() == "true":
        raise pytest.UsageError(f"CI: no Chromium at {CHROMIUM}; {HOW_TO_ENABLE}")
    here = os.path.dirname(__file__)
    skip = pytest.mark.skip(reason=HOW_TO_ENABLE)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(skip)


# The signed-in athlete's outbox entries (outbox-core.js keeps each person's apart).
OUTBOX_ENTRIES = (
    "async () => self.HP_OUTBOX.all(document.querySelector('[data-user]').dataset.user)"
)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
        "headless": True,
    }
