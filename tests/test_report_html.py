"""The HTML report: its markup, and the report of samples/ driven in a real headless Chromium.

The browser test uses Debian's chromium (``scripts/setup`` installs it) through Playwright,
with no browser download. It skips when chromium is absent, except in CI (``CI=true``), where
that is a failure. A screenshot is kept in ``build/`` (gitignored) as a build artifact.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES, run_cli
from pipeline_helpers import write

CHROMIUM = os.environ.get("TRANSCHECK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCREENSHOT = ROOT / "build" / "report-samples.png"


RULE = """\
id: {id}
name: {name}
family: numbers
category: {category}
severity: {severity}
message: "{message}"
matcher:
  kind: pattern
  pattern: '{pattern}'
why: >
  {why}
examples:
  flag:
    - "{flag}"
  pass:
    - "Prices rose 5% in May."
"""
RULES = {
    "rules/numbers/ZZ901.yaml": RULE.format(
        id="ZZ901", name="per-cent-spelled-out", category="style", severity="major", message="write 5%: {match}",
        pattern="\\bper cent\\b", why="House style writes the percent sign.", flag="Prices rose 5 [[per cent]] in May."),
    "rules/numbers/ZZ902.yaml": RULE.format(
        id="ZZ902", name="amount-before-per", category="fluency", severity="minor", message="amount <b>{match}</b>",
        pattern="\\d+ per\\b", why="A test rule whose span overlaps the other.", flag="Prices rose [[5 per]] cent in May."),
}


@pytest.fixture(scope="module")
def rules_folder(tmp_path_factory) -> str:
    """The two rules above, in one folder for the module: a rule folder's path is part of the
    rule cache's key, so they are built once, not once per test."""
    folder = tmp_path_factory.mktemp("html-rules")
    write(folder, RULES)
    return str(folder / "rules")


@pytest.fixture
def rules_dir(rules_folder, rules_cache_apart) -> str:
    """The rule folder, compiled into the session's cache apart."""
    return rules_folder


def test_self_contained_escaped_and_overlaps_split(tmp_path, rules_dir):
    write(tmp_path, {"a.txt": "Prices <b>rose</b> 5 per cent.\r\nThen 7 per cent.\r\n"})
    proc = run_cli("check", "-j", "1", "-f", "html", "-o", "a.html", "--rules", rules_dir, "--select", "ZZ901,ZZ902",
                   "a.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr_text
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert "<link" not in page and " src=" not in page and "@import" not in page  # nothing to fetch
    assert page.count("<style>") == 1 and page.count("<script>") == 1
    assert "&lt;b&gt;rose&lt;/b&gt;" in page and "amount &lt;b&gt;5 per&lt;/b&gt;" in page  # text and messages escaped
    # "5 per cent": ZZ902 covers "5 per", ZZ901 "per cent": three marks, the shared one takes the higher severity
    assert ('&lt;/b&gt; <mark class="f" data-ids="f1" data-sev="minor" tabindex="0" aria-describedby="f1" id="m-f1">5 </mark>'
            '<mark class="f" data-ids="f1 f2" data-sev="major" tabindex="0" aria-describedby="f1 f2" id="m-f2" '
            'data-tag="FLU" data-ends="f1">per</mark>'
            '<mark class="f" data-ids="f2" data-sev="major" tabindex="0" aria-describedby="f2" data-tag="STY" data-ends="f2"> cent</mark>.'
            ) in page
    assert '<li id="f4" class="finding" data-sev="major" data-cat="style" data-rule="ZZ901" data-file="0">' in page
    assert '<a class="loc" href="#m-f4">line 2, column 8</a>' in page  # after a CRLF line end
    assert '<dt id="rule-ZZ901">ZZ901 per-cent-spelled-out' in page and "House style writes the percent sign." in page


def test_report_command_shows_reference_scores_and_worst_segments(tmp_path, rules_dir):
    write(tmp_path, {"a.txt": "Prices rose 5 per cent in May.\nThe shop closed early.\n",
                     "ref.txt": "Prices rose 5% in May.\nThe shop closed early.\n"})
    proc = run_cli("report", "-j", "1", "--rules", rules_dir, "--select", "ZZ901", "a.txt", "-r", "ref.txt", "--worst", "1",
                   "-o", "r.html", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr_text
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Scored against ref.txt (line by line, 2 segments)" in page
    assert '<th scope="col">BLEU</th><th scope="col">chrF2</th><th scope="col">chrF2++</th><th scope="col">TER</th>' in page
    assert ('<p class="hyp">Prices rose <del>5 per cent</del> in May.</p><p class="ref">Prices rose <ins>5%</ins> in May.</p>'
            in page)  # the worst segment, its differing words marked
    assert 'data-rule="ZZ901"' in page


def _browser():
    """Playwright's sync API and the chromium to drive, or skip (fail in CI) without them."""
    in_ci = os.environ.get("CI", "").lower() == "true"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if in_ci:
            pytest.fail("playwright is not installed (pip install -e '.[test]')")
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    if not Path(CHROMIUM).is_file():
        if in_ci:
            pytest.fail(f"chromium is not installed at {CHROMIUM}; scripts/setup installs it (apt-get install chromium)")
        pytest.skip(f"chromium is not installed at {CHROMIUM}; scripts/setup installs it (apt-get install chromium)")
    return sync_playwright


@pytest.fixture(scope="module")
def samples_report(tmp_path_factory):
    """The HTML and the JSON report of samples/ (the same check)."""
    out = tmp_path_factory.mktemp("html")
    proc = run_cli("check", "-j", "1", str(SAMPLES), "-f", "html", "-o", str(out / "samples.html"))
    assert proc.returncode in (0, 1), proc.stderr_text
    as_json = run_cli("check", "-j", "1", str(SAMPLES), "-f", "json")
    assert as_json.returncode in (0, 1), as_json.stderr_text
    return out / "samples.html", json.loads(as_json.stdout_text)


def _marked_text(page, finding_id: str) -> str:
    return page.evaluate(
        """id => Array.from(document.querySelectorAll('mark.f'))
             .filter(m => m.dataset.ids.split(' ').includes(id)).map(m => m.textContent).join('')""",
        finding_id,
    )


def test_samples_report_in_headless_chromium(samples_report):
    sync_playwright = _browser()
    path, data = samples_report
    findings = data["findings"]
    assert findings, "the samples have findings"
    texts = {f["path"]: Path(f["path"]).read_text(encoding="utf-8") for f in findings}
    requests, errors = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("request", lambda r: requests.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=False)
        try:
            _highlights(page, findings, texts)
            _tooltip(page)
            _filters(page, findings)
            _chart(page, findings)
        finally:
            browser.close()
    assert errors == []
    assert requests == [path.as_uri()]  # self-contained: the page fetched nothing else


def _highlights(page, findings, texts) -> None:
    """Every finding's span is highlighted in place, with the exact flagged text, coloured by severity."""
    assert page.locator("li.finding").count() == len(findings)
    for i, f in enumerate(findings, 1):
        expected = texts[f["path"]][f["start"]:f["end"]] or "\u2038"  # a zero-width finding shows a caret
        assert _marked_text(page, f"f{i}") == expected, f
        assert page.get_attribute(f"#f{i}", "data-rule") == f["rule"]
    colours = page.evaluate("""() => Object.fromEntries(['minor', 'major', 'critical'].map(s => {
        const m = document.querySelector(`mark.f[data-sev="${s}"]`);
        return [s, m && getComputedStyle(m).backgroundColor];
    }))""")
    present = {f["severity"] for f in findings}
    assert len({colours[s] for s in present}) == len(present) and None not in {colours[s] for s in present}
    tag = page.evaluate("getComputedStyle(document.querySelector('mark.f[data-tag]'), '::after').content")
    assert tag.strip('"') in {"ACC", "FLU", "TER", "STY", "LOC", "NON"} or " " in tag


def _tooltip(page) -> None:
    """Hover and keyboard focus show message, rule and its documentation; Escape hides it."""
    first = page.locator("mark.f").first
    first.hover()
    tip = page.locator("#tip")
    assert tip.is_visible()
    ids = first.get_attribute("data-ids").split()
    message = page.locator(f"#{ids[0]} .msg").text_content()
    rule = page.get_attribute(f"#{ids[0]}", "data-rule")
    assert message in tip.text_content() and rule in tip.text_content()
    why = page.locator(f'dt[id="rule-{rule}"] + dd').text_content()
    assert why[:60] in tip.text_content()
    page.mouse.move(0, 0)
    first.focus()
    page.keyboard.press("Tab")  # the next highlighted span takes focus and shows its finding
    focused = page.evaluate("document.activeElement.matches('mark.f') && document.activeElement.dataset.ids")
    assert focused and tip.is_visible()
    page.screenshot(path=str(SCREENSHOT.with_name("report-samples-tooltip.png")))
    assert page.locator(f"#{focused.split()[0]} .msg").text_content() in tip.text_content()
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def _shown(page) -> int:
    return page.locator("li.finding:visible").count()


def _filters(page, findings) -> None:
    """Severity, category, rule and file filters hide the findings and their highlights; Show all restores."""
    total = len(findings)
    assert page.locator("#filters").is_visible() and _shown(page) == total
    minor = sum(f["severity"] == "minor" for f in findings)
    page.locator('#filters input[name="sev"][value="minor"]').uncheck()
    assert _shown(page) == total - minor
    assert page.locator("#shown").text_content() == f"Showing {total - minor} of {total} findings"
    only_minor = page.evaluate("""() => Array.from(document.querySelectorAll('mark.f')).filter(m =>
        m.dataset.ids.split(' ').every(id => document.getElementById(id).dataset.sev === 'minor'))
        .every(m => m.classList.contains('off') && m.tabIndex === -1)""")
    assert only_minor
    rule = findings[0]["rule"]
    page.locator(f'#filters input[name="rule"][value="{rule}"]').uncheck()
    assert _shown(page) == total - sum(f["severity"] == "minor" or f["rule"] == rule for f in findings)
    page.locator("#show-all").click()
    assert _shown(page) == total
    category = findings[0]["category"]
    page.locator(f'#filters input[name="cat"][value="{category}"]').uncheck()
    assert _shown(page) == total - sum(f["category"] == category for f in findings)
    page.locator("#show-all").click()
    page.locator('#filters input[name="file"][value="0"]').uncheck()
    assert not page.locator("#file-0").is_visible() and page.locator("#file-1").is_visible()
    page.locator("#show-all").click()
    assert _shown(page) == total and page.locator("#file-0").is_visible()


def _chart(page, findings) -> None:
    """The bar chart is drawn: one bar a category and severity present, with its count."""
    bars = page.locator("svg.chart rect.bar")
    pairs = {(f["category"], f["severity"]) for f in findings}
    assert bars.count() == len(pairs)
    boxes = [bars.nth(i).bounding_box() for i in range(bars.count())]
    assert all(b and b["width"] > 0 and b["height"] > 0 for b in boxes)
    counted = page.evaluate("""() => Array.from(document.querySelectorAll('svg.chart rect.bar title'))
        .reduce((n, t) => n + Number(t.textContent.split(': ').pop()), 0)""")
    assert counted == len(findings)
