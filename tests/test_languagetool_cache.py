"""The on-disk cache: an unchanged paragraph is never sent to LanguageTool twice."""

from __future__ import annotations

from lt_fixtures import lt_server, lt_url  # noqa: F401  (session fixtures)

from transcheck.documents import Document
from transcheck.languagetool.cache import MatchCache, cache_key
from transcheck.languagetool.client import batches, paragraphs
from transcheck.languagetool.profile import load_profile
from transcheck.languagetool.runner import LTSettings, languagetool_findings

TEXT = "He go to Berlin yesterday.\n\nThe weather was fine.\n\nI ate a apple.\n"


def run(url, path, text=TEXT, **kw):
    s = LTSettings(url=url, cache_path=path, **kw)
    doc = Document.from_text("a.txt", text)
    return languagetool_findings([doc], s), s.stats


def test_second_run_sends_nothing(lt_url, tmp_path):
    path = tmp_path / "lt.sqlite3"
    first, stats1 = run(lt_url, path)
    assert (stats1["paragraphs"], stats1["cached"], stats1["requests"]) == (3, 0, 1)
    second, stats2 = run(lt_url, path)
    assert (stats2["cached"], stats2["requests"], stats2["server"]) == (3, 0, None)
    assert second == first and [f.rule for f in first] == ["LT:HE_VERB_AGR", "LT:EN_A_VS_AN"]


def test_only_changed_paragraphs_are_sent(lt_url, tmp_path):
    path = tmp_path / "lt.sqlite3"
    run(lt_url, path)
    changed = TEXT.replace("The weather was fine.", "Their is a problem.")
    findings, stats = run(lt_url, path, changed)
    assert (stats["cached"], stats["requests"]) == (2, 1)
    assert [f.rule for f in findings] == ["LT:HE_VERB_AGR", "LT:THEIR_IS", "LT:EN_A_VS_AN"]
    assert [f.line for f in findings] == [1, 3, 5]


def test_profile_and_language_are_part_of_the_key(lt_url, tmp_path):
    path = tmp_path / "lt.sqlite3"
    run(lt_url, path)
    _, other_profile = run(lt_url, path, profile=load_profile(disable=["EN_A_VS_AN"]))
    assert other_profile["cached"] == 0
    _, other_language = run(lt_url, path, language="en-GB")
    assert other_language["cached"] == 0
    _, again = run(lt_url, path, language="en-GB")
    assert again["cached"] == 3


def test_cache_without_use_sends_again(lt_url, tmp_path):
    path = tmp_path / "lt.sqlite3"
    run(lt_url, path)
    _, stats = run(lt_url, path, use_cache=False)
    assert (stats["cached"], stats["requests"]) == (0, 1)


def test_match_cache_round_trip(tmp_path):
    key = cache_key("6.8", "en-US", "abc", "text")
    assert key != cache_key("6.8", "en-US", "abd", "text")
    with MatchCache(tmp_path / "c.sqlite3") as cache:
        cache.put_many({key: [{"offset": 1, "rule": "X"}]})
    with MatchCache(tmp_path / "c.sqlite3") as cache:
        assert cache.get_many([key, "missing"]) == {key: [{"offset": 1, "rule": "X"}]}


def test_paragraph_offsets_and_astral_characters():
    text = "One 😀 two.\n\n \n\nThree.\n  \nFour\nfive."
    got = [(p.offset, p.text) for p in paragraphs(text)]
    assert got == [(0, "One \ufffd two."), (15, "Three."), (25, "Four\nfive.")]
    assert [text[p.offset : p.offset + len(p.text)] for p in paragraphs(text)][1:] == ["Three.", "Four\nfive."]


def test_batches_stay_near_the_limit():
    texts = ["x" * 40] * 10
    groups = list(batches(texts, limit=100))
    assert groups == [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]]
    assert list(batches(["y" * 500], limit=100)) == [[0]]


def test_a_long_paragraph_goes_in_pieces_cut_after_sentence_lines():
    from transcheck.languagetool.client import MAX_BATCH_CHARS

    text = "".join(f"Segment {n} of the machine translated file ends here.\n" for n in range(300))
    pieces = paragraphs(text)
    assert len(pieces) > 3 and all(len(p.text) <= MAX_BATCH_CHARS for p in pieces)
    assert all(text[p.offset : p.offset + len(p.text)] == p.text and p.text.endswith("here.") for p in pieces)
    assert "".join(p.text + "\n" for p in pieces) == text
    assert paragraphs(text[:2000]) == [paragraphs(text[:2000])[0]] and len(paragraphs(text[:2000])) == 1


def test_an_error_deep_in_a_file_without_blank_lines_is_found_on_its_line(lt_url, tmp_path):
    lines = [f"The council met on day {n} and the talks went on." for n in range(400)]
    lines[350] = "He go to Berlin yesterday."
    found, _ = run(lt_url, tmp_path / "c.sqlite3", text="\n".join(lines) + "\n")
    assert [(f.line, f.column) for f in found] == [(351, 4)], [(f.line, f.column, f.message) for f in found]
