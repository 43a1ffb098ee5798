"""The one Hyperscan pass (rules/multiscan.py): every match of a pattern holds one of its
superset's hits, and the scanners find in a long text exactly what their patterns find."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from transcheck import native
from transcheck.config import load_config
from transcheck.context import Context
from transcheck.documents import Block, Document
from transcheck.rules import load_rules, matchers, multiscan
from transcheck.runner import Checker

ROOT = Path(__file__).resolve().parents[1]
PIECES = [
    "said", "Said", "SAID", "Mr", "Mr.", "the", "The", "in", "an", "x", "of", "Berlin", "über", "Über", "2021", "3.5", "42",
    "e-mail", "don’t", "it's", "Smith’s", " ", " ", "  ", "\t", ",", ".", "!", "?", ":", "\n", "\n\n", "„", "“",
    "”", "‘", "’", "\"", "-", "—", "–", "…", "(", ")", "€", "%", "\u00a0", "\u0085", "ſ", "K", "ı", "İ", "é", "ß",
    "ẞ", "😀", "中", "Ω", "ω", "\u2028", "_",
]
PATTERNS = [
    r"(?<![\w-])said\b(?=\s+that)",
    r"(?<=[.!?]\s)[A-Z]\w+",
    r"(?i)über\s+\w+",
    r"(?i)(?-i:Berlin)\s+said",
    r"[^\W\d_]+’s\b",
    r"“[^”\n]+”",
    r"[^”\n]+$",
    r"^\s*[-—–]\s*\w+",
    r"\d+[.,]\d+\s*(?:%|€)",
    r"(?i)k(?:\s|$)",
    r"(?a)\w+\s+\w+",
    r"(?s)\(.{1,20}?\)",
    r"[^\x00-\x7f]{2,}",
    r"(?i)[^a-z\s]{3}",
    r"(\w)\1",
    r"\bthe\s+(?:\w+\s+){0,12}said",
    r"(?:[“„])\s*\w",
    r"(?<=[^\W\d_]{2})-(?=(?:and|but|the)\b(?![-'’]))",
    r"(?i)\bsaid(?=[ \t]+(?:that|it)\b)",
    r"\d(?=[.,]\d{3}(?!\d))",
    r"Mr\.? (?i:smith’s|berlin)\b",
    r"(?i:[a-zä]+)-(?-i:[A-Z])",
    r"…|\.{3}",
]


def _texts(n: int = 300) -> list[str]:
    """Random texts of the pieces, every other one without the letters that fold onto ASCII."""
    draw = random.Random(5)
    plain = [piece for piece in PIECES if piece not in "ſKıİ"]
    return ["".join(draw.choice(PIECES if n % 2 else plain) for _ in range(draw.randint(1, 80))) for n in range(n)]


def _database(patterns: list[str]) -> multiscan.Database:
    return multiscan.database_of([(p, re.MULTILINE) for p in patterns], calibrate=False)


def test_every_match_holds_a_hit_of_its_superset() -> None:
    database = _database(PATTERNS)
    assert len(database.held) >= len(PATTERNS) - 1  # all but the back-reference's (a prefix of it is kept)
    checked = 0
    for text in _texts():
        ends = database.ends(text)
        if ends is None:  # a character that folds onto ASCII: left to each scanner
            assert any(ch in text for ch in database.folding_onto_ascii)
            continue
        for index in database.held:
            hits = ends.get(index, ())
            for match in re.finditer(PATTERNS[index], text, re.MULTILINE):
                if match.end() > match.start():
                    assert any(_within(text, match, hit) for hit in hits), (PATTERNS[index], text, match)
                    checked += 1
    assert checked > 500


def _within(text: str, match: re.Match, hit: int) -> bool:
    """Whether the hit lies in the match, or after it on its line (a look-ahead made part of
    the superset's match) no further than the look-ahead can reach."""
    if match.start() <= hit < match.end():
        return True
    return match.end() <= hit < match.end() + multiscan.MAX_AHEAD and "\n" not in text[match.start() : hit + 1]


def test_a_look_ahead_at_the_end_is_matched_when_it_stays_on_the_line() -> None:
    database = _database([r"-(?=and\b)", r"x(?=\s+and)", r"y(?=[a-z]{1,100})"])
    ends = database.ends("cat-dog-and x and y\nand")
    assert ends[0] == multiscan.array("I", [10])  # after "-and", not after every hyphen
    assert ends[1] == multiscan.array("I", [12])  # "\s" may take a line break: not made part
    assert ends[2] == multiscan.array("I", [18])  # too long to be made part


def test_a_text_with_a_letter_folding_onto_ascii_is_left_to_the_scanners() -> None:
    database = _database([r"(?i)said"])
    assert database.ends("He ſaid so.") is None
    assert database.ends("He said so.") == {0: multiscan.array("I", [6])}


def test_patterns_without_a_superset_are_left_out() -> None:
    database = _database([r"a*", r"(?<=x)", r"foo\Z", r"bar$", r"(?i)said", r"(?:x|(?:y$)?)\Z", r"z(?=$)"])
    assert database.held == {3, 4, 6}


def test_narrowing_gives_one_byte_a_character_with_and_without_the_core(monkeypatch) -> None:
    alphabet = multiscan.Alphabet.of(["“[^”]+”", "…", "—"])
    texts = _texts() + ["plain ascii", "Latin-1: é ß ÿ \u0085 \u00a0"]
    with_core = [alphabet.narrow(text) for text in texts]
    monkeypatch.setattr(native, "core", lambda: None)
    assert [alphabet.narrow(text) for text in texts] == with_core
    for text, narrowed in zip(texts, with_core):
        assert len(narrowed) == len(text)
        assert narrowed == bytes(alphabet.of_point(ord(ch)) for ch in text)


def _long_text() -> str:
    """Every example of every rule, the samples and the native texts: a long text in which
    every scanner has matches to find (and many places to find none)."""
    lines = [example.text for rule in load_rules() for example in (*rule.spec.flag, *rule.spec.passes)]
    lines += [path.read_text(encoding="utf-8") for path in sorted(ROOT.glob("samples/*.txt"))]
    lines += [path.read_text(encoding="utf-8") for path in sorted(ROOT.glob("tests/data/native/*/*.txt"))]
    draw = random.Random(8)
    draw.shuffle(lines)
    paragraphs = ["\n".join(lines[i : i + 4]) for i in range(0, len(lines), 4)]
    text = "\n\n".join(paragraphs) + "\n"
    assert len(text) > 2 * multiscan.MIN_CHARS
    return text


@pytest.fixture(scope="module")
def long_text() -> str:
    return _long_text()


def _scanners(rules=None):
    from test_fast_matching import _scanners

    return _scanners(rules)


def test_scanners_find_in_a_long_text_what_their_patterns_find(long_text) -> None:
    ctx = Context(Document.from_text("long", long_text))
    scanners = _scanners()
    held = [s for s in scanners if multiscan.positions(ctx, s.multiscan_id) is not None]
    assert len(held) > 0.9 * len(scanners)
    matched = 0
    for scanner in scanners:
        found = [m.span() for m in scanner.finditer(ctx)]
        assert found == [m.span() for m in scanner.regex.finditer(long_text)], scanner.regex.pattern
        matched += len(found)
    assert matched > 1000


def test_a_block_takes_its_share_of_the_whole_texts_hits(long_text) -> None:
    whole = Document.from_text("long", long_text)
    scanners = _scanners()
    for scanner in scanners[:50]:
        list(scanner.finditer(Context(whole)))  # the whole text scanned first, as the engine does
    cut = long_text.index("\n\n", len(long_text) // 3) + 2
    block = Block.of(whole, cut, len(long_text))
    assert len(block.text) >= multiscan.MIN_CHARS
    ctx = Context(block)
    assert multiscan._hits(block)[1] is not None and multiscan._recent[0]() is whole
    for scanner in scanners:
        found = [m.span() for m in scanner.finditer(ctx)]
        assert found == [m.span() for m in scanner.regex.finditer(block.text)], scanner.regex.pattern


def test_a_text_with_a_specially_folded_letter_is_searched_by_each_scanner(long_text) -> None:
    text = long_text.replace("said", "ſaid")
    ctx = Context(Document.from_text("long", text))
    for scanner in _scanners():
        assert multiscan.positions(ctx, scanner.multiscan_id) is None


def test_another_context_of_the_last_text_takes_its_hits_without_a_second_pass(long_text, monkeypatch) -> None:
    document = Document.from_text("long", long_text)
    scanners = _scanners()
    multiscan.REGISTRY.database()
    held = [s for s in scanners if s.multiscan_id is not None and multiscan.REGISTRY.slot(s.multiscan_id) is not None]
    scanner = held[0]
    first = [m.span() for m in scanner.finditer(Context(document))]
    passes = []
    monkeypatch.setattr(multiscan.Database, "ends", lambda self, text: passes.append(text) or {})
    assert [m.span() for m in scanner.finditer(Context(document))] == first
    assert passes == []
    list(scanner.finditer(Context(Document.from_text("other", long_text))))  # another text: its own pass
    assert len(passes) == 1


def test_pages_get_the_same_findings_with_the_pass_as_without(long_text, monkeypatch) -> None:
    checker, draw = Checker(load_config(None)), random.Random(3)
    pieces, start = [], 0
    while len(pieces) < 12:
        size = draw.randint(multiscan.MIN_CHARS, 6 * multiscan.MIN_CHARS)
        pieces.append(long_text[start : start + size])
        start += size
    ours = [checker.check(Document.from_text("page.txt", piece)) for piece in pieces]
    held = next(i for i in range(len(multiscan.REGISTRY.patterns)) if multiscan.REGISTRY.slot(i) is not None)
    assert multiscan.positions(Context(Document.from_text("page.txt", pieces[0])), held) is not None
    monkeypatch.setattr(multiscan, "MIN_CHARS", len(long_text) + 1)
    assert multiscan.positions(Context(Document.from_text("page.txt", pieces[0])), held) is None
    theirs = [checker.check(Document.from_text("page.txt", piece)) for piece in pieces]
    assert ours == theirs
    assert sum(map(len, ours)) > 100


def test_a_text_shorter_than_a_page_is_left_to_the_scanners() -> None:
    short = Document.from_text("short.txt", "The minister said so.\n" * 10)
    assert len(short.text) < multiscan.MIN_CHARS
    assert not multiscan.covers(Context(short))
    assert multiscan.covers(Context(Document.from_text("page.txt", "The minister said so.\n" * 100)))


def test_the_trigger_index_searches_a_covered_text_for_the_scanners_left_to_it_only(long_text) -> None:
    rules = load_rules()
    scanners = [s for s in _scanners(rules) if s.trigger_id is not None]
    ctx = Context(Document.from_text("page.txt", long_text[: 10 * multiscan.MIN_CHARS]))
    scope = matchers.index_scope(ctx)
    held = [s for s in scanners if multiscan.positions(ctx, s.multiscan_id) is not None]
    left = [s for s in scanners if multiscan.positions(ctx, s.multiscan_id) is None]
    assert held and left
    assert all(s.trigger_id not in scope for s in held)
    assert all(set(s.trigger_ids) <= scope for s in left)
    for scanner in scanners:
        assert [m.span() for m in scanner.finditer(ctx)] == [m.span() for m in scanner.regex.finditer(ctx.text)]
    lexicons = [rule for rule in rules if isinstance(rule.matcher, matchers.PhraseMatcher)]
    assert sum(len(rule.find(ctx)) for rule in lexicons) > 10
    searched = [key[-1] for key in ctx.cache if isinstance(key, tuple) and key[0] == "trigger-hits"]
    assert searched == [scope]
    assert matchers.index_scope(Context(Document.from_text("short.txt", "The minister said so.\n"))) is None


def test_found_slots_hold_the_held_patterns_the_pass_found_in_the_text(long_text) -> None:
    scanners = _scanners()
    ctx = Context(Document.from_text("page.txt", long_text[: 5 * multiscan.MIN_CHARS]))
    found = multiscan.found_slots(ctx)
    slots = {s.multiscan_id: multiscan.REGISTRY.slot(s.multiscan_id) for s in scanners if s.multiscan_id is not None}
    held = [s for s in scanners if slots.get(s.multiscan_id) is not None]
    missed = [s for s in held if slots[s.multiscan_id] not in found]
    assert 0 < len(missed) < len(held)
    for scanner in held:
        assert (slots[scanner.multiscan_id] in found) == (len(multiscan.positions(ctx, scanner.multiscan_id)) > 0)
    assert not any(scanner.regex.search(ctx.text) for scanner in missed)
    with pytest.raises(ValueError):
        multiscan.found_slots(Context(Document.from_text("short.txt", "So it is.\n")))


@pytest.mark.parametrize("page", [False, True], ids=["short texts", "pages"])
def test_scanner_lists_skip_only_scanners_that_find_nothing(long_text, monkeypatch, page) -> None:
    """A phrase list or a boilerplate rule tries only the scanners that may match: on texts
    the pass does not cover, those without a trigger and those whose trigger occurs; on
    texts it covers, those whose wider form it found or which it does not hold. The same
    matches as trying every one. What it keeps to choose them stays in its process (a
    pickled copy numbers its own ids)."""
    import pickle

    from transcheck.detectors.boilerplate import BoilerplateLines

    size = 3 * multiscan.MIN_CHARS if page else 1500
    kept = "_by_slot_kept" if page else "_by_trigger_kept"
    lexicons = [rule for rule in load_rules() if isinstance(rule.matcher, (matchers.PhraseMatcher, BoilerplateLines))]
    pieces = [long_text[start : start + size] for start in range(0, len(long_text), size)]
    pieces = [piece for piece in pieces if multiscan.covers(Context(Document.from_text("p.txt", piece))) == page]
    found = [[(n, m.start, m.end) for n, rule in enumerate(lexicons) for m in rule.find(Context(Document.from_text("p.txt", piece)))]
             for piece in pieces]
    lists = [rule.matcher.scanners if isinstance(rule.matcher, matchers.PhraseMatcher) else rule.matcher.starts or ()
             for rule in lexicons]
    tried = [len(rule.matcher._to_try(Context(Document.from_text("p.txt", pieces[0])), scanners))
             for rule, scanners in zip(lexicons, lists)]
    assert sum(map(len, found)) > 10 and sum(tried) < sum(map(len, lists)) / 2
    boilerplate = {n for n, rule in enumerate(lexicons) if isinstance(rule.matcher, BoilerplateLines)}
    assert boilerplate & {n for piece in found for n, _, _ in piece}  # a boilerplate rule found a block
    monkeypatch.setattr(matchers.TriesScanners, "_to_try", lambda self, ctx, scanners: range(len(scanners)))
    every = [[(n, m.start, m.end) for n, rule in enumerate(lexicons) for m in rule.find(Context(Document.from_text("p.txt", piece)))]
             for piece in pieces]
    assert found == every
    matcher = lexicons[0].matcher
    assert kept in vars(matcher) and kept not in vars(pickle.loads(pickle.dumps(matcher)))
