"""Property-based: on texts mixing artifact and clean paragraphs, fixing is idempotent and
changes nothing outside the fixed spans (checked against the paragraphs the test built)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcheck.fixer import Edit, fix_text

# Paragraphs with artifacts that have safe fixes (most are from the real draft).
ARTIFACTS = [
    "Dhe Russian President Vladimir Putin has proposed a live debate to his US colleague Joe Biden.",
    "I would tell him: stay healthy! I wish him health, ”Putin said on Thursday.",
    "Biden had answered yes to the question of whether he considered Putin to be a “killer”.",
    "His wishes for Biden are “without irony and without joke”, stressed Putin.",
    "“If I come to the conclusion that this has happened, be prepared for something ‘. ”Biden did not elaborate.",
    "Peskov said: „Of course there has never been anything like this in history.“",
    "The rate rose to 3,5 percent on 18.03.2021 at 14.30 Uhr.",
    "The talks ( in Geneva ) ended , as expected .",
    "The  Kremlin rejected the the report.",
    "Be First to Comment",
    "Leave a Reply\n\nYour email address will not be published. Required fields are marked *",
    "Press \"Enter\" to skip to content",
]

# Paragraphs no rule should touch (curly quotes correctly placed, or no quotes at all).
CLEAN = [
    "Russian President Vladimir Putin has proposed a live debate with Joe Biden on Friday or next Monday.",
    "Russia had already recalled its ambassador in Washington, Anatoly Antonov, to Moscow in protest.",
    "“Of course, there has never been anything like this in history,” Kremlin spokesman Peskov continued.",
    "The Kremlin rejected this as “completely irrelevant and unfounded.”",
    "Biden said he spoke to Putin shortly after he took office in January.",
    "The prominent Moscow foreign-policy figure Konstantin Kosachev called the statements unacceptable.",
]

paragraph = st.one_of(
    st.tuples(st.just(True), st.sampled_from(ARTIFACTS)),
    st.tuples(st.just(False), st.sampled_from(CLEAN)),
)


def build(parts: list[tuple[bool, str]], newline: str, bom: bool) -> tuple[str, list[tuple[int, int]]]:
    """The joined text and the (start, end) of each clean paragraph in it."""
    sep = newline * 2
    text, clean = ("\ufeff" if bom else ""), []
    for i, (artifact, para) in enumerate(parts):
        if i:
            text += sep
        para = para.replace("\n", newline)
        if not artifact:
            clean.append((len(text), len(text) + len(para)))
        text += para
    return text + newline, clean


def apply_edits(text: str, edits: list[Edit]) -> str:
    out, pos = [], 0
    for e in edits:
        assert e.start >= pos, "edits are ordered and disjoint"
        out += [text[pos : e.start], e.replacement]
        pos = e.end
    return "".join(out + [text[pos:]])


def test_clean_paragraphs_are_clean(ruleset):
    for para in CLEAN:
        assert not fix_text(para + "\n", ruleset, unsafe=True).changed, para


def test_artifact_paragraphs_get_fixed(ruleset):
    unfixed = [p for p in ARTIFACTS if not fix_text(p + "\n", ruleset).changed]
    assert unfixed == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(paragraph, min_size=1, max_size=8), newline=st.sampled_from(["\n", "\r\n"]), bom=st.booleans())
def test_fix_is_idempotent_and_local(ruleset, parts, newline, bom):
    text, clean = build(parts, newline, bom)
    result = fix_text(text, ruleset)
    assert result.converged
    # Idempotent: a second pass finds nothing to change.
    assert not fix_text(result.text, ruleset).changed
    # The edits describe the change exactly, so everything between them is untouched.
    assert apply_edits(text, result.edits) == result.text
    # No edit reaches into a clean paragraph.
    for e in result.edits:
        for start, end in clean:
            assert e.end <= start or e.start >= end or e.start == e.end in (start, end), (text[start:end], e)
    # Line endings and BOM are kept.
    assert result.text.startswith("\ufeff") == bom
    if newline == "\r\n":
        assert "\n" not in result.text.replace("\r\n", "")
