"""TC364's search for `the <name>` elsewhere in a document: the faster pattern finds what the
plain one finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.detectors import coordinated_article

PIECES = ["the", "The", "tthe", "xThe", "3the", "_the", "TThe", " ", "  ", "\n", "Union", "Unions", "union", "-", "’",
          "é", "ſ", "2", "party", "Greens", ".", ","]


def _plain(text: str, name: str) -> bool:
    for m in re.finditer(rf"\b[Tt]he {name}\b[^\S\n]*([\w’'-]*)", text):
        after = m.group(1)
        if not after or not (after[0].isupper() or coordinated_article.model().lexicon.get(after.lower(), frozenset())
                             & coordinated_article.NOUN_TAGS):
            return True
    return False


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=24).map("".join))
def test_the_name_with_its_article_is_found_as_the_plain_pattern_finds_it(text: str) -> None:
    for name in ("Union", "Unions", "Greens"):
        assert coordinated_article._with_article_elsewhere(text, name) == _plain(text, name)


def test_the_name_with_its_article_elsewhere() -> None:
    assert coordinated_article._with_article_elsewhere("Talks with the Union ended.", "Union")
    assert not coordinated_article._with_article_elsewhere("Talks with the Union politicians ended.", "Union")
    assert not coordinated_article._with_article_elsewhere("Talks with theUnion ended.", "Union")
    assert not coordinated_article._with_article_elsewhere("Talks with xthe Union ended.", "Union")
