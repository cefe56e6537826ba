import pytest

from wuyang_tasks.domain.enums import TaskStatus as S
from wuyang_tasks.domain.errors import IllegalTransition
from wuyang_tasks.domain.workflow import TRANSITIONS, Action, allowed_actions, next_status

LEGAL = {
    (S.DRAFT, Action.ASSIGN): S.ASSIGNED,
    (S.ASSIGNED, Action.ACCEPT): S.ACCEPTED,
    (S.ACCEPTED, Action.START): S.IN_PROGRESS,
    (S.IN_PROGRESS, Action.REPORT): S.REPORTED,
    (S.REPORTED, Action.APPROVE): S.DONE,
    (S.REPORTED, Action.SEND_BACK): S.IN_PROGRESS,
    (S.DONE, Action.ARCHIVE): S.ARCHIVED,
    (S.CANCELLED, Action.ARCHIVE): S.ARCHIVED,
    (S.SUSPENDED, Action.RESUME): S.IN_PROGRESS,
    (S.ASSIGNED, Action.SUSPEND): S.SUSPENDED,
    (S.ACCEPTED, Action.SUSPEND): S.SUSPENDED,
    (S.IN_PROGRESS, Action.SUSPEND): S.SUSPENDED,
    (S.REPORTED, Action.SUSPEND): S.SUSPENDED,
    (S.DRAFT, Action.CANCEL): S.CANCELLED,
    (S.ASSIGNED, Action.CANCEL): S.CANCELLED,
    (S.ACCEPTED, Action.CANCEL): S.CANCELLED,
    (S.IN_PROGRESS, Action.CANCEL): S.CANCELLED,
    (S.REPORTED, Action.CANCEL): S.CANCELLED,
    (S.SUSPENDED, Action.CANCEL): S.CANCELLED,
}


@pytest.mark.parametrize(("status", "action"), sorted(LEGAL, key=str))
def test_every_legal_move(status, action):
    assert next_status(status, action) is LEGAL[(status, action)]


ILLEGAL = [(s, a) for s in S for a in Action if (s, a) not in LEGAL]


@pytest.mark.parametrize(("status", "action"), ILLEGAL)
def test_every_illegal_move_is_rejected_with_a_message(status, action):
    with pytest.raises(IllegalTransition) as err:
        next_status(status, action)
    assert status.label in err.value.message
    assert action.label in err.value.message


def test_the_table_is_exactly_the_documented_workflow():
    assert TRANSITIONS == LEGAL


def test_closed_states_offer_nothing_but_archiving():
    assert allowed_actions(S.ARCHIVED) == []
    assert allowed_actions(S.DONE) == [Action.ARCHIVE]
    assert len(ILLEGAL) == len(S) * len(Action) - len(LEGAL)


@pytest.mark.parametrize("target", list(S))
def test_every_status_is_reachable_from_draft_through_legal_moves(target):
    from wuyang_tasks.domain.workflow import path_from_draft

    status = S.DRAFT
    for action in path_from_draft(target):
        status = next_status(status, action)
    assert status is target
