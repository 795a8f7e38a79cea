"""Reads of the case consultation, and who may see what.

- Members of a consultation see its meetings and the anonymous summary of its cases; a
  professional of a partner organisation may submit cases and sees her own.
- A named case shows the client only while its basis holds (active consent, or an approved
  legal basis), and only to members whose organisation already works with her or is covered
  by her consent. Withdrawn consent turns the case anonymous at once.
- Everyone else gets None from the lookups: the view answers 404, so existence does not leak.
"""

from __future__ import annotations

import datetime
import uuid as uuid_module
from collections import Counter
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from kansrijk.accounts.constants import Role
from kansrijk.actions import selectors as action_selectors
from kansrijk.casework.constants import (
    ACTION_CONTEXT,
    AGE_BAND_SHARE,
    BIRTHS_PER_INHABITANT,
    DUE_PRECISION_SHARE,
    RECOGNISABLE_BELOW,
    AgeBand,
    CaseStatus,
    DiscussionMode,
    MeetingKind,
    MeetingStatus,
    MemberRole,
)
from kansrijk.casework.models import (
    AgendaItem,
    Case,
    CaseLeadHandover,
    ConfidentialityConfirmation,
    Consultation,
    ConsultationMember,
    Meeting,
)
from kansrijk.clients import selectors as client_selectors
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.screening.constants import Domain

if TYPE_CHECKING:
    from kansrijk.accounts.models import User


def _as_uuid(value: Any) -> uuid_module.UUID | None:
    try:
        return uuid_module.UUID(str(value))
    except ValueError:
        return None


def _active(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active)


# --- membership --------------------------------------------------------------------------------


def member_role(user: Any, consultation: Consultation) -> str | None:
    if not _active(user):
        return None
    return (
        ConsultationMember.objects.filter(consultation=consultation, user=user)
        .values_list("role", flat=True)
        .first()
    )


def is_member(user: Any, consultation: Consultation) -> bool:
    return member_role(user, consultation) is not None


def chairs(user: Any, consultation: Consultation) -> bool:
    return member_role(user, consultation) == MemberRole.CHAIR


def keeps_minutes(user: Any, consultation: Consultation) -> bool:
    return member_role(user, consultation) in (MemberRole.CHAIR, MemberRole.MINUTE_TAKER)


def may_submit(user: Any, consultation: Consultation) -> bool:
    """A professional whose organisation is a partner in the consultation's coalition."""
    return bool(
        _active(user)
        and user.organisation_id
        and user.has_role(Role.PROFESSIONAL)
        and consultation.coalition.members.filter(pk=user.organisation_id).exists()
    )


def consultations_for_user(user: Any) -> QuerySet[Consultation]:
    if not _active(user):
        return Consultation.objects.none()
    query = Q(members__user=user)
    if user.organisation_id and user.has_role(Role.PROFESSIONAL):
        query |= Q(coalition__members=user.organisation_id)
    return Consultation.objects.filter(query).select_related("coalition").distinct()


def user_works_with_consultations(user: Any) -> bool:
    return consultations_for_user(user).exists()


def consultation_get_for_user(user: Any, uuid: Any) -> Consultation | None:
    consultation_uuid = _as_uuid(uuid)
    if consultation_uuid is None:
        return None
    return consultations_for_user(user).filter(uuid=consultation_uuid).first()


def members_of(consultation: Consultation) -> QuerySet[ConsultationMember]:
    return consultation.members.select_related("user__organisation").order_by(
        "role", "user__last_name"
    )


def organisations_at_the_table(consultation: Consultation) -> list:
    """The organisations of the standing members: a named case's consent must cover each."""
    seen = {}
    for member in members_of(consultation):
        if member.user.organisation_id and member.user.is_active:
            seen[member.user.organisation_id] = member.user.organisation
    return sorted(seen.values(), key=lambda organisation: organisation.name)


# --- meetings ----------------------------------------------------------------------------------


def meetings_of(consultation: Consultation) -> QuerySet[Meeting]:
    return consultation.meetings.order_by("starts_at")


def next_meeting(consultation: Consultation, *, now: datetime.datetime) -> Meeting | None:
    return meetings_of(consultation).filter(starts_at__gte=now).first()


def meeting_get_for_user(user: Any, uuid: Any) -> Meeting | None:
    """Only members reach a meeting page."""
    meeting_uuid = _as_uuid(uuid)
    if meeting_uuid is None or not _active(user):
        return None
    return (
        Meeting.objects.select_related("consultation__coalition")
        .filter(uuid=meeting_uuid, consultation__members__user=user)
        .first()
    )


def has_confirmed(user: Any, meeting: Meeting) -> bool:
    return ConfidentialityConfirmation.objects.filter(meeting=meeting, user=user).exists()


def attendees(meeting: Meeting) -> QuerySet[ConfidentialityConfirmation]:
    return meeting.confirmations.select_related("user__organisation").order_by("confirmed_at")


def agenda(meeting: Meeting) -> QuerySet[AgendaItem]:
    return meeting.agenda_items.select_related(
        "case__municipality",
        "case__neighbourhood",
        "case__lead_user",
        "case__lead_organisation",
        "case__submitting_organisation",
        "case__consent",
        "case__client",
    ).order_by("position")


def agenda_closes_at(meeting: Meeting) -> datetime.datetime:
    return meeting.starts_at - datetime.timedelta(days=meeting.consultation.submission_days_before)


def agenda_candidates(meeting: Meeting) -> dict[str, list[Case]]:
    """What the chair may put on the agenda: new cases, and follow-ups that are due."""
    on_agenda = meeting.agenda_items.values("case_id")
    cases = Case.objects.filter(consultation=meeting.consultation).exclude(pk__in=on_agenda)
    new = cases.filter(status=CaseStatus.SUBMITTED)
    if meeting.kind != MeetingKind.URGENT:
        # Later submissions wait for the next meeting; an urgent one takes them at once.
        new = new.filter(submitted_at__lte=agenda_closes_at(meeting))
    return {
        "new": list(new.order_by("submitted_at")),
        "follow_up": list(
            cases.filter(
                status=CaseStatus.DISCUSSED, follow_up_on__lte=meeting.starts_at.date()
            ).order_by("follow_up_on")
        ),
    }


def earlier_open_agreements(meeting: Meeting):
    """Open agreements about this consultation's cases made at other meetings: each must
    get a disposition here. Carried-over ones that already got one here are marked."""
    case_uuids = Case.objects.filter(consultation=meeting.consultation).values_list(
        "uuid", flat=True
    )
    items = list(
        action_selectors.open_action_items_for_contexts(
            context_kind=ACTION_CONTEXT, context_uuids=case_uuids
        ).exclude(meeting_uuid=meeting.uuid)
    )
    for item in items:
        item.disposed_here = any(d.meeting_uuid == meeting.uuid for d in item.dispositions.all())
    return items


def agreements_for_case(case: Case):
    return action_selectors.action_items_for_context(
        context_kind=ACTION_CONTEXT, context_uuid=case.uuid
    )


def minutes_missing(meeting: Meeting) -> list[AgendaItem]:
    return [item for item in agenda(meeting) if item.discussed_at is None]


def meeting_is_final(meeting: Meeting) -> bool:
    return meeting.status == MeetingStatus.MINUTES_FINAL


# --- cases -------------------------------------------------------------------------------------


def case_basis_holds(case: Case) -> bool:
    """Whether a named case may still show the client: her consent is active, or the legal
    basis was approved by a second person. False for anonymous cases."""
    if case.client_id is None or case.client.pseudonymised_at is not None:
        return False
    if case.mode == DiscussionMode.NAMED_CONSENT:
        return case.consent is not None and case.consent.withdrawn_at is None
    if case.mode == DiscussionMode.NAMED_LEGAL_BASIS:
        return case.approved_at is not None
    return False


def client_shown_to(user: Any, case: Case) -> bool:
    """May this user see who the client of this case is?"""
    if not _active(user) or not case_basis_holds(case) or not user.organisation_id:
        return False
    if case.submitting_organisation_id == user.organisation_id:
        return True
    if case.mode == DiscussionMode.NAMED_CONSENT and client_selectors.consent_covers(
        case.client_id, user.organisation_id, ConsentPurpose.CASE_CONSULTATION
    ):
        return True
    # Already involved: her client record is visible to the user's organisation.
    return client_selectors.client_get_for_user(user, case.client.uuid) is not None


def cases_visible_to(user: Any) -> QuerySet[Case]:
    if not _active(user):
        return Case.objects.none()
    return Case.objects.filter(
        Q(consultation__members__user=user) | Q(submitted_by=user)
    ).distinct()


def case_get_for_user(user: Any, uuid: Any) -> Case | None:
    case_uuid = _as_uuid(uuid)
    if case_uuid is None:
        return None
    return (
        cases_visible_to(user)
        .select_related(
            "consultation__coalition",
            "municipality",
            "neighbourhood",
            "client",
            "consent",
            "submitted_by",
            "submitting_organisation",
            "lead_user",
            "lead_organisation",
            "second_approver",
        )
        .filter(uuid=case_uuid)
        .first()
    )


def case_exists(uuid: Any) -> bool:
    """For the audit of a refused attempt only: never shown to the user."""
    case_uuid = _as_uuid(uuid)
    return case_uuid is not None and Case.objects.filter(uuid=case_uuid).exists()


def case_client_uuid(uuid: Any) -> str:
    case_uuid = _as_uuid(uuid)
    if case_uuid is None:
        return ""
    client_uuid = (
        Case.objects.filter(uuid=case_uuid, client__isnull=False)
        .values_list("client__uuid", flat=True)
        .first()
    )
    return str(client_uuid) if client_uuid else ""


def cases_of(consultation: Consultation) -> QuerySet[Case]:
    return consultation.cases.select_related("municipality", "lead_organisation").order_by(
        "-submitted_at"
    )


def cases_submitted_by(user: Any) -> QuerySet[Case]:
    if not _active(user):
        return Case.objects.none()
    return (
        Case.objects.filter(submitted_by=user)
        .select_related("consultation", "lead_organisation")
        .order_by("-submitted_at")
    )


def cases_awaiting_approval_by(user: Any) -> QuerySet[Case]:
    if not _active(user):
        return Case.objects.none()
    return Case.objects.filter(second_approver=user, status=CaseStatus.AWAITING_APPROVAL)


def handovers_for(user: Any) -> QuerySet[CaseLeadHandover]:
    if not _active(user):
        return CaseLeadHandover.objects.none()
    return CaseLeadHandover.objects.filter(to_user=user, status="proposed").select_related("case")


def handover_get_for_receiver(user: Any, uuid: Any) -> CaseLeadHandover | None:
    handover_uuid = _as_uuid(uuid)
    if handover_uuid is None:
        return None
    return handovers_for(user).filter(uuid=handover_uuid).first()


def pending_handovers(case: Case) -> QuerySet[CaseLeadHandover]:
    return case.handovers.filter(status="proposed").select_related("to_user", "to_organisation")


def user_may_see_minutes(user: Any, meeting: Meeting) -> bool:
    return is_member(user, meeting.consultation)


# --- recognisability ---------------------------------------------------------------------------


def recognisability_warnings(
    *,
    inhabitants: int | None,
    area_name: str,
    age_band: str,
    due_precision: str,
    question: str,
) -> list[str]:
    """Warnings when an anonymous case's details would fit so few women that colleagues could
    recognise her. We estimate how many women in the area are expecting a child with the same
    age band and due date: births a year x the age band's share x the due date's precision.
    Also warn about details in the question that identify (numbers, capitalised names)."""
    from django.utils.translation import gettext as _

    warnings = []
    if inhabitants:
        matching = (
            inhabitants
            * BIRTHS_PER_INHABITANT
            * AGE_BAND_SHARE.get(age_band, 1.0)
            * DUE_PRECISION_SHARE.get(due_precision or "", 1.0)
        )
        if matching < RECOGNISABLE_BELOW:
            warnings.append(
                _(
                    "Only about %(count)s women in %(area)s fit this age and due date: she "
                    "could be recognised. Leave out the neighbourhood or give the due date "
                    "less precisely."
                )
                % {"count": max(1, round(matching)), "area": area_name}
            )
    if age_band == AgeBand.UNDER_18 and due_precision in ("week", "day"):
        warnings.append(_("A mother under 18 with a precise due date is easy to recognise."))
    words = question.split()
    if any(any(char.isdigit() for char in word) for word in words):
        warnings.append(
            _(
                "The question contains numbers (a date, an address, a phone number?). "
                "Leave them out."
            )
        )
    # Capitalised words that do not start a sentence are likely names of people or places.
    capitalised = [
        word
        for previous, word in zip(words, words[1:], strict=False)
        if word[:1].isupper()
        and word.strip(".,;:!?").isalpha()
        and not previous.endswith((".", "?", "!", ":"))
    ]
    if len(capitalised) >= 2:
        warnings.append(
            _("The question contains names (%(names)s). Leave out names of people and places.")
            % {"names": ", ".join(dict.fromkeys(w.strip(".,;:!?") for w in capitalised))}
        )
    return warnings


# --- the coalition's anonymous summary ---------------------------------------------------------


def anonymous_summary(consultation: Consultation, *, start: datetime.date, end: datetime.date):
    """What the coalition may know: counts, never a case. Small counts stay: these are
    numbers of cases in one consultation without any detail, not of people in an area."""
    discussed = AgendaItem.objects.filter(
        meeting__consultation=consultation,
        meeting__starts_at__date__gte=start,
        meeting__starts_at__date__lte=end,
        discussed_at__isnull=False,
    ).select_related("case__lead_organisation")
    cases = {item.case_id: item.case for item in discussed}
    domains = Counter(domain for case in cases.values() for domain in case.domains)
    modes = Counter(case.mode for case in cases.values())
    leads = Counter(
        case.lead_organisation.get_domain_display()
        for case in cases.values()
        if case.lead_organisation
    )
    meetings = meetings_of(consultation).filter(
        starts_at__date__gte=start, starts_at__date__lte=end
    )
    agreements = action_selectors.action_items_for_context_kind(
        context_kind=ACTION_CONTEXT, context_uuids=[case.uuid for case in cases.values()]
    )
    return {
        "meetings": meetings.count(),
        "cases": len(cases),
        "discussions": len(discussed),
        "modes": modes,
        "domain_rows": [
            (str(dict(Domain.choices).get(code, code)), count)
            for code, count in domains.most_common()
        ],
        "leads": leads.most_common(),
        "agreements": agreements.count(),
        "agreements_done": agreements.filter(status="done").count(),
    }


def consultation_counts(*, coalition, start: datetime.date, end: datetime.date) -> dict[str, int]:
    """For monitoring: cases discussed in the coalition's consultations in a period."""
    items = AgendaItem.objects.filter(
        meeting__consultation__coalition=coalition,
        meeting__starts_at__date__gte=start,
        meeting__starts_at__date__lte=end,
        discussed_at__isnull=False,
    )
    return {
        "cases_discussed": items.values("case_id").distinct().count(),
        "discussions": items.count(),
    }


def consultation_summary_get_for_user(user: Any, uuid: Any) -> Consultation | None:
    """Members, and coordinators and policy advisers of the coalition's partners, see the
    anonymous summary."""
    consultation_uuid = _as_uuid(uuid)
    if consultation_uuid is None or not _active(user):
        return None
    consultation = Consultation.objects.filter(uuid=consultation_uuid).first()
    if consultation is None:
        return None
    if is_member(user, consultation):
        return consultation
    if (
        user.organisation_id
        and user.has_role(Role.COORDINATOR, Role.POLICY_ADVISER)
        and consultation.coalition.members.filter(pk=user.organisation_id).exists()
    ):
        return consultation
    return None


def members_user_ids(consultation: Consultation) -> set[int]:
    return set(consultation.members.values_list("user_id", flat=True))


def consultations_chaired_by(user: User) -> QuerySet[Consultation]:
    return Consultation.objects.filter(members__user=user, members__role=MemberRole.CHAIR)


def cases_for_client_export(client_id: int) -> list[dict[str, Any]]:
    """Her cases for her own copy of her data (clients.services.client_export): that she was
    discussed, where, how and when, and who leads. Not the minutes' words: they hold what other
    professionals said and may name other people; she can ask the case lead for them."""
    cases = (
        Case.objects.filter(client_id=client_id)
        .select_related("consultation", "submitting_organisation", "lead_organisation")
        .prefetch_related("agenda_items__meeting")
        .order_by("submitted_at")
    )
    return [
        {
            "case": case.code,
            "consultation": case.consultation.name,
            "discussion_mode": case.mode,
            "submitted_by_organisation": case.submitting_organisation.name,
            "submitted_at": case.submitted_at.isoformat(),
            "question": case.question,
            "case_lead_organisation": case.lead_organisation.name if case.lead_organisation else "",
            "discussed_on": [
                item.meeting.starts_at.date().isoformat()
                for item in case.agenda_items.all()
                if item.discussed_at is not None
            ],
        }
        for case in cases
    ]


def monitoring_case_facts():
    """One monitoring fact per case discussed (kansrijk.indicators): the date of the meeting
    where its minutes were first recorded, and its area. Nothing of the case itself."""
    from django.utils import timezone

    from kansrijk.casework.constants import AgeBand
    from kansrijk.indicators.constants import TargetGroup

    seen: set[int] = set()
    for case_id, case_uuid, starts_at, muni, hood, age_band in (
        AgendaItem.objects.filter(discussed_at__isnull=False)
        .order_by("meeting__starts_at")
        .values_list(
            "case_id",
            "case__uuid",
            "meeting__starts_at",
            "case__municipality_id",
            "case__neighbourhood_id",
            "case__age_band",
        )
    ):
        if case_id in seen:
            continue
        seen.add(case_id)
        yield {
            "source_uuid": case_uuid,
            "municipality_id": muni,
            "neighbourhood_id": hood,
            "target_group": (
                TargetGroup.TEENAGE if age_band == AgeBand.UNDER_18 else TargetGroup.OTHER
            ),
            "discussed_on": timezone.localdate(starts_at),
        }
