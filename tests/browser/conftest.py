"""The browser suite: the rendered reports opened in headless Chromium through Playwright.

The reports are rendered inside the test session by the report runner (``analysis.report``) into a
temporary folder, then copied to a second folder and the first one deleted: every check runs on a
``reports/`` that lives on its own, as a reader who was sent the folder would open it.

Chromium is Debian's package (``/usr/bin/chromium``, or ``$ACCORDS_CHROMIUM``); Playwright drives it
through its bundled driver, since browser downloads are not reachable. Without Chromium the suite is
skipped with a message saying how to install it, unless ``ACCORDS_BROWSER_REQUIRED=1`` (set by
``.ci/run``), which turns the skip into a failure.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest
from browser_checks import HOSTILE, PageReport, inspect_page, relocated, render_article_elsewhere, runner_notebooks

from analysis.paths import ROOT

CHROMIUM = Path(os.environ.get("ACCORDS_CHROMIUM", "/usr/bin/chromium"))
REQUIRED = os.environ.get("ACCORDS_BROWSER_REQUIRED", "") not in ("", "0")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
INSTALL_HINT = (
    "the browser suite needs Debian's Chromium at {path}; install it with "
    "`sudo apt-get install chromium` (or point ACCORDS_CHROMIUM at a Chromium binary)"
)
#: Screenshots of every report, for a person to look at (git-ignored).
SCREENSHOTS = ROOT / "screenshots"


def _missing() -> str | None:
    """Why the browser suite cannot run here, or None when it can."""
    if not CHROMIUM.exists():
        return INSTALL_HINT.format(path=CHROMIUM)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the browser suite needs the Python package playwright: `make install` installs it"
    return None


def pytest_collection_modifyitems(config, items):
    """Mark this folder's tests ``browser``; without Chromium skip them all (or stop, when required)."""
    here = Path(__file__).parent
    ours = [item for item in items if here in Path(str(item.path)).parents]
    problem = _missing() if ours else None
    if problem is not None and REQUIRED:
        pytest.exit(f"ACCORDS_BROWSER_REQUIRED is set but {problem}", returncode=1)
    for item in ours:
        item.add_marker(pytest.mark.browser)
        if problem is not None:
            item.add_marker(pytest.mark.skip(reason=problem))


def pytest_report_header(config):
    problem = _missing()
    if problem is None:
        return f"browser suite: Chromium at {CHROMIUM}"
    if REQUIRED:
        return f"browser suite: REQUIRED but cannot run: {problem}"
    return f"browser suite: SKIPPED: {problem}"


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    """One headless Chromium with a fresh profile; the network is cut (only file:// and data:)."""
    problem = _missing()
    if problem is not None:
        if REQUIRED:
            pytest.fail(f"ACCORDS_BROWSER_REQUIRED is set but {problem}", pytrace=False)
        pytest.skip(problem)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM),
            headless=True, args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900},
        )
        context.route("**/*", lambda route: route.abort() if urlparse(route.request.url).scheme
                      in ("http", "https", "ws", "wss") else route.continue_())
        yield context
        context.close()


@pytest.fixture(scope="session")
def inspect(browser_context) -> Callable[[Path, str], PageReport]:
    """Open a page once per session (cached) and return what the browser saw; screenshot it."""
    cache: dict[Path, PageReport] = {}

    def run(path: Path, shots: str) -> PageReport:
        if path not in cache:
            cache[path] = inspect_page(browser_context, path, SCREENSHOTS / shots / f"{path.stem}.png")
        return cache[path]

    return run


@pytest.fixture(scope="session")
def our_reports(tmp_path_factory) -> Iterator[Path]:
    """The reports of ``make report`` (every numbered notebook), rendered once per session."""
    from analysis.report import render_reports

    rendered = tmp_path_factory.mktemp("rendered") / "reports"
    failed = [r.notebook.name for r in render_reports(runner_notebooks(), rendered) if r.error]
    assert not failed, f"notebooks stopped with an error: {failed}"
    yield relocated(rendered, tmp_path_factory.mktemp("copied") / "reports")


def tracked_state() -> str | None:
    """``git diff HEAD`` of the project (None outside a git checkout): what a run must not change."""
    try:
        done = subprocess.run(["git", "diff", "HEAD", "--binary"], cwd=ROOT, capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return hashlib.sha256(done.stdout).hexdigest()


@dataclass(frozen=True)
class ArticleRun:
    """An article's relocated reports and the project's tracked files before and after the run."""

    reports: Path
    tracked_before: str | None
    tracked_after: str | None


@pytest.fixture(scope="session")
def hostile_run(tmp_path_factory) -> ArticleRun:
    """The hostile article's reports, rendered by the runner with every one-article notebook."""
    before = tracked_state()
    reports = render_article_elsewhere(tmp_path_factory, HOSTILE, runner_notebooks())
    return ArticleRun(reports, before, tracked_state())
