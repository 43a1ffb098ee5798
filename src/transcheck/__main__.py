"""Allow ``python -m transcheck``."""

from transcheck.cli.app import main

main()
