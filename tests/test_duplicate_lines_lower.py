"""duplicate_lines.lines_of lower-cases each line on its own: the same words as from the
document's lower-cased copy (Context.lower_text), with and without a length-changing İ."""

import pytest

from transcheck.context import Context
from transcheck.detectors.duplicate_lines import WORDS, lines_of
from transcheck.documents import Document


@pytest.mark.parametrize("text", [
    "The Mayor's Office\n\nΟΔΟΣ Street reopens in ΜΑΡΤΙΟΣ.\nStraße and Maße, ÄRGER!\n",
    "İstanbul hosts the final.\n\nThe İzmir office stays OPEN – for now.\nLast line ΣΑΣ\n",
])
def test_words_as_from_the_documents_lower_case(text: str) -> None:
    ctx = Context(Document.from_text("t.txt", text))
    lines = lines_of(ctx)
    lower = Context(Document.from_text("t.txt", text)).lower_text
    assert [line.words for line in lines] == [tuple(WORDS.findall(lower, line.start, line.end)) for line in lines]
    assert lines_of(Context(Document.from_text("t.txt", text)), 2) == lines[:2]
