"""Context's memory-saving paths give what the plain computations give."""

from transcheck import context as context_mod
from transcheck.context import Context
from transcheck.documents import Document


def _ctx(text: str) -> Context:
    return Context(Document.from_text("t.txt", text))


def test_lower_text_by_chunks_is_lower(monkeypatch):
    """Lowered a few lines at a time (final sigmas at line ends, an emoji): as one ``lower()``."""
    monkeypatch.setattr(context_mod, "LOWER_CHUNK_CHARS", 8)
    text = "ΟΔΟΣ\nΣ ΟΔΟΣ ends here 🙂\nKAΣ\nPLAIN ASCII LINE\n" * 3
    assert _ctx(text).lower_text == text.lower()
    longer = "Straße in " + text + "İstanbul\n"  # İ lowers to two characters: `i` instead, as long as the text
    assert _ctx(longer).lower_text == longer.lower().replace("i\u0307", "i")
    assert len(_ctx(longer).lower_text) == len(longer)


class Owner:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def short(self, word: str) -> bool:
        self.calls.append(word)
        return len(word) <= 3


def test_words_where_over_several_texts():
    owner = Owner()
    texts = ["the cat sat", "the cat sat on a long mat", "a dog ran", "the cat sat"]
    for text in texts:
        ctx = _ctx(text)
        assert ctx.words_where(owner.short) == {w for w in ctx.vocabulary if len(w) <= 3}
    assert sorted(owner.calls) == sorted({w for t in texts for w in t.split()})  # each word judged once


def test_release_free_memory_is_harmless():
    from transcheck.engine import release_free_memory

    release_free_memory()
    release_free_memory()  # the second call reuses the looked-up function


def test_lower_stretches_are_the_pieces_of_lower_text(monkeypatch):
    """A stretch of whole lines at a time, at its offset; in a text with İ too."""
    monkeypatch.setattr(context_mod, "LOWER_CHUNK_CHARS", 8)
    text = "ΟΔΟΣ\nΣ ΟΔΟΣ ends here 🙂\nKAΣ\nPLAIN ASCII LINE\n" * 3
    pieces = list(_ctx(text).lower_stretches())
    assert len(pieces) > 1 and all(text[base - 1] == "\n" for base, _ in pieces[1:])
    assert "".join(piece for _, piece in pieces) == text.lower()
    assert [base for base, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]
    longer = text + "İstanbul\n"
    pieces = list(_ctx(longer).lower_stretches())
    assert len(pieces) > 1 and "".join(piece for _, piece in pieces) == _ctx(longer).lower_text
