"""Whole-line boilerplate: lines that are nothing but a known piece of web page furniture.

A rule lists the line shapes as regular expressions (``lines``), which may use named
fragments from ``define`` as ``<<name>>`` (a define may use earlier ones); a line is reported only
when one of them matches the WHOLE line, so a sentence that merely mentions "comment" or
"advertisement" is never touched. Consecutive matching lines (blank lines between them
allowed) form one block, and the fix deletes the block with the blank lines after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.errors import RuleFileError
from transcheck.models import Match
from transcheck.rules.matchers import compile_regex, line_block_span


def block_regex(lines: list[str], flags: int) -> re.Pattern:
    """One regex for a run of whole lines, each matching one of ``lines``."""
    line = r"[ \t]*(?:" + "|".join(f"(?:{x})" for x in lines) + r")[ \t]*$"
    return re.compile(r"^" + line + r"(?:\n+" + line + r")*", flags | re.MULTILINE)


def expand_defines(lines: list[str], define: dict, where: str) -> list[str]:
    """Replace ``<<name>>`` in ``lines`` with the named fragments of ``define``."""
    if not isinstance(define, dict) or not all(isinstance(v, str) for v in define.values()):
        raise RuleFileError(f"{where}.define: must map names to regular-expression fragments")
    done: dict[str, str] = {}
    for name, fragment in define.items():
        done[name] = _substitute(fragment, done)
    out = [_substitute(line, done) for line in lines]
    for i, line in enumerate(out):
        left = UNDEFINED.search(line)
        if left:
            raise RuleFileError(f"{where}.lines[{i}]: undefined fragment <<{left.group(1)}>>")
    return out


UNDEFINED = re.compile(r"<<(\w+)>>")


def _substitute(source: str, define: dict[str, str]) -> str:
    return UNDEFINED.sub(lambda m: f"(?:{define[m.group(1)]})" if m.group(1) in define else m.group(), source)


@detector("boilerplate-lines")
@dataclass
class BoilerplateLines:
    """Blocks of lines that each match one of the configured line shapes."""

    regex: re.Pattern

    @classmethod
    def from_options(cls, options: dict, where: str) -> "BoilerplateLines":
        unknown = set(options) - {"lines", "ignore_case", "define"}
        if unknown:
            raise RuleFileError(f"{where}.{sorted(unknown)[0]}: unknown option")
        lines = options.get("lines")
        if not isinstance(lines, list) or not lines or not all(isinstance(x, str) and x for x in lines):
            raise RuleFileError(f"{where}.lines: must be a non-empty list of regular expressions")
        lines = expand_defines(lines, options.get("define") or {}, where)
        for i, source in enumerate(lines):
            compile_regex(source, f"{where}.lines[{i}]")
        flags = re.IGNORECASE if options.get("ignore_case", True) else 0
        return cls(block_regex(lines, flags))

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for m in self.regex.finditer(text):
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            fs, fe = line_block_span(text, m.start(), m.end())
            yield Match(start, m.end(), "", fs, fe, suggestion="delete")

