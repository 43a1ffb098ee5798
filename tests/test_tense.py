"""German tense and aspect kept in English (TC350–TC352): sentences of our own, each a
shape the detectors must tell apart (the rule files hold the main examples)."""

from __future__ import annotations

import pytest

from rule_cases import rules, spans_found

RULES = rules("TC350", "TC351", "TC352")

FLAGGED = [
    'The company is based in Munich since 1990.',
    'Since 2019, Müller is the coach of the team.',
    'Müller is since 2019 coach of the team.',
    'The negotiations are ongoing since Monday.',
    'She is already since March on sick leave.',
    'Since the beginning of the pandemic, the number of applications rises steadily.',
    'Since then, there is no trace of him.',
    'He lives in Berlin since his childhood.',
    'Since years, the residents complain about the noise.',
    'The residents complain about the noise since many years.',
    'The law applies since January 1.',
    'Since Friday, the man is missing.',
    'The shop stays closed since the flood.',
    'So far, nobody claimed responsibility for the attack.',
    'To date, 50 people died in the floods.',
    'Up to now, the government did not comment.',
    'So far, 12 people were injured.',
    'So far there were no arrests.',
    'Thus far, the company invested 2 million euros.',
    'The police so far found no trace of the driver.',
    'Investigators did not find the cause so far.',
    'She works at the hospital for many years.',
    'For weeks, the two parties argue about the budget.',
    'For a long time, the town is known for its beer.',
]
SILENT = [
    'The company has been based in Munich since 1990.',
    'The museum has been closed since last week.',
    "It's been raining since Monday.",
    'Since when does he live here?',
    'Inflation is at its highest level since 1992.',
    'It is the worst result since the war.',
    'Prices are 20 percent higher than in 2019.',
    "Germany's economy shrinks for the first time since 2009.",
    'So far, so good.',
    'He said so far he was happy.',
    'So far in 2019, prices rose by three percent.',
    'So far, the season was going well until he got injured in May.',
    'The two sides have so far failed to agree.',
    'So far, the police have not found the driver.',
    'For years, the two parties argued about the budget.',
    'He was in prison for years.',
    'The region suffers drought for weeks every summer.',
    'We stay in Spain for weeks at a time.',
    'The festival lasts for weeks.',
    'For a long time, the town was known for its beer.',
    'The index is down 3 percent since Friday.',
    'The euro is at its strongest since 2021.',
    'The dollar trades near its lowest level since May.',
    'Germany is the only big economy to shrink since 2022.',
    'Gold trades at 2,000 dollars, unchanged since Monday.',
    'Prices are still well above where they were since the start of the war.',
    'The stock is 30 percent below its peak in 2021 and has fallen since March.',
    'He is the first German to win the race since 1990.',
    'The party polls at 15 percent, its best result since the election.',
    'Much has changed since then.',
    'That is a long way from where we were since the summer.',
    'Since the government wants to cut costs, the plan is likely to pass.',
    "Since last year's floods damaged the bridge, the town relies on a ferry.",
    'Since its launch in 2019 the app has been downloaded ten million times.',
    'Inflation, which peaked in 2022, is now at its lowest since 2021.',
    'It is unclear what happened since the ceasefire.',
    'Nobody knows how many people have left since the war began.',
    'The region is where most of the growth since 2015 happened.',
    'The deficit is twice what it was in 2019.',
    'She says she feels better than at any point since the accident.',
    'Sales are up by a third since January.',
    'Analysts say the slump is the worst since records began in 1991.',
    'Home prices rise for the first time since 2022.',
    'Fans wait for years to get a season ticket.',
    'Many patients wait for months for an appointment.',
    'Such projects take years to plan.',
    'Courts spend years on cases like this.',
    'The loan is repaid over 20 years.',
    'He faces up to ten years in prison.',
    'They met for years in a café near the station.',
    'It is a debate that goes back years.',
]


def _found(text: str) -> list[str]:
    return spans_found(text, RULES)


@pytest.mark.parametrize("text", FLAGGED)
def test_flagged(text: str) -> None:
    assert _found(text)


@pytest.mark.parametrize("text", SILENT)
def test_silent(text: str) -> None:
    assert _found(text) == []
