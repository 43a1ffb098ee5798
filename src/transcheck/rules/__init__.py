"""Rules as data: the rule-file schema, matcher kinds, and the loader."""

from transcheck.rules.loader import RuleSet, load_rules

__all__ = ["RuleSet", "load_rules"]
