"""Quality gates of `transcheck eval`: minimum recall and precision, maximum clean rate."""

from __future__ import annotations

from dataclasses import dataclass

from transcheck.errors import UsageError


@dataclass(frozen=True)
class RecallGate:
    """``boilerplate=0.9`` or ``drop_cap+quote_marks=0.9`` (categories taken together); ``all`` is every one."""

    categories: tuple[str, ...]
    minimum: float

    @classmethod
    def parse(cls, text: str) -> "RecallGate":
        name, sep, value = text.partition("=")
        categories = tuple(c.strip() for c in name.split("+") if c.strip())
        if not sep or not categories:
            raise UsageError(f"--min-recall {text!r}: expected CATEGORY=R, e.g. boilerplate=0.9")
        return cls(categories, _fraction(value, f"--min-recall {text!r}"))

    @property
    def label(self) -> str:
        return "+".join(self.categories)


def _fraction(value: str, where: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise UsageError(f"{where}: {value!r} is not a number") from None
    if not 0 <= number <= 1:
        raise UsageError(f"{where}: {number} is not between 0 and 1")
    return number


def parse_fraction(value: float | None, option: str) -> float | None:
    if value is not None and not 0 <= value <= 1:
        raise UsageError(f"{option}: {value} is not between 0 and 1")
    return value


def check_gates(figures: dict, recall: list[RecallGate], min_precision: float | None, max_clean_rate: float | None) -> list[dict]:
    """Each gate with its measured value and whether it passed."""
    results = []
    categories = figures["categories"]
    for gate in recall:
        names = list(categories) if gate.categories == ("all",) else list(gate.categories)
        unknown = [c for c in names if c not in categories]
        if unknown:
            raise UsageError(f"--min-recall {gate.label}: no annotation has category {unknown[0]!r}")
        annotated = sum(categories[c]["annotated"] for c in names)
        found = sum(categories[c]["found"] for c in names)
        value = found / annotated
        results.append({"gate": f"recall {gate.label}", "value": value, "limit": gate.minimum, "passed": value >= gate.minimum})
    if min_precision is not None:
        value = figures["mt"]["precision"] or 0.0
        results.append({"gate": "precision", "value": value, "limit": min_precision, "passed": value >= min_precision})
    if max_clean_rate is not None:
        for clean in figures["clean"]:
            value = clean["rate"]
            results.append({"gate": f"clean rate {clean['folder']}", "value": value, "limit": max_clean_rate,
                            "passed": value <= max_clean_rate})
    return results
