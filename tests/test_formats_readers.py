"""Input formats on small files of our own: text extracted, offsets mapped, unit ids, safe XML, fix --write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from transcheck import formats
from transcheck.errors import InputError

SEL = ["--select", "TC101,TC204,TC601,TC901"]
XLIFF12 = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="de" target-language="en" datatype="plaintext" original="x">
  <body>
   <trans-unit id="greeting">
    <source>Der Hund schläft „tief“.</source>
    <target>Dhe dog sleeps „deeply“ &amp; <g id="1">well</g>.</target>
   </trans-unit>
   <trans-unit id="price"><source>Es kostet 3,5 Euro.<x id="7"/></source><target>It costs 3,5 euros.<x id="7"/></target></trans-unit>
  </body>
 </file>
</xliff>
"""
XLIFF20 = """\
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">
 <file id="f1">
  <unit id="u1">
   <segment id="s1"><source>Er sagte <pc id="1">nein</pc>.</source><target>He said „<pc id="1">no</pc>“.</target></segment>
   <segment id="s2"><source>Ende <ph id="2"/>.</source><target>End  now.</target></segment>
  </unit>
 </file>
</xliff>
"""
PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#, fuzzy
msgctxt "menu"
msgid "Datei öffnen"
msgstr "Open „file“"

msgid "%d Haus"
msgid_plural "%d Häuser"
msgstr[0] "%d house"
msgstr[1] "%d houses, 3,5 percent \\"big\\""
"""
TMX = """\
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="de" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
<body>
<tu><tuv xml:lang="de"><seg>Guten Tag</seg></tuv><tuv xml:lang="en-GB"><seg>Good  day</seg></tuv></tu>
<tu tuid="x"><tuv xml:lang="de"><seg>Er kam um 3,5.</seg></tuv><tuv xml:lang="en"><seg>He paid <ph x="1">&lt;b&gt;</ph> 3,5 percent.</seg></tuv></tu>
</body></tmx>
"""
HTML = """\
<!DOCTYPE html>
<html><head><title>„Ignored“</title><style>p { content: "„"; }</style></head>
<body><nav><a href="/">„Home“</a></nav>
<p>Dhe minister said   „yes“ &amp; left.</p>
<script>var s = "„no“";</script>
<p>Prices rose by <b>3,5</b> percent.</p>
</body></html>
"""
MARKDOWN = """\
---
title: „front matter“
---

Dhe text with `„code“` and „quotes“.

```
„fenced“
```
"""


def _write(tmp_path: Path, name: str, text: str, crlf: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode("utf-8"))
    return path


def _findings(path: Path, *extra: str) -> list[dict]:
    proc = run_cli("check", "-f", "json", *SEL, *extra, str(path))
    assert proc.returncode in (0, 1), proc.stderr_text
    return json.loads(proc.stdout_text)["findings"]


def _spans(path: Path, findings: list[dict]) -> list[str]:
    """The text each finding's offsets point at in the original file."""
    raw = path.read_bytes().decode("utf-8").lstrip("\ufeff")
    return [raw[f["start"] : f["end"]] for f in findings]


@pytest.mark.parametrize("crlf", [False, True])
def test_xliff12_offsets_lines_units(tmp_path, crlf):
    path = _write(tmp_path, "a.xlf", XLIFF12, crlf)
    found = _findings(path)
    assert [(f["rule"], f["line"], f["column"], f["unit"]) for f in found] == [
        ("TC101", 7, 13, "greeting"), ("TC204", 7, 28, "greeting"), ("TC601", 9, 91, "price"),
    ]
    assert _spans(path, found) == ["Dhe", "„", "3,5"]
    doc = formats.read(str(path))
    assert doc.text == "Dhe dog sleeps „deeply“ & well.\n\nIt costs 3,5 euros.\ufffc"
    assert [s.source for s in doc.segments] == ["Der Hund schläft „tief“.", "Es kostet 3,5 Euro.\ufffc"]
    assert doc.segments[1].source_codes == doc.segments[1].target_codes == ("x:7",)


def test_xliff20_units_and_segments(tmp_path):
    path = _write(tmp_path, "b.xliff", XLIFF20)
    found = _findings(path)
    assert [(f["rule"], f["unit"]) for f in found] == [("TC204", "u1/s1"), ("TC901", "u1/s2")]
    assert _spans(path, found) == ["„", "  "]


def test_po_msgstr_plurals_fuzzy_escapes(tmp_path):
    path = _write(tmp_path, "m.po", PO)
    found = _findings(path)
    assert [(f["rule"], f["line"], f["unit"]) for f in found] == [
        ("TC204", 8, "menu|Datei öffnen (fuzzy)"), ("TC601", 13, "%d Haus[1]"),
    ]
    assert _spans(path, found) == ["„", "3,5"]
    doc = formats.read(str(path))
    assert doc.text.split("\n\n") == ["Open „file“", "%d house", '%d houses, 3,5 percent "big"']


def test_tmx_english_variant_with_german_source(tmp_path):
    path = _write(tmp_path, "t.tmx", TMX)
    found = _findings(path)
    assert [(f["rule"], f["unit"]) for f in found] == [("TC901", "1"), ("TC601", "2")]
    assert [s.source for s in formats.read(str(path)).segments] == ["Guten Tag", "Er kam um 3,5."]


def test_html_visible_text_only(tmp_path):
    path = _write(tmp_path, "p.html", HTML)
    found = _findings(path)
    assert [(f["rule"], f["line"]) for f in found] == [("TC101", 4), ("TC204", 4), ("TC601", 6)]
    assert _spans(path, found) == ["Dhe", "„", "3,5"]
    assert formats.read(str(path)).text == "Dhe minister said „yes“ & left.\n\nPrices rose by 3,5 percent."


def test_markdown_skips_front_matter_and_code(tmp_path):
    path = _write(tmp_path, "n.md", MARKDOWN)
    found = _findings(path)
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [("TC101", 5, 1), ("TC204", 5, 28)]
    assert "unit" not in found[0]


def test_markdown_without_code_reads_as_plain_text(tmp_path):
    path = _write(tmp_path, "plain.md", "Dhe text.\n")
    assert type(formats.read(str(path))).__name__ == "Document"


def test_input_format_option_overrides_the_extension(tmp_path):
    path = _write(tmp_path, "strings.txt", PO)
    assert [f["unit"] for f in _findings(path, "--input-format", "po")] == ["menu|Datei öffnen (fuzzy)", "%d Haus[1]"]


@pytest.mark.heavy
def test_unit_id_in_every_output_format(tmp_path):
    path = _write(tmp_path, "a.xlf", XLIFF12)
    concise = run_cli("check", "-f", "concise", "--select", "TC101", str(path)).stdout_text
    assert concise.rstrip().endswith("[unit greeting]")
    sarif = json.loads(run_cli("check", "-f", "sarif", "--select", "TC101", str(path)).stdout_text)
    location = sarif["runs"][0]["results"][0]["locations"][0]
    assert location["logicalLocations"] == [{"name": "greeting", "kind": "object"}]
    assert location["physicalLocation"]["region"]["startLine"] == 7
    for fmt in ("github", "junit", "text"):
        assert "unit greeting" in run_cli("check", "-f", fmt, "--select", "TC101", str(path)).stdout_text, fmt


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<xliff version="1.2"><file><body><trans-unit id="1"><source>a</source><target>&lol3;</target></trans-unit></body></file></xliff>
"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv></tu></body></tmx>
"""
PARAMETER = """<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd"> %remote;]>
<xliff version="1.2"/>
"""


@pytest.mark.parametrize(("name", "text"), [("bomb.xlf", BOMB), ("xxe.tmx", XXE), ("param.xlf", PARAMETER)])
def test_unsafe_xml_is_refused_with_one_line(tmp_path, name, text):
    path = _write(tmp_path, name, text)
    proc = run_cli("check", str(path))
    assert proc.returncode == 2
    assert proc.stderr_text.count("\n") == 1 and "unsafe XML refused" in proc.stderr_text and name in proc.stderr_text
    assert "root:" not in proc.stdout_text


def test_malformed_files_name_file_and_line(tmp_path):
    bad = _write(tmp_path, "bad.xlf", '<xliff version="1.2"><file>\n<body><trans-unit id="1"><target>x</trget>\n')
    proc = run_cli("check", str(bad))
    assert proc.returncode == 2 and proc.stderr_text.startswith(f"transcheck: error: {bad}:2:") and "mismatched tag" in proc.stderr_text
    po = _write(tmp_path, "bad.po", 'msgid "a"\nmsgstr "b"\nmsgid\n')
    proc = run_cli("check", str(po))
    assert proc.returncode == 2 and str(po) in proc.stderr_text and "line 3" in proc.stderr_text


def test_unterminated_po_string_names_file_and_line(tmp_path):
    po = _write(tmp_path, "open.po", 'msgid "a"\nmsgstr "b\n\nmsgid "c"\nmsgstr "d"\n')
    proc = run_cli("check", str(po))
    assert proc.returncode == 2 and proc.stderr_text == f"transcheck: error: {po}:2: malformed PO file: unterminated or invalid quoted string\n"


@pytest.mark.parametrize(("name", "text"), [("a.xlf", XLIFF12), ("b.xliff", XLIFF20), ("m.po", PO), ("t.tmx", TMX), ("p.html", HTML), ("n.md", MARKDOWN)])
@pytest.mark.parametrize("crlf", [False, True])
def test_fix_write_changes_only_target_text(tmp_path, name, text, crlf):
    path = _write(tmp_path, name, ("\ufeff" if crlf else "") + text, crlf)
    before = path.read_bytes().decode("utf-8")
    proc = run_cli("fix", "--write", *SEL, str(path))
    assert proc.returncode == 0, proc.stderr_text
    after = path.read_bytes().decode("utf-8")
    assert _findings(path) == [] or name in ("p.html",)  # HTML keeps layout white space between words
    import difflib

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag != "equal":  # every change is a fix of checked text: no markup, quote or escape touched
            assert not set(before[i1:i2] + after[j1:j2]) & set("<>&\\\"\r\n"), (before[i1:i2], after[j1:j2])
    assert after.startswith("\ufeff") == crlf and ("\r\n" in after) == crlf
    assert formats.read(str(path)).text  # still parses


def test_source_pairs_a_plain_text_file(tmp_path):
    target = _write(tmp_path, "en.txt", "Prices rose by 5.3 percent.\nThe vote is [[fine]].\n".replace("[[fine]]", "fine"))
    source = _write(tmp_path, "de.txt", "Die Preise stiegen um 3,5 Prozent.\nDie Abstimmung ist gut.\n")
    proc = run_cli("check", "-f", "json", "--select", "bilingual", "--source", str(source), str(target))
    found = json.loads(proc.stdout_text)["findings"]
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [("TC1001", 1, 16)]
    short = _write(tmp_path, "de1.txt", "Nur eine Zeile.\n")
    proc = run_cli("check", "--source", str(short), str(target))
    assert proc.returncode == 2 and "line-aligned" in proc.stderr_text


@pytest.mark.parametrize("kind", ["csv", "tbx"])
def test_glossary_terms(tmp_path, kind):
    xliff = _write(tmp_path, "g.xlf", XLIFF12.replace("Der Hund schläft", "Der Haushalt schläft"))
    if kind == "csv":
        glossary = _write(tmp_path, "terms.csv", "de,en\nHaushalt,budget\n")
    else:
        glossary = _write(tmp_path, "terms.tbx", (
            '<tbx><text><body><termEntry id="1"><langSet xml:lang="de"><tig><term>Haushalt</term></tig></langSet>'
            '<langSet xml:lang="en"><tig><term>budget</term></tig></langSet></termEntry></body></text></tbx>'
        ))
    proc = run_cli("check", "-f", "json", "--select", "TC1010", "--glossary", str(glossary), str(xliff))
    found = json.loads(proc.stdout_text)["findings"]
    assert [(f["rule"], f["unit"]) for f in found] == [("TC1010", "greeting")]


def test_readers_refuse_wrong_roots(tmp_path):
    path = _write(tmp_path, "x.xlf", "<tmx/>")
    with pytest.raises(InputError, match="not an XLIFF file"):
        formats.read(str(path))


def test_the_same_source_translated_differently_across_files(tmp_path):
    one = _write(tmp_path, "one.po", 'msgid "Datei jetzt speichern"\nmsgstr "Save the file now"\n')
    two = _write(tmp_path, "two.po", 'msgid "Datei jetzt speichern"\nmsgstr "Store the file now"\n')
    proc = run_cli("check", "-f", "json", "--select", "TC1011", str(one), str(two))
    found = json.loads(proc.stdout_text)["findings"]
    assert [(f["path"], f["line"], f["unit"]) for f in found] == [(str(two), 2, "Datei jetzt speichern")]
    assert str(one) in found[0]["message"]
