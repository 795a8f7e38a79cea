"""Reads of the sounding board. Every lookup a view makes goes through a `*_get_for_user` that
answers None (a 404) when the user may not see the object, so its existence does not leak."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Prefetch, QuerySet

from kansrijk.soundingboard.access import coalitions_coordinated_by
from kansrijk.soundingboard.constants import ExpenseKind
from kansrijk.soundingboard.models import (
    AdviceRequest,
    Attendance,
    Expense,
    Member,
    MemberConsent,
    MemberIdentity,
    Session,
    SoundingBoard,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Coalition

    AnyUser = User | AnonymousUser


def _as_uuid(value: Any) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


# --- access-checked lookups ---------------------------------------------------------------------


def user_coordinates_a_board(user: AnyUser) -> bool:
    return coalitions_coordinated_by(user).exists()


def boards_visible_to(user: AnyUser) -> QuerySet[SoundingBoard]:
    return SoundingBoard.objects.filter(
        coalition__in=coalitions_coordinated_by(user)
    ).select_related("coalition")


def board_get_for_user(user: AnyUser, board_id: Any) -> SoundingBoard | None:
    board_uuid = _as_uuid(board_id)
    if board_uuid is None:
        return None
    return boards_visible_to(user).filter(uuid=board_uuid).first()


def member_get_for_user(user: AnyUser, member_id: Any) -> Member | None:
    member_uuid = _as_uuid(member_id)
    if member_uuid is None:
        return None
    return (
        Member.objects.filter(board__in=boards_visible_to(user), uuid=member_uuid)
        .select_related("board__coalition")
        .first()
    )


def session_get_for_user(user: AnyUser, session_id: Any) -> Session | None:
    session_uuid = _as_uuid(session_id)
    if session_uuid is None:
        return None
    return (
        Session.objects.filter(board__in=boards_visible_to(user), uuid=session_uuid)
        .select_related("board__coalition")
        .first()
    )


def expense_get_for_user(user: AnyUser, expense_id: Any) -> Expense | None:
    expense_uuid = _as_uuid(expense_id)
    if expense_uuid is None:
        return None
    return (
        Expense.objects.filter(member__board__in=boards_visible_to(user), uuid=expense_uuid)
        .select_related("member__board", "session")
        .first()
    )


def advice_request_get_for_user(user: AnyUser, request_id: Any) -> AdviceRequest | None:
    request_uuid = _as_uuid(request_id)
    if request_uuid is None:
        return None
    return (
        AdviceRequest.objects.filter(board__in=boards_visible_to(user), uuid=request_uuid)
        .select_related("board__coalition")
        .first()
    )


# --- a board's contents -------------------------------------------------------------------------


def board_members(*, board: SoundingBoard, active_only: bool = False) -> QuerySet[Member]:
    """Members with their active consent prefetched as `active_consents`; never the identity."""
    members = Member.objects.filter(board=board).prefetch_related(
        Prefetch(
            "consents",
            queryset=MemberConsent.objects.filter(withdrawn_at__isnull=True),
            to_attr="active_consents",
        )
    )
    if active_only:
        members = members.filter(left_on__isnull=True)
    return members


def board_sessions(*, board: SoundingBoard) -> QuerySet[Session]:
    return Session.objects.filter(board=board)


def board_advice_requests(*, board: SoundingBoard) -> QuerySet[AdviceRequest]:
    return AdviceRequest.objects.filter(board=board)


def member_active_consent(*, member: Member) -> MemberConsent | None:
    return member.consents.filter(withdrawn_at__isnull=True).order_by("-given_on", "-id").first()


def member_consents(*, member: Member) -> QuerySet[MemberConsent]:
    return member.consents.all()


def member_has_identity(*, member: Member) -> bool:
    return MemberIdentity.objects.filter(member=member).exists()


@dataclass
class AttendanceRow:
    member: Member
    attended: bool


def session_attendance(*, session: Session) -> list[AttendanceRow]:
    """Every member who was on the board on the session's date (and anyone recorded), in
    pseudonym order, with whether she came."""
    recorded = {a.member_id: a.attended for a in Attendance.objects.filter(session=session)}
    rows = []
    for member in Member.objects.filter(board_id=session.board_id).order_by("pseudonym", "id"):
        on_board = member.joined_on <= session.date and (
            member.left_on is None or member.left_on >= session.date
        )
        if on_board or member.pk in recorded:
            rows.append(AttendanceRow(member=member, attended=recorded.get(member.pk, False)))
    return rows


def session_expenses(*, session: Session) -> QuerySet[Expense]:
    return Expense.objects.filter(session=session).select_related("member")


# --- expenses -----------------------------------------------------------------------------------


@dataclass
class MemberExpenseTotal:
    member: Member
    by_kind: dict[str, Decimal] = field(default_factory=dict)
    total: Decimal = Decimal("0.00")
    unpaid: Decimal = Decimal("0.00")

    @property
    def by_kind_list(self) -> list[Decimal]:
        return [self.by_kind.get(kind, Decimal("0.00")) for kind in ExpenseKind.values]


@dataclass
class ExpenseTotals:
    rows: list[MemberExpenseTotal]
    by_kind: list[Decimal]
    total: Decimal
    unpaid: Decimal


def board_expense_totals(*, board: SoundingBoard) -> ExpenseTotals:
    """Per member: the total per kind, the total and what is not paid yet; and the board's."""
    rows: dict[int, MemberExpenseTotal] = {}
    for expense in Expense.objects.filter(member__board=board).select_related("member"):
        row = rows.setdefault(expense.member_id, MemberExpenseTotal(member=expense.member))
        row.by_kind[expense.kind] = row.by_kind.get(expense.kind, Decimal("0.00")) + expense.amount
        row.total += expense.amount
        if expense.paid_on is None:
            row.unpaid += expense.amount
    ordered = sorted(rows.values(), key=lambda r: (r.member.pseudonym, r.member.pk))
    by_kind = [sum((r.by_kind_list[i] for r in ordered), Decimal("0.00")) for i in range(3)]
    return ExpenseTotals(
        rows=ordered,
        by_kind=by_kind,
        total=sum((r.total for r in ordered), Decimal("0.00")),
        unpaid=sum((r.unpaid for r in ordered), Decimal("0.00")),
    )


def board_expenses(*, board: SoundingBoard) -> QuerySet[Expense]:
    return (
        Expense.objects.filter(member__board=board)
        .select_related("member", "session")
        .order_by("-session__date", "member__pseudonym", "id")
    )


# --- work list ----------------------------------------------------------------------------------


def advice_requests_waiting_for_answer(user: AnyUser) -> QuerySet[AdviceRequest]:
    """Advice received, no answer from the coalition yet: oldest advice first."""
    return (
        AdviceRequest.objects.filter(
            board__in=boards_visible_to(user), advice_given_on__isnull=False, outcome=""
        )
        .select_related("board")
        .order_by("advice_given_on", "id")
    )


def advice_requests_overdue(user: AnyUser, *, today: datetime.date) -> QuerySet[AdviceRequest]:
    """Past their deadline and still without the parents' advice."""
    return (
        AdviceRequest.objects.filter(
            board__in=boards_visible_to(user),
            advice_given_on__isnull=True,
            outcome="",
            deadline__lt=today,
        )
        .select_related("board")
        .order_by("deadline", "id")
    )


def work_list_section(user: AnyUser, today: datetime.date) -> dict | None:
    """The coordinator's work-list section; None for anyone who coordinates no board."""
    if not boards_visible_to(user).exists():
        return None
    waiting = list(advice_requests_waiting_for_answer(user))
    overdue = list(advice_requests_overdue(user, today=today))
    return {
        "soundingboard_waiting": waiting,
        "soundingboard_overdue": overdue,
        "count": len(waiting) + len(overdue),
    }


# --- public -------------------------------------------------------------------------------------


def advice_requests_answered_public(*, coalition: Coalition) -> QuerySet[AdviceRequest]:
    """The answered requests of every board of the coalition, newest answer first. Only the
    request's own fields are read: nothing about members."""
    return (
        AdviceRequest.objects.filter(board__coalition=coalition)
        .exclude(outcome="")
        .only(
            "uuid",
            "title",
            "question",
            "asked_on",
            "advice",
            "advice_given_on",
            "outcome",
            "answer",
            "answered_on",
            "action_line_reference",
            "activity__number",
            "activity__title",
            "activity__line__number",
        )
        .select_related("activity__line")
        .order_by("-answered_on", "-id")
    )


def advice_requests_open_count(*, coalition: Coalition) -> int:
    return AdviceRequest.objects.filter(board__coalition=coalition, outcome="").count()


def coalition_has_board(*, coalition: Coalition) -> bool:
    return SoundingBoard.objects.filter(coalition=coalition).exists()
