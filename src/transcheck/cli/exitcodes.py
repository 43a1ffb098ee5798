"""Exit codes, in one place (documented in the README)."""

OK = 0  # nothing at or above --fail-on (or every score threshold met)
FINDINGS = 1  # findings at or above --fail-on, or a score below its threshold
USAGE = 2  # usage, configuration or input error
WOULD_FIX = 1  # `fix` without --write: some file would change (like `ruff --diff`, `black --check`)
