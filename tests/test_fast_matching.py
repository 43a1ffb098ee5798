"""The fast ways of matching find exactly what the plain ways (kept here as references) find."""

from __future__ import annotations

import random
import re

from transcheck.context import Context, _occurrences_one_by_one
from transcheck.detectors import capitalization as cap
from transcheck.documents import Document

PIECES = [
    "Smith", "Lou", "The", "Word", "word", "germany", "Germany", "in", "of", "Berlin", "Berlin-based",
    "Measures", "don’t", "it's", "x_y", "Über", "über", "2021", "a", "e-mail", "Smith’s",
    " ", " ", " ", "  ", "\t", ",", ", ", ".", "\n", "\n\n", "„", "“", "-", "—", "\u200b", "(", ")",
]


def _texts(n: int = 300) -> list[str]:
    rng = random.Random(12)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 60))) for _ in range(n)]


def _reference_named_elsewhere(text: str, word: str) -> bool:
    return any(cap.zipf(m.group(1)) < 5.8 for m in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(word)}\b", text))


def test_occurrences_match_the_one_by_one_search() -> None:
    words = {"Smith", "Lou", "The", "Word", "word", "germany", "in", "Berlin", "e-mail", "it's", "x_y", "Über", "a", "Smith’s"}
    for text in _texts():
        ctx = Context(Document.from_text("t", text))
        assert ctx.occurrences(words) == sorted(_occurrences_one_by_one(text, list(words))), text


def test_names_before_a_word_match_the_regex() -> None:
    for text in _texts():
        for word in ("Smith", "Word", "Measures", "Berlin", "Über"):
            assert cap._named_elsewhere(text, word) == _reference_named_elsewhere(text, word), (text, word)


def test_capitalised_mid_sentence_matches_the_regex() -> None:
    words = {"Germany", "Smith", "Berlin", "Über", "Word"}
    for text in _texts():
        expected = {w for w in words if re.search(rf"[a-z,][ \t]+{re.escape(w)}\b", text)}
        assert cap._capitalised_mid_sentence(text, words) == expected, text


def test_json_report_is_what_the_standard_encoder_writes() -> None:
    import json

    from transcheck.models import Category, Finding, Fix, Safety, Severity
    from transcheck.report import ReportContext, json_report

    findings = [
        Finding("a “b”\\c.txt", "TC1", "n", "f", Category.STYLE, Severity.MINOR, "“é”\n\t\u2028\x01", 1, 2, 3, 4, 5, 6),
        Finding("p", "TC2", "n", "f", Category.FLUENCY, Severity.MAJOR, "m", 1, 2, 3, 4, 5, 6, "s", Fix(1, 2, "r\r\n", Safety.UNSAFE), "u1"),
    ]
    for found in (findings, []):
        text = json_report.render(found, ReportContext())
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
        assert [f["rule"] for f in json.loads(text)["findings"]] == [f.rule for f in found]


def test_line_start_pattern_tried_at_line_starts_finds_what_finditer_finds() -> None:
    rng = random.Random(5)
    pieces = ["the", "old", "dog", "ran", "A", " ", " ", "\t", ".", "!", "”", "\n", "\n\n"]
    lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 60))) for _ in range(600)]
    assert sum(len(list(cap.LINE_START.finditer(t))) for t in lines) > 5
    for text in _texts() + lines:
        fast = [m.span() for m in cap._at_line_starts(cap.LINE_START, text)]
        assert fast == [m.span() for m in cap.LINE_START.finditer(text)], text


def test_phrase_patterns_with_their_first_letter_first_find_the_same_matches() -> None:
    from transcheck.rules.matchers import _literal_first

    phrases = [r"(?<![\w-])Smith(?![\w-])", r"(?<![\w-])in\s+of(?![\w-])", r"(?<![\w-])über", r"(?<![\w-])a(?![\w-])",
               r"(?<![\w-])(?:x|y)", r"(?<![\w-])e\-mail(?![\w-])", r"(?<![\w-])2021"]
    for pattern in phrases:
        for flags in (re.MULTILINE, re.MULTILINE | re.IGNORECASE):
            plain, fast = re.compile(pattern, flags), re.compile(_literal_first(pattern), flags)
            for text in _texts():
                assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], (pattern, text)
                assert [m.span() for m in fast.finditer(text, 3, 20)] == [m.span() for m in plain.finditer(text, 3, 20)]
    assert _literal_first(r"(?<![\w-])(?:x|y)") == r"(?<![\w-])(?:x|y)"


def _scanners(rules=None) -> list:
    """Every scanner of ``rules`` (by default the loaded rules): phrase entries and pattern rules."""
    from transcheck.rules import load_rules
    from transcheck.rules.matchers import Scanner

    found, seen = [], set()

    def visit(value, depth: int = 0) -> None:
        if isinstance(value, Scanner):
            if id(value) not in seen:
                seen.add(id(value))
                found.append(value)
        elif depth < 4 and isinstance(value, (list, tuple)):
            for item in value:
                visit(item, depth + 1)
        elif depth < 4 and hasattr(value, "__dict__"):
            for item in vars(value).values():
                visit(item, depth + 1)

    for rule in load_rules() if rules is None else rules:
        visit(rule.matcher)
    return found


def test_anchored_scanners_find_what_their_lines_hold() -> None:
    """A scanner whose matches all start with a trigger is tried only where a trigger starts:
    the same matches as the pattern searched in the trigger lines, also where a letter is
    folded specially (ſ, ı) or lower-cases longer (İ) and the scanner searches its lines."""
    from dataclasses import replace
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    scanners = _scanners()
    anchored = [s for s in scanners if s.anchored]
    assert len(anchored) > 100 and len(anchored) < len(scanners)
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("samples/*.txt"))]
    texts += [t.replace("said", "ſaid").replace("in ", "İn ").replace("the", "thı") for t in texts[:3]]
    matched = 0
    for text in texts:
        ctx = Context(Document.from_text("t", text))
        for scanner in anchored:
            fast = [m.span() for m in scanner.finditer(ctx)]
            assert fast == [m.span() for m in replace(scanner, anchored=False).finditer(ctx)], scanner.regex.pattern
            matched += len(fast)
    assert matched > 20


def test_sentence_ends_written_first_character_first_are_the_plain_pattern() -> None:
    from transcheck.tagger import SENTENCE_END

    plain = re.compile(r"(?<!\b\d)(?<!\b\d\d)[.!?]+[”\"’')\]]*(?=\s*$|\s+[^\sa-z])|\n", re.MULTILINE)
    rng = random.Random(3)
    pieces = ["1", "12", "a", "A", "Ab", ".", "..", "!", "?", "”", '"', "’", ")", "]", " ", "  ", "\n", "\n\n",
              "x1", "on", "\t", "ä", "Ü", "_"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(3000)] + _texts()
    assert sum(len(plain.findall(t)) for t in texts) > 1000
    for text in texts:
        assert [m.span() for m in SENTENCE_END.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        assert [m.span() for m in SENTENCE_END.finditer(text, 2, 15)] == [m.span() for m in plain.finditer(text, 2, 15)]


def test_trigger_hits_are_each_literals_sorted_overlapping_starts() -> None:
    """The index keeps the automaton's hits unsorted: each literal's starts must already be
    every overlapping occurrence in increasing order, across the stretches searched apart."""
    from transcheck.context import LOWER_CHUNK_CHARS
    from transcheck.rules.prefilter import TriggerIndex

    index = TriggerIndex()
    literals = ("aa", "aaa", "a a", "ab", "b")
    singles = {literal: index.register((literal,)) for literal in literals}
    together = index.register(literals)
    long_line = "aaaa ab a a " * 40 + "\n"
    text = long_line * (2 * LOWER_CHUNK_CHARS // len(long_line) + 3) + "Aaa b\n"
    hits = index.hits(Context(Document.from_text("t", text)), [*singles.values(), together])
    lower = text.lower()
    starts = {literal: [i for i in range(len(lower)) if lower.startswith(literal, i)] for literal in literals}
    for literal, scanner in singles.items():
        assert list(hits.get(scanner)) == starts[literal], literal
    assert list(hits.get(together)) == sorted(i for found in starts.values() for i in found)


def test_a_scoped_context_searches_its_scanners_literals_only() -> None:
    """With a ``trigger_scope``, only the scope's literals are searched for; its scanners get
    the hits they get without one, and a scanner outside it gets every literal's hits."""
    from transcheck.rules.prefilter import TriggerIndex

    index = TriggerIndex()
    inside = index.register(("party", "vote"))
    required = index.register(("said",))
    outside = index.register(("vote", "poll"))
    text = "The party said the vote was close.\nA poll said so.\n"
    whole = index.hits(Context(Document.from_text("t", text)), [inside, required, outside])
    scoped_ctx = Context(Document.from_text("t", text), trigger_scope=frozenset({inside, required}))
    scoped = index.hits(scoped_ctx, [inside, required])
    assert scoped is not whole
    for scanner in (inside, required):
        assert list(scoped.get(scanner)) == list(whole.get(scanner))
    assert "poll" not in [literal for literal, i in index.literals.items() if i in set(scoped._starts.found())]
    wider = index.hits(scoped_ctx, [outside])  # outside the scope: every literal searched for
    assert wider is not scoped and list(wider.get(outside)) == list(whole.get(outside)) == [19, 37]


def test_the_scope_of_the_built_in_rules_holds_every_scanner_they_use() -> None:
    """``engine.trigger_scope`` finds the scanners of matchers and detectors (a boilerplate
    detector's line shapes among them): all rules' scope holds every scanner of their
    matchers, and the document-evidence rules' a part of it."""
    from transcheck import engine
    from transcheck.rules import load_rules

    rules = list(load_rules())
    scanners = [s for s in _scanners(rules) if s.trigger_id is not None]
    every = engine.trigger_scope(rules)
    assert scanners and {i for s in scanners for i in s.trigger_ids} <= every
    evidence = engine.trigger_scope([rule for rule in rules if not engine.line_local(rule)])
    assert evidence and evidence < every


OWN_TEXT = (
    "Die Firma (Az.: 12) meldete u. a. Verluste, z. B. im Export, d.h. bei Dr. med. Weber; i.d.R. gilt das\n"
    "a. D. Meier u.v.m. z. Zt. nicht. He said. She added. Area A. Brown spoke first.\n\n"
    "Z. B. at the start of a line, and z.B. glued.\n"
)


def test_triggered_scanners_find_what_the_whole_text_holds() -> None:
    """A scanner with trigger literals (strong ones that pick its lines, or a pattern's weak
    openings such as ``z.`` where it is tried) finds what its pattern finds in the whole text."""
    from pathlib import Path

    from transcheck.rules.matchers import _rare_opening

    root = Path(__file__).resolve().parents[1]
    triggered = [s for s in _scanners() if s.trigger_id is not None]
    weak = [s for s in triggered if s.anchored and all(map(_rare_opening, s.triggers)) and s.regex.search("z. B.")]
    assert weak, "no scanner is tried only at weak openings"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("samples/*.txt"))] + [OWN_TEXT]
    matched = 0
    for text in texts:
        ctx = Context(Document.from_text("t", text))
        for scanner in triggered:
            fast = [m.span() for m in scanner.finditer(ctx)]
            assert fast == [m.span() for m in scanner.regex.finditer(text)], scanner.regex.pattern
            matched += len(fast)
    assert matched > 50


def test_literals_present_are_those_str_contains_finds() -> None:
    from transcheck.rules.matchers import _literals_in

    literals = ["the", "he", "in ", "smith", "über", "2021", "e-mail", "x_y", ", ", "zz", "berlin-based", "measures"]
    texts = _texts() + ["the " * 20000 + "smith"]  # a literal found only past the first stretches
    for text in texts:
        lower = text.lower()
        if len(lower) != len(text):
            continue
        found = _literals_in(Context(Document.from_text("t", text)), literals)
        assert found == {literal for literal in literals if literal in lower}, text[:80]
