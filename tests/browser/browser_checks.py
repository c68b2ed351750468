"""What the browser suite looks at on a page: collected in Chromium, judged in Python."""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from analysis.paths import ROOT


_COLLECT = r"""() => {
  const attrs = [["a", "href"], ["img", "src"], ["script", "src"], ["link", "href"], ["iframe", "src"],
                 ["source", "src"], ["video", "src"], ["audio", "src"], ["object", "data"], ["embed", "src"]];
  const refs = [];
  for (const [tag, attr] of attrs)
    for (const el of document.querySelectorAll(`${tag}[${attr}]`))
      refs.push({tag, attr, value: el.getAttribute(attr)});
  for (const el of document.querySelectorAll("image, use"))
    for (const a of ["href", "xlink:href"]) if (el.getAttribute(a)) refs.push({tag: el.tagName, attr: a, value: el.getAttribute(a)});
  const images = [...document.images].map(img => ({src: (img.getAttribute("src") || "").slice(0, 120),
                                                   complete: img.complete, width: img.naturalWidth}));
  // cells in reading order, with the heading they sit under
  const cells = [];
  let heading = "";
  for (const cell of document.querySelectorAll(".jp-Cell")) {
    if (cell.classList.contains("jp-MarkdownCell")) {
      const hs = cell.querySelectorAll("h1, h2, h3");
      if (hs.length) heading = hs[hs.length - 1].textContent.replace("¶", "").trim();
      continue;
    }
    const input = cell.querySelector(".jp-InputArea-editor");
    const pres = [...cell.querySelectorAll(".jp-OutputArea-output pre")].map(pre => {
      const style = getComputedStyle(pre);
      const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
      const lines = pre.textContent.replace(/\n$/, "").split("\n").length;
      return {text: pre.textContent, lines,
              rendered: Math.round(pre.getBoundingClientRect().height / lineHeight),
              overflow: pre.scrollWidth > pre.clientWidth + 1};
    });
    cells.push({heading, input: input ? input.textContent : "", pres,
                tables: cell.querySelectorAll(".jp-OutputArea-output table").length});
  }
  const handlers = [];
  for (const el of document.querySelectorAll("*"))
    for (const at of el.attributes) if (at.name.toLowerCase().startsWith("on")) handlers.push(`<${el.tagName.toLowerCase()} ${at.name}>`);
  const clipped = [...document.querySelectorAll(".jp-InputArea-editor")]
    .filter(el => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "hidden")
    .map(el => el.textContent.trim().split("\n")[0].slice(0, 60));
  return {refs, images, cells, title: document.title, text: document.body.innerText, handlers, clipped,
          scripts: document.querySelectorAll("script:not([type='application/json']):not([type$='+json'])").length,
          displacy: document.querySelectorAll("div.entities mark.entity, div.spans, svg.displacy").length,
          pwned: window.__pwned === undefined ? null : String(window.__pwned)};
}"""


@dataclass
class PageReport:
    """What the browser saw on one page."""

    path: Path
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    refs: list[dict] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    cells: list[dict] = field(default_factory=list)
    text: str = ""
    displacy: int = 0
    pwned: str | None = None
    scripts: int = 0
    handlers: list[str] = field(default_factory=list)
    clipped: list[str] = field(default_factory=list)


def inspect_page(context, path: Path, screenshot: Path) -> PageReport:
    report = PageReport(path)
    page = context.new_page()
    page.on("console", lambda msg: report.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: report.console_errors.append(f"uncaught: {exc}"))
    page.on("request", lambda req: report.requests.append(req.url))
    try:
        page.goto(path.as_uri(), wait_until="load")
        page.wait_for_load_state("networkidle")
        seen = page.evaluate(_COLLECT)
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot), full_page=True)
    finally:
        page.close()
    report.refs, report.images, report.cells = seen["refs"], seen["images"], seen["cells"]
    report.text, report.displacy, report.pwned = seen["text"], seen["displacy"], seen["pwned"]
    report.scripts, report.handlers, report.clipped = seen["scripts"], seen["handlers"], seen["clipped"]
    return report


def outside(ref: dict, page: Path, root: Path) -> str | None:
    """Why a link or source on ``page`` does not resolve to an existing file inside ``root``."""
    value = (ref["value"] or "").strip()
    scheme = urlparse(value).scheme.lower()
    if value.startswith("#") or value == "":
        return None
    if scheme == "data":
        return None
    if scheme in ("http", "https", "mailto"):
        return None if ref["tag"] == "a" else f"<{ref['tag']} {ref['attr']}={value!r}> loads from the network"
    if scheme:
        return f"<{ref['tag']} {ref['attr']}={value!r}>: scheme {scheme}: is not allowed"
    if value.startswith("/"):
        return f"<{ref['tag']} {ref['attr']}={value!r}> is an absolute path"
    target = Path(unquote(urlparse(urljoin(page.as_uri(), value)).path)).resolve()
    if root.resolve() not in target.parents:
        return f"<{ref['tag']} {ref['attr']}={value!r}> leaves the reports folder"
    if not target.exists():
        return f"<{ref['tag']} {ref['attr']}={value!r}> points to a missing file"
    return None


def relocated(source: Path, target: Path) -> Path:
    """Copy a rendered reports folder elsewhere and delete the original: it must stand on its own."""
    shutil.copytree(source, target)
    shutil.rmtree(source)
    return target


def runner_notebooks() -> list[Path]:
    """The notebooks ``make report`` renders."""
    from analysis.report import numbered_notebooks

    return numbered_notebooks()


#: An article whose text holds <script>, <img onerror=...> and & (see tests/data/hostile/README.md).
HOSTILE = ROOT / "tests" / "data" / "hostile" / "hostile_article.txt"


def render_article_elsewhere(tmp_path_factory, article: Path, notebooks: list[Path]) -> Path:
    """``make report ARTICLE=...`` into a temporary reports/<stem>/, then moved to a second place."""
    from analysis.report import render_article_reports

    rendered = tmp_path_factory.mktemp("rendered") / "reports" / article.stem
    failed = [r.notebook.name for r in render_article_reports(article, notebooks, rendered) if r.error]
    assert not failed, f"notebooks stopped with an error on {article.name}: {failed}"
    return relocated(rendered, tmp_path_factory.mktemp("copied") / article.stem)


_GAP = re.compile(r"\S {2,}\S")


def is_text_table(text: str) -> bool:
    """True for fixed-width tables printed as text (a pandas ``to_string`` or ``repr``).

    At least a header and two rows, and every line has a run of two or more spaces between words:
    column gaps. Headline numbers printed one per line ("members: 7") are not tables.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) >= 3 and all(_GAP.search(line) for line in lines)
