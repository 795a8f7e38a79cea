"""Reads of referrals: who may see which, the work lists, the timeline, the overdue ones.

Who sees a referral (and so its client): professionals of the referring organisation, and of
the receiving organisation while the client's consent for it is active. Coordinators see
counts and overdue referrals of their coalitions without any client detail; policy advisers
see nothing here. Lists filter in the query, never in Python.
"""

from __future__ import annotations

import datetime
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from kansrijk.accounts.selectors import user_has_role
from kansrijk.audit import selectors as audit_selectors
from kansrijk.clients import selectors as client_selectors
from kansrijk.directory import selectors as directory_selectors
from kansrijk.organisations import selectors as organisation_selectors
from kansrijk.referrals.constants import (
    AUDIT_OBJECT_REFERRAL,
    AUDIT_REFERRAL_VIEWED,
    AWAITING_ANSWER_STATUSES,
    IN_CARE_STATUSES,
    OPEN_STATUSES,
    OVERDUE_STATUSES,
    OVERVIEW_ROLES,
    REFERRAL_ROLES,
    TERMINAL_STATUSES,
    UNSUCCESSFUL_STATUSES,
    AlertAudience,
    MessageKind,
    ReferralStatus,
    Side,
    Transition,
    transitions_from,
)
from kansrijk.referrals.models import Alert, Referral, ReferralEvent, ReferralMessage

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from kansrijk.accounts.models import User

    AnyUser = User | AnonymousUser

WORK_LIST_LIMIT = 50


def user_works_with_referrals(user: AnyUser) -> bool:
    return bool(user_has_role(user, *REFERRAL_ROLES) and user.organisation_id)


def user_sees_overview(user: AnyUser) -> bool:
    return bool(user_has_role(user, *OVERVIEW_ROLES) and user.organisation_id)


def _consent_active() -> Q:
    return Q(consent__withdrawn_at__isnull=True)


def referral_party_client_ids(organisation_id: int) -> QuerySet:
    """The ids of the clients for whom this organisation sends or receives a referral whose
    consent is still active (for clients.selectors.clients_visible_to)."""
    return (
        Referral.objects.filter(
            Q(sender_organisation_id=organisation_id) | Q(receiver_organisation_id=organisation_id),
            _consent_active(),
        )
        .values_list("client_id", flat=True)
        .distinct()
    )


def referrals_visible_to(user: AnyUser) -> QuerySet[Referral]:
    """The referrals this user may see: their organisation referred, or receives them while the
    client's consent is active."""
    referrals = Referral.objects.select_related(
        "client__municipality",
        "consent",
        "sender_organisation",
        "sender_user",
        "receiver_organisation",
    )
    if not user_works_with_referrals(user):
        return referrals.none()
    organisation_id = user.organisation_id
    return referrals.filter(
        Q(sender_organisation_id=organisation_id)
        | (Q(receiver_organisation_id=organisation_id) & _consent_active())
    )


def referral_get_for_user(user: AnyUser, referral_uuid: Any) -> Referral | None:
    """The referral with this public id when the user may see it; None otherwise (also for an
    unknown or malformed id)."""
    try:
        referral_uuid = uuid.UUID(str(referral_uuid))
    except ValueError:
        return None
    return referrals_visible_to(user).filter(uuid=referral_uuid).first()


def referral_exists(*, referral_uuid: Any) -> Referral | None:
    """A referral by public id WITHOUT an access check: only to record a refused look-up."""
    try:
        referral_uuid = uuid.UUID(str(referral_uuid))
    except ValueError:
        return None
    return Referral.objects.select_related("client").filter(uuid=referral_uuid).first()


def user_sides(user: AnyUser, referral: Referral) -> set[str]:
    if not user_works_with_referrals(user):
        return set()
    sides = set()
    if referral.sender_organisation_id == user.organisation_id:
        sides.add(Side.SENDER)
    if referral.receiver_organisation_id == user.organisation_id:
        sides.add(Side.RECEIVER)
    return sides


def referral_transitions_for_user(user: AnyUser, referral: Referral) -> list[Transition]:
    """The steps this user may take now (the buttons on the referral page)."""
    sides = user_sides(user, referral)
    consent_active = referral.consent.withdrawn_at is None
    return [
        t
        for t in transitions_from(referral.status)
        if sides & t.sides and (consent_active or not t.shares_data)
    ]


# --- timeline --------------------------------------------------------------------------------


@dataclass
class TimelineEntry:
    at: datetime.datetime
    kind: str  # "event" | "question" | "answer"
    event: ReferralEvent | None = None
    message: ReferralMessage | None = None


def referral_timeline(*, referral: Referral) -> list[TimelineEntry]:
    """State changes, questions and answers in time order: the same for both sides."""
    entries = [
        TimelineEntry(at=e.at, kind="event", event=e)
        for e in ReferralEvent.objects.filter(referral=referral).select_related(
            "user", "organisation"
        )
    ]
    entries += [
        TimelineEntry(at=m.created_at, kind=m.kind, message=m)
        for m in ReferralMessage.objects.filter(referral=referral).select_related(
            "author", "organisation", "question"
        )
    ]
    return sorted(entries, key=lambda e: (e.at, e.kind != "event"))


def referral_open_questions(*, referral: Referral) -> QuerySet[ReferralMessage]:
    return ReferralMessage.objects.filter(
        referral=referral, kind=MessageKind.QUESTION, answered_at=None
    ).order_by("created_at", "id")


def referral_follow_ups(*, referral: Referral) -> QuerySet[Referral]:
    return Referral.objects.filter(follow_up_of=referral).order_by("created_at")


def referrals_for_client(user: AnyUser, *, client_id: int) -> QuerySet[Referral]:
    """This client's referrals that the user may see, newest first (for her page)."""
    return referrals_visible_to(user).filter(client_id=client_id).order_by("-created_at", "-id")


# --- work lists ------------------------------------------------------------------------------


def _overdue(today: datetime.date) -> Q:
    return Q(status__in=OVERDUE_STATUSES, answer_due__lt=today)


@dataclass
class ProfessionalWorkList:
    """ "My clients and referrals, what needs me now"."""

    alerts: list[Alert] = field(default_factory=list)
    questions: list[ReferralMessage] = field(default_factory=list)
    incoming: list[Referral] = field(default_factory=list)
    need_new_service: list[Referral] = field(default_factory=list)
    withdrawn_consent: list[Referral] = field(default_factory=list)
    outgoing: list[Referral] = field(default_factory=list)
    in_care: list[Referral] = field(default_factory=list)
    clients: list[Any] = field(default_factory=list)
    open_by_client: dict[int, int] = field(default_factory=dict)

    @property
    def needs_me_count(self) -> int:
        return (
            len(self.alerts)
            + len(self.questions)
            + len(self.incoming)
            + len(self.need_new_service)
            + len(self.withdrawn_consent)
        )


def referrals_listed(queryset: QuerySet[Referral]) -> QuerySet[Referral]:
    """Without the referrals made by mistake (kept, but hidden from work lists)."""
    return queryset.exclude(status=ReferralStatus.ENTERED_IN_ERROR)


def work_list_for_professional(
    user: AnyUser, *, today: datetime.date | None = None, limit: int = WORK_LIST_LIMIT
) -> ProfessionalWorkList:
    """What needs this professional now: unread alerts, questions back waiting for their
    organisation, incoming referrals to accept, rejected or failed referrals to follow up,
    referrals whose consent was withdrawn; then their organisation's open referrals and their
    clients."""
    work = ProfessionalWorkList()
    if not user_works_with_referrals(user):
        return work
    today = today or timezone.localdate()
    organisation_id = user.organisation_id
    # Only what the lists show: fewer joins to plan and to build rows from.
    visible = (
        referrals_listed(referrals_visible_to(user))
        .select_related(None)
        .select_related("client", "sender_organisation", "receiver_organisation")
    )
    sent = visible.filter(sender_organisation_id=organisation_id)
    received = visible.filter(receiver_organisation_id=organisation_id)

    work.alerts = list(
        Alert.objects.filter(recipient=user, read_at=None, audience=AlertAudience.SENDER)
        .select_related("referral__client", "referral__receiver_organisation")
        .order_by("-created_at")[:limit]
    )
    work.questions = list(
        ReferralMessage.objects.filter(
            kind=MessageKind.QUESTION,
            answered_at=None,
            referral__in=sent.filter(consent__withdrawn_at__isnull=True).values("pk"),
        )
        .select_related("referral__client", "organisation")
        .order_by("created_at")[:limit]
    )
    work.incoming = list(
        received.filter(status__in=AWAITING_ANSWER_STATUSES).order_by("answer_due", "created_at")[
            :limit
        ]
    )
    followed_up = Referral.objects.filter(follow_up_of=OuterRef("pk"))
    work.need_new_service = list(
        sent.filter(status__in=UNSUCCESSFUL_STATUSES, business_status="")
        .filter(~Exists(followed_up))
        .order_by("-updated_at")[:limit]
    )
    work.withdrawn_consent = list(
        sent.filter(status__in=OPEN_STATUSES, consent__withdrawn_at__isnull=False).order_by(
            "-updated_at"
        )[:limit]
    )
    work.outgoing = list(
        sent.filter(status__in=OPEN_STATUSES, consent__withdrawn_at__isnull=True).order_by(
            "answer_due", "-created_at"
        )[:limit]
    )
    work.in_care = list(
        received.filter(status__in=IN_CARE_STATUSES).order_by("-updated_at")[:limit]
    )
    for referral in (*work.incoming, *work.outgoing):
        referral.is_overdue = referral.status in OVERDUE_STATUSES and referral.answer_due < today
    work.clients = list(
        client_selectors.clients_visible_to(user)
        .filter(organisation_id=organisation_id)
        .order_by("-last_activity_at", "-id")[:limit]
    )
    counts = Counter(
        sent.filter(
            status__in=OPEN_STATUSES, client_id__in=[c.pk for c in work.clients]
        ).values_list("client_id", flat=True)
    )
    work.open_by_client = dict(counts)
    for client in work.clients:
        client.open_referrals = counts.get(client.pk, 0)
    return work


@dataclass
class OverdueRow:
    """An overdue referral as a coordinator sees it: no client, no link."""

    service_name: str
    sender: str
    receiver: str
    status: str
    requested_on: datetime.date
    answer_due: datetime.date
    days_late: int


@dataclass
class CoordinatorOverview:
    counts: list[tuple[str, str, int]] = field(default_factory=list)  # (code, label, count)
    total: int = 0
    overdue: list[OverdueRow] = field(default_factory=list)
    organisations: int = 0


def coordinator_overview(
    user: AnyUser, *, today: datetime.date | None = None, limit: int = 200
) -> CoordinatorOverview:
    """Counts per state and the overdue referrals of the organisations in the coordinator's
    coalitions, read as plain values: no client, pseudonym or referral id leaves this
    function."""
    overview = CoordinatorOverview()
    if not user_sees_overview(user):
        return overview
    today = today or timezone.localdate()
    organisations = organisation_selectors.organisations_coordinated_by(user).values("pk")
    overview.organisations = organisation_selectors.organisations_coordinated_by(user).count()
    referrals = referrals_listed(
        Referral.objects.filter(
            Q(sender_organisation__in=organisations) | Q(receiver_organisation__in=organisations)
        )
    )
    found = {
        row["status"]: row["n"]
        for row in referrals.order_by().values("status").annotate(n=Count("pk"))
    }
    overview.counts = [
        (status.value, str(status.label), found.get(status.value, 0))
        for status in ReferralStatus
        if status != ReferralStatus.ENTERED_IN_ERROR
    ]
    overview.total = sum(count for _code, _label, count in overview.counts)
    for row in (
        referrals.filter(_overdue(today))
        .order_by("answer_due", "created_at")
        .values(
            "service_name",
            "sender_organisation__name",
            "receiver_organisation__name",
            "status",
            "created_at",
            "answer_due",
            "self_referral",
        )[:limit]
    ):
        overview.overdue.append(
            OverdueRow(
                service_name=row["service_name"],
                sender=row["sender_organisation__name"] or "",
                receiver=row["receiver_organisation__name"],
                status=str(ReferralStatus(row["status"]).label),
                requested_on=timezone.localdate(row["created_at"]),
                answer_due=row["answer_due"],
                days_late=(today - row["answer_due"]).days,
            )
        )
    return overview


def alerts_for_coordinator(user: AnyUser) -> QuerySet[Alert]:
    """A coordinator's unread alerts (shown without client details)."""
    if not user.is_authenticated:
        return Alert.objects.none()
    return (
        Alert.objects.filter(recipient=user, read_at=None, audience=AlertAudience.COORDINATOR)
        .select_related("referral__sender_organisation", "referral__receiver_organisation")
        .order_by("-created_at")
    )


def alert_get_for_user(user: AnyUser, alert_uuid: Any) -> Alert | None:
    """One of the user's own alerts, or None."""
    if not user.is_authenticated:
        return None
    try:
        alert_uuid = uuid.UUID(str(alert_uuid))
    except ValueError:
        return None
    return Alert.objects.filter(recipient=user, uuid=alert_uuid).first()


def referral_question_get(*, referral: Referral, question_uuid: Any) -> ReferralMessage | None:
    """A question on this referral (check access to the referral first)."""
    try:
        question_uuid = uuid.UUID(str(question_uuid))
    except ValueError:
        return None
    return ReferralMessage.objects.filter(
        referral=referral, uuid=question_uuid, kind=MessageKind.QUESTION
    ).first()


# --- overdue ---------------------------------------------------------------------------------


def referrals_overdue_unalerted(*, today: datetime.date) -> QuerySet[Referral]:
    """Referrals still waiting for an answer after their deadline, not alerted yet, with an
    active consent (after withdrawal the referring side cancels; nobody is chased)."""
    return Referral.objects.filter(_overdue(today), _consent_active(), alerted_at=None).order_by(
        "answer_due", "pk"
    )


# --- before referring ------------------------------------------------------------------------


def service_for_referral(*, service_id: Any, organisation_id: int | None):
    """The directory's card of a service (capacity, contact, how to refer), or None."""
    service = directory_selectors.service_get(service_id=service_id)
    if service is None:
        return None
    cards = directory_selectors.service_cards(services=[service], organisation_id=organisation_id)
    return cards[0] if cards else None


def service_receiver(*, service) -> Any:
    """The partner organisation that receives referrals to this service, or None."""
    if service is None or not service.organization_id:
        return None
    return service.organization.managed_by


# --- right of access -------------------------------------------------------------------------


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def referrals_for_client_export(client_id: int) -> list[dict[str, Any]]:
    """Her referrals for her own copy of her data (clients.services.client_export): to whom,
    why, what happened and the questions back. People appear by organisation only."""
    referrals = (
        Referral.objects.filter(client_id=client_id)
        .select_related("sender_organisation", "receiver_organisation", "consent")
        .prefetch_related("events__organisation", "messages__organisation")
        .order_by("created_at", "pk")
    )
    return [
        {
            "id": str(referral.uuid),
            "service": referral.service_name,
            "from_organisation": (
                referral.sender_organisation.name if referral.sender_organisation else ""
            ),
            "self_referral": referral.self_referral,
            "to_organisation": referral.receiver_organisation.name,
            "reason": referral.reason,
            "themes": list(referral.theme_codes),
            "consent": str(referral.consent.uuid),
            "status": referral.status,
            "status_reason": referral.status_reason,
            "outcome": referral.outcome,
            "support_started_on": _iso(referral.support_started_on),
            "created_at": _iso(referral.created_at),
            "answer_due": _iso(referral.answer_due),
            "timeline": [
                {
                    "at": _iso(event.at),
                    "from": event.from_status,
                    "to": event.to_status,
                    "organisation": event.organisation.name if event.organisation else "",
                    "note": event.note,
                }
                for event in referral.events.all()
            ],
            "messages": [
                {
                    "at": _iso(message.created_at),
                    "kind": message.kind,
                    "organisation": message.organisation.name if message.organisation else "",
                    "text": message.text,
                }
                for message in referral.messages.all()
            ],
        }
        for referral in referrals
    ]


def monitoring_referral_facts() -> Iterator[dict[str, Any]]:
    """One monitoring fact per referral (kansrijk.indicators): sent, answered (in time?),
    support started, closed (with an outcome?), its first theme and area. Referrals made by
    mistake do not count."""
    from kansrijk.indicators.constants import ANSWER_WORKING_DAYS
    from kansrijk.indicators.extract import target_group
    from kansrijk.referrals.services._common import add_working_days

    answers = (ReferralStatus.ACCEPTED, ReferralStatus.REJECTED)
    answered: dict[int, datetime.date] = {}
    closed: dict[int, datetime.date] = {}
    for referral_id, to_status, at in (
        ReferralEvent.objects.filter(to_status__in=(*answers, *TERMINAL_STATUSES))
        .order_by("at")
        .values_list("referral_id", "to_status", "at")
    ):
        day = timezone.localdate(at)
        if to_status in answers:
            answered.setdefault(referral_id, day)
        if to_status in TERMINAL_STATUSES:
            closed[referral_id] = day
    for row in (
        Referral.objects.exclude(status=ReferralStatus.ENTERED_IN_ERROR)
        .values(
            "pk",
            "uuid",
            "created_at",
            "status",
            "outcome",
            "theme_codes",
            "support_started_on",
            "sender_organisation_id",
            "receiver_organisation_id",
            "client__municipality_id",
            "client__neighbourhood_id",
            "client__year_of_birth",
            "client__language",
        )
        .iterator()
    ):
        sent = timezone.localdate(row["created_at"])
        answered_on = answered.get(row["pk"])
        closed_on = closed.get(row["pk"]) if row["status"] in TERMINAL_STATUSES else None
        yield {
            "source_uuid": row["uuid"],
            "municipality_id": row["client__municipality_id"],
            "neighbourhood_id": row["client__neighbourhood_id"],
            "target_group": target_group(
                year_of_birth=row["client__year_of_birth"],
                on_year=sent.year,
                language=row["client__language"],
            ),
            "sender_organisation_id": row["sender_organisation_id"],
            "receiver_organisation_id": row["receiver_organisation_id"],
            "theme": (row["theme_codes"] or [""])[0],
            "sent_on": sent,
            "answered_on": answered_on,
            "answered_in_time": bool(
                answered_on and answered_on <= add_working_days(sent, ANSWER_WORKING_DAYS)
            ),
            "support_started_on": row["support_started_on"],
            "closed_on": closed_on,
            "closed_with_outcome": bool(
                closed_on and row["status"] == ReferralStatus.COMPLETED and row["outcome"].strip()
            ),
        }


def referral_first_opened(*, referral: Referral):
    """When someone of the receiving organisation first opened the referral, from the audit
    log (the parent's status link shows it); None while nobody has."""
    event = (
        audit_selectors.audit_events_for_object(
            object_type=AUDIT_OBJECT_REFERRAL, object_id=str(referral.uuid)
        )
        .filter(
            action=AUDIT_REFERRAL_VIEWED,
            actor_organisation_id=str(referral.receiver_organisation.uuid),
            outcome="allowed",
        )
        .order_by("sequence")
        .first()
    )
    return event.timestamp if event is not None else None
