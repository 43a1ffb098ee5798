"""Bigger bilingual files built at test time from the WMT German sources and English outputs in ../shared/wmt.

Nothing of ../shared is copied into the project: the files are written to a temporary folder.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

from conftest import SHARED
from transcheck import formats
from transcheck.context import Context
from transcheck.rules import load_rules

WMT = SHARED / "wmt" / "wmt21-newstest2021-deen"
LINES = 400
pytestmark = pytest.mark.skipif(not WMT.is_dir(), reason="../shared/wmt is not available")


def _pairs(target: str = "hyp.Online-W.en") -> list[tuple[str, str]]:
    source = (WMT / "source.de").read_text(encoding="utf-8").split("\n")
    english = (WMT / target).read_text(encoding="utf-8").split("\n")
    return [(de, en) for de, en in zip(source[:LINES], english[:LINES]) if de.strip() and en.strip()]


def _po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def build(kind: str, pairs: list[tuple[str, str]]) -> str:
    if kind == "po":
        entries = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n']
        entries += [f"msgctxt \"{i}\"\nmsgid {_po_string(de)}\nmsgstr {_po_string(en)}\n" for i, (de, en) in enumerate(pairs)]
        return "\n".join(entries)
    if kind == "xliff12":
        units = "".join(
            f'<trans-unit id="{i}">\n<source>{escape(de)}</source>\n<target>{escape(en)}</target>\n</trans-unit>\n'
            for i, (de, en) in enumerate(pairs)
        )
        return f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="de" target-language="en"><body>\n{units}</body></file></xliff>\n'
    if kind == "xliff20":
        units = "".join(
            f'<unit id="u{i}"><segment id="s1"><source>{escape(de)}</source><target>{escape(en)}</target></segment></unit>\n'
            for i, (de, en) in enumerate(pairs)
        )
        return f'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en"><file id="f">\n{units}</file></xliff>\n'
    tus = "".join(
        f'<tu><tuv xml:lang="de"><seg>{escape(de)}</seg></tuv><tuv xml:lang="en"><seg>{escape(en)}</seg></tuv></tu>\n'
        for de, en in pairs
    )
    return f'<?xml version="1.0"?>\n<tmx version="1.4"><header/><body>\n{tus}</body></tmx>\n'


SUFFIX = {"po": ".po", "xliff12": ".xlf", "xliff20": ".xliff", "tmx": ".tmx"}


@pytest.mark.parametrize("kind", list(SUFFIX))
def test_every_segment_read_with_its_source_and_mapped_back(tmp_path, kind):
    pairs = _pairs()
    path = tmp_path / f"wmt{SUFFIX[kind]}"
    path.write_text(build(kind, pairs), encoding="utf-8")
    doc = formats.read(str(path))
    assert [(s.source, doc.text[s.start : s.end]) for s in doc.segments] == pairs
    raw = path.read_text(encoding="utf-8")
    for seg in doc.segments:  # identity runs point at the same text in the file
        for t0, t1, r0, r1, identity in doc.pieces:
            if identity and seg.start <= t0 < seg.end:
                assert raw[r0:r1] == doc.text[t0:t1]


def test_findings_point_at_their_text_in_the_file(tmp_path):
    path = tmp_path / "wmt.xlf"
    path.write_text(build("xliff12", _pairs()), encoding="utf-8")
    doc = formats.read(str(path))
    rules = load_rules().select(["numbers", "quotes", "whitespace"], [])
    from transcheck.engine import check

    findings = doc.finish(check(doc, rules))
    raw = path.read_text(encoding="utf-8")
    for f in findings:
        assert f.unit is not None and raw.splitlines()[f.line - 1][f.column - 1 :].startswith(raw[f.start : f.end].split("\n")[0])


def test_bilingual_rules_stay_quiet_on_human_references():
    """Reference translations hold few number, name or language errors: at most 2 % of segments flagged."""
    pairs = _pairs("ref.en")
    doc = formats.plain.paired("ref.en", "\n".join(en for _, en in pairs), "\n".join(de for de, _ in pairs))
    rules = load_rules().select(["bilingual"], [])
    ctx = Context(doc)
    for rule in rules:
        assert len(rule.find(ctx)) <= 0.02 * len(pairs), rule.spec.id
