"""Scoring with sacrebleu: corpus BLEU, chrF2, chrF2++ and TER, sentence scores, CIs, significance.

``stats``: sacrebleu's metrics on arrays of sufficient statistics (corpus, sentence and CI
scores); ``lines``: segment files streamed as the ``sacrebleu`` command reads them;
``parallel``: statistics of a streamed system over worker processes; ``significance``:
sacrebleu's paired tests; ``results``: what the reporters need (runs, gates, worst segments).
"""

from transcheck.scoring.results import GATES, Gate, LineLabels, ScoreRun, SystemRun, check_gates, worst_segments
from transcheck.scoring.significance import PairedResult, Significance, paired_significance
from transcheck.scoring.stats import (DEFAULT_SEED, HIGHER_IS_BETTER, METRICS, CorpusScore, ScoreOptions,
                                      SentenceScores, SystemScores, build_metrics, check_tokenizer, score_system,
                                      summarize)

__all__ = [
    "DEFAULT_SEED", "GATES", "HIGHER_IS_BETTER", "METRICS", "CorpusScore", "Gate", "LineLabels", "PairedResult",
    "ScoreOptions", "ScoreRun", "SentenceScores", "Significance", "SystemRun", "SystemScores", "build_metrics",
    "check_gates", "check_tokenizer", "paired_significance", "score_system", "summarize", "worst_segments",
]
