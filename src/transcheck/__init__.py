"""transcheck: a quality checker for English machine-translated from German."""

__version__ = "0.1.0"
