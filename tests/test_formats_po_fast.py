"""The PO reader's shortcuts give what the plain way gives: polib sees msgstr strings cut
short, the collector is paused while a file is read, the white space of most texts is
left as it is when normalised."""

from __future__ import annotations

import gc

import polib
import pytest

from transcheck import formats
from transcheck.collector import collector_paused
from transcheck.detectors.bilingual import _norm
from transcheck.errors import InputError

PO = """\
# A catalogue of our own.
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

#: app.c:3
#, fuzzy, c-format
msgctxt "toolbar"
msgid "Datei %s speichern"
msgstr "Save file %s"

msgid "Erste Zeile\\nZweite Zeile"
msgstr ""
"First line\\n"
"Second \\"quoted\\" line\\twith a tab"

msgid "%d Bild"
msgid_plural "%d Bilder"
msgstr[0] "%d picture"
msgstr[1] "%d pictures"

msgid "Noch offen"
msgstr ""

#~ msgid "Veraltet"
#~ msgstr "Obsolete"

msgid "Schräg \\\\ Strich"
msgstr "Back \\\\ slash"
"""


def _polib_targets(text: str) -> list[str]:
    """The msgstr texts polib itself decodes from the whole file, in file order."""
    out = []
    for entry in polib.pofile(text, wrapwidth=0):
        if entry.obsolete or not entry.msgid:
            continue
        forms = [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)] if entry.msgid_plural else [entry.msgstr]
        out += [f for f in forms if f]
    return out


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_segments_are_the_translations_polib_decodes(tmp_path, newline):
    path = tmp_path / "c.po"
    path.write_bytes(PO.replace("\n", newline).encode("utf-8"))
    doc = formats.read(str(path))
    assert [doc.text[s.start : s.end] for s in doc.segments] == _polib_targets(PO)
    assert [s.unit for s in doc.segments] == [
        "toolbar|Datei %s speichern", "Erste Zeile\nZweite Zeile", "%d Bild[0]", "%d Bild[1]", "Schräg \\ Strich",
    ]
    assert [s.state for s in doc.segments] == ["fuzzy", None, None, None, None]
    raw = path.read_bytes().decode("utf-8")
    assert raw[doc.segments[0].raw_start : doc.segments[0].raw_end] == "Save file %s"


@pytest.mark.parametrize(("text", "line"), [
    ('msgid "a\nmsgstr "b"\n', 1),
    ('msgid ""\r\nmsgstr ""\r\n\r\nmsgid "a"\r\nmsgstr "b"\r\n\r\nmsgid "c"\r\nmsgstr "d\r\n', 8),
    ('msgid "a"\nmsgstr ""\n"one" "two"\n', 3),
])
def test_broken_strings_are_refused_on_their_line(tmp_path, text, line):
    path = tmp_path / "bad.po"
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(InputError, match=rf"bad\.po:{line}: malformed PO file"):
        formats.read(str(path))


def test_structure_errors_still_come_from_polib_with_their_line(tmp_path):
    path = tmp_path / "twice.po"
    path.write_text('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"line 3"):
        formats.read(str(path))


def test_collector_paused_restores_its_state():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        made = [[i] for i in range(5000)]
    assert gc.isenabled() and gc.get_freeze_count() == 0 and gc.get_count()[0] < 700
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a collector someone else turned off stays off
    finally:
        gc.enable()
    assert len(made) == 5000


@pytest.mark.parametrize("text", [
    "Plain words here", " leading", "trailing ", "two  spaces", "tab\tinside", "line\nbreak", "no\u00a0break",
    "thin\u2009space", "", "   ", "Straße GROSS", "soft\xadhyphen", "\u2028sep", "ideographic\u3000space",
])
def test_norm_shortcut_equals_the_full_normalisation(text):
    assert _norm(text) == " ".join(text.split()).casefold()


def test_indented_entries_keep_their_own_translations(tmp_path):
    path = tmp_path / "indented.po"
    path.write_text('msgid "eins"\nmsgstr "one"\n\n  msgid "zwei"\n  msgstr "two"\n\nmsgid "drei"\nmsgstr "three"\n', encoding="utf-8")
    doc = formats.read(str(path))
    assert [(s.source, doc.text[s.start : s.end]) for s in doc.segments] == [("eins", "one"), ("zwei", "two"), ("drei", "three")]
