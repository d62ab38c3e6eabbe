"""The HTML report in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Opens reports from the bundled demo deck and from a deck whose rules carry script injections: no console
errors, filters and search change what is visible, deep links land on their finding, injected markup stays
text. Screenshots go to tests/artifacts/ for people to look at.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import GUIDELINES

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason="Debian chromium is not installed (/usr/bin/chromium); `make browser` installs it",
    ),
]

INJECTION = """Content safety rating

Raters must flag every appropriate reply that contains <script>window.__pwned=1</script> as unsafe.
Raters must never flag a reply with <img src=x onerror=alert(1)> as unsafe.
"""


def _report(tmp: Path, *paths: Path) -> tuple[Path, dict]:
    from click.testing import CliRunner

    from guidecheck.cli import main

    html, js = tmp / "report.html", tmp / "report.json"
    result = CliRunner().invoke(
        main,
        ["check", *map(str, paths), "-o", str(html), "-o", str(js), "--fail-on", "never"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return html, json.loads(js.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reports(tmp_path_factory, _isolated_cache):
    """Every report these tests open, generated before the browser starts (no model work beside Chromium)."""
    demo_dir = tmp_path_factory.mktemp("demo")
    deck = demo_dir / "demo"
    shutil.copytree(GUIDELINES / "demo", deck)
    # the demo shows every family, opt-in ones included, as the repository's setup.cfg selects them
    (demo_dir / "setup.cfg").write_text(
        "[guidecheck]\nextend_select = AMB, CON, LAB, TERM\n", encoding="utf-8"
    )
    injection_dir = tmp_path_factory.mktemp("injection")
    unsafe = injection_dir / "safety.txt"
    unsafe.write_text(INJECTION, encoding="utf-8")
    return {"demo": _report(demo_dir, deck), "injection": _report(injection_dir, unsafe)}


@pytest.fixture(scope="module")
def browser(reports):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def open_report(browser):
    """open_report(html_path, width, fragment) -> (page, console errors, dialogs)."""
    contexts = []

    def _open(path: Path, width: int = 1280, fragment: str = ""):
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        # Any request that is not the file itself would mean the report is not self-contained.
        context.route(
            "**/*",
            lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
        )
        page = context.new_page()
        errors: list[str] = []
        dialogs: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("requestfailed", lambda r: errors.append(f"request {r.url}"))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(path.as_uri() + fragment)
        page.wait_for_load_state("load")
        return page, errors, dialogs

    yield _open
    for c in contexts:
        c.close()


def _visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "#finding-list > .finding", "els => els.filter(e => !e.hidden).map(e => e.id)"
    )


@pytest.fixture
def demo(reports):
    return reports["demo"]


def test_demo_report_filters_search_and_screenshot(demo, open_report):
    html, report = demo
    page, errors, _ = open_report(html)
    ids = [f["id"] for f in report["findings"]]
    assert sorted(_visible_ids(page)) == sorted(ids)
    assert {f["category"] for f in report["findings"]} >= {"contradiction", "ambiguity"}

    page.select_option("#f-category", "ambiguity")
    expected = sorted(f["id"] for f in report["findings"] if f["category"] == "ambiguity")
    assert sorted(_visible_ids(page)) == expected
    assert page.inner_text("#f-count") == f"Showing {len(expected)} of {len(ids)} findings."

    page.click("#f-reset")
    assert sorted(_visible_ids(page)) == sorted(ids)
    page.fill("#f-search", "publication date")
    visible = _visible_ids(page)
    assert visible and len(visible) < len(ids)
    rules = {r["id"]: r["text"] for r in report["rules"]}
    for f in report["findings"]:
        mentions = "publication date" in (f["message"] + " ".join(rules[r] for r in f["rules"])).lower()
        assert (f["id"] in visible) == mentions, f["id"]
    page.fill("#f-search", "no finding says this zqxj")
    assert _visible_ids(page) == [] and page.is_visible("#f-none")

    page.click("#f-reset")
    page.locator('button[data-filter="severity"][data-value="error"]').click()
    assert sorted(_visible_ids(page)) == sorted(
        f["id"] for f in report["findings"] if f["severity"] == "error"
    )
    page.click("#f-reset")
    page.locator('a[data-filter="category"][data-value="contradiction"][data-severity="error"]').click()
    assert sorted(_visible_ids(page)) == sorted(
        f["id"] for f in report["findings"] if f["severity"] == "error" and f["category"] == "contradiction"
    )
    page.click("#f-reset")

    page.fill("#r-search", "publication date")
    shown = page.eval_on_selector_all("#rule-rows > tr", "els => els.filter(e => !e.hidden).length")
    assert shown == sum(1 for r in report["rules"] if "publication date" in r["text"].lower())

    ARTIFACTS.mkdir(exist_ok=True)
    page.fill("#r-search", "")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "report-demo.png"), full_page=True)
    page.screenshot(path=str(ARTIFACTS / "report-demo-top.png"))
    assert errors == []


def test_deep_link_scrolls_to_finding_even_when_filtered(demo, open_report):
    html, report = demo
    target = report["findings"][-1]["id"]
    page, errors, _ = open_report(html, fragment=f"#{target}")
    box = page.locator(f"[id='{target}']").bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    assert page.evaluate("document.activeElement.id") == target
    bar = page.locator("#filters").bounding_box()
    assert box["y"] >= bar["y"] + bar["height"]  # not hidden under the sticky filter bar

    other = next(f for f in report["findings"] if f["category"] != report["findings"][0]["category"])
    hide = next(f["category"] for f in report["findings"] if f["category"] != other["category"])
    page.select_option("#f-category", hide)
    assert other["id"] not in _visible_ids(page)
    page.evaluate("id => { location.hash = id; }", other["id"])
    page.wait_for_function("id => !document.getElementById(id).hidden", arg=other["id"])
    box = page.locator(f"[id='{other['id']}']").bounding_box()
    assert 0 <= box["y"] < 900
    assert errors == []


def test_keyboard_filters(demo, open_report):
    html, _report = demo
    page, errors, _ = open_report(html)
    page.focus("#f-search")
    page.keyboard.type("minor")
    visible = _visible_ids(page)
    assert visible and all("minor" in page.inner_text(f"[id='{i}']").lower() for i in visible)
    page.keyboard.press("Shift+Tab")  # back to the check filter
    assert page.evaluate("document.activeElement.id") == "f-check"
    assert errors == []


def test_narrow_screen_stacks_the_pair(demo, open_report):
    html, report = demo
    page, errors, _ = open_report(html, width=390, fragment="#findings")
    con = next(f for f in report["findings"] if f["category"] == "contradiction")
    sides = page.locator(f"[id='{con['id']}'] .side")
    a, b = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert b["y"] > a["y"] + a["height"] - 1  # stacked, not side by side
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-demo-narrow.png"))
    assert errors == []


def test_injected_markup_renders_as_text(reports, open_report):
    html, report = reports["injection"]
    assert any("<script>" in r["text"] for r in report["rules"])
    page, errors, dialogs = open_report(html)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.locator("img").count() == 0
    page.fill("#r-search", "pwned")
    assert page.get_by_text("<script>window.__pwned=1</script>", exact=False).first.is_visible()
    page.fill("#r-search", "onerror")
    assert page.get_by_text("<img src=x onerror=alert(1)>", exact=False).first.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-injection.png"), full_page=True)
    assert errors == []


CONTRAST_JS = """
sel => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  return Array.from(document.querySelectorAll(sel)).slice(0, 20).map(el => {
    const a = lum(rgb(getComputedStyle(el).color).slice(0, 3)), b = lum(background(el));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}
"""


def test_text_contrast_meets_wcag_aa(demo, open_report):
    html, _ = demo
    page, errors, _ = open_report(html)
    for selector in (
        "body",
        ".badge",
        ".muted",
        ".explain",
        ".crumbs",
        "mark",
        ".meta",
        ".leadin",
        ".side-head",
        ".card .why",
        ".card .num",
        ".card.zero .what",
        ".status",
        ".count",
        "a.where",
    ):
        ratios = page.evaluate(CONTRAST_JS, selector)
        assert ratios, selector
        assert min(ratios) >= 4.5, (selector, min(ratios))
    assert errors == []


def test_print_hides_controls_and_keeps_findings(demo, open_report):
    html, report = demo
    page, errors, _ = open_report(html)
    page.emulate_media(media="print")
    assert not page.is_visible("#filters")
    assert not page.is_visible("#r-search")
    assert all(page.is_visible(f"[id='{f['id']}']") for f in report["findings"])
    assert errors == []
