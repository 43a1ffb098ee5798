"""Phrasal verbs from WordNet (scripts/build_phrasal_verbs.py) and the particle rule that reads them."""

from __future__ import annotations

from pathlib import Path

from conftest import assert_wordnet_table_rebuilt, load_script
from transcheck.detectors.stranded_particle import phrasal_particles


def _script():
    return load_script("build_phrasal_verbs")


def test_two_word_lemmas_with_a_particle_give_every_form_of_their_verb(tmp_path: Path):
    (tmp_path / "index.verb").write_text(
        "  1 licence line\npoint_out v 1 1 @ 1 0 02000001\ngive_up v 1 1 @ 1 0 02000002\n"
        "stop_over v 1 1 @ 1 0 02000003\nlook_into v 1 1 @ 1 0 02000004\npoint v 1 1 @ 1 0 02000005\n",
        encoding="latin-1")
    (tmp_path / "verb.exc").write_text("gave give\ngiven give\n", encoding="latin-1")
    table = dict(line.split("\t") for line in _script().table(tmp_path).splitlines() if not line.startswith("#"))
    assert table == {"point": "out", "points": "out", "pointed": "out", "give": "up", "gives": "up",
                     "gave": "up", "given": "up", "stop": "over", "stops": "over", "stoped": "over", "stopped": "over"}


def test_shipped_table_is_the_script_output():
    assert_wordnet_table_rebuilt(_script(), "index.verb")


def test_the_rule_reads_the_shipped_table():
    particles = phrasal_particles()
    assert {"out", "up"} <= particles["pointed"] and "off" in particles["called"] and "up" in particles["gave"]
    assert "together" not in particles.get("reads", frozenset())
