"""Reading the minutes reader's proposal in pattern tests (tests/imports/test_minutes_*)."""

from wuyang_tasks.imports.minutes import MinutesProposal


def titles_of(p: MinutesProposal) -> list[str]:
    return [d.title for d in p.drafts]


def draft_with(p: MinutesProposal, words: str):
    """The first draft whose title holds ``words``; a failure lists the titles there are."""
    found = [d for d in p.drafts if words in d.title]
    assert found, f"no draft with “{words}” in {titles_of(p)}"
    return found[0]
