"""The meeting: confidentiality, the agenda, the minutes with a case lead and agreements, and
making the minutes final only when every earlier agreement got a disposition."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.actions import services as action_services
from kansrijk.casework import selectors
from kansrijk.casework.constants import (
    ACTION_CONTEXT,
    AUDIT_CASE_DISCUSSED,
    AUDIT_CASE_LEAD,
    AUDIT_CASE_SCHEDULED,
    AUDIT_CONFIDENTIALITY,
    AUDIT_MINUTES_FINAL,
    AgendaItemKind,
    CaseStatus,
    MeetingStatus,
)
from kansrijk.casework.models import (
    AgendaItem,
    Case,
    ConfidentialityConfirmation,
    Meeting,
)
from kansrijk.casework.services._common import StaleCaseworkError, _audit
from kansrijk.casework.services.handover import handover_propose

if TYPE_CHECKING:
    from kansrijk.accounts.models import User


def _require_chair(user: User, meeting: Meeting) -> None:
    if not selectors.chairs(user, meeting.consultation):
        raise ValidationError(_("Only the chair can do this."))


def _require_open(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.MINUTES_FINAL:
        raise ValidationError(_("The minutes of this meeting are final."))


@transaction.atomic
def confidentiality_confirm(*, meeting: Meeting, user: User, audit_context=None) -> None:
    if not selectors.is_member(user, meeting.consultation):
        raise ValidationError(_("Only members take part in the consultation."))
    _confirmation, created = ConfidentialityConfirmation.objects.get_or_create(
        meeting=meeting, user=user
    )
    if created:
        _audit(
            action=AUDIT_CONFIDENTIALITY, user=user, meeting=meeting, audit_context=audit_context
        )


@transaction.atomic
def agenda_add(
    *, meeting: Meeting, user: User, cases: Iterable[Case], audit_context=None
) -> list[AgendaItem]:
    """The chair puts new cases and due follow-ups on the agenda, in the order given."""
    _require_chair(user, meeting)
    _require_open(meeting)
    candidates = selectors.agenda_candidates(meeting)
    allowed = {case.pk: AgendaItemKind.NEW for case in candidates["new"]}
    allowed.update({case.pk: AgendaItemKind.FOLLOW_UP for case in candidates["follow_up"]})
    chosen = list(cases)
    if not chosen:
        raise ValidationError(_("Choose at least one case for the agenda."))
    refused = [case.code for case in chosen if case.pk not in allowed]
    if refused:
        raise ValidationError(
            _("These cases cannot go on this agenda: %(codes)s.") % {"codes": ", ".join(refused)}
        )
    position = meeting.agenda_items.count()
    items = []
    for case in chosen:
        position += 1
        items.append(
            AgendaItem.objects.create(
                meeting=meeting, case=case, kind=allowed[case.pk], position=position
            )
        )
        Case.objects.filter(pk=case.pk).update(
            status=CaseStatus.SCHEDULED, lock_version=F("lock_version") + 1
        )
        _audit(
            action=AUDIT_CASE_SCHEDULED,
            user=user,
            case=case,
            detail={"meeting": str(meeting.uuid)},
            audit_context=audit_context,
        )
    return items


@transaction.atomic
def minutes_record(
    *,
    item: AgendaItem,
    user: User,
    seen: str,
    conclusions: str,
    lead_user: User | None,
    expected_version: int,
    follow_up_on: datetime.date | None = None,
    outcome_summary: str = "",
    audit_context=None,
) -> AgendaItem:
    """What the meeting saw and concluded about a case, and who leads (mandatory). A new lead
    other than the current one is a handover the receiver must accept."""
    meeting = item.meeting
    case = item.case
    if not selectors.keeps_minutes(user, meeting.consultation):
        raise ValidationError(_("Only the chair or the minute-taker records the minutes."))
    if not selectors.has_confirmed(user, meeting):
        raise ValidationError(_("Confirm confidentiality for this meeting first."))
    _require_open(meeting)
    errors = {}
    if not (seen or "").strip() and not (conclusions or "").strip():
        errors["conclusions"] = _("Write down what you see and what you concluded.")
    if lead_user is None:
        errors["lead_user"] = _("Name a case lead (regiehouder): every discussed case needs one.")
    elif (
        not lead_user.is_active
        or not lead_user.organisation_id
        or not (
            meeting.consultation.coalition.members.filter(pk=lead_user.organisation_id).exists()
        )
    ):
        errors["lead_user"] = _("The case lead must work for a partner of the coalition.")
    if follow_up_on is not None and follow_up_on < timezone.localdate():
        errors["follow_up_on"] = _("The follow-up date cannot be in the past.")
    if errors:
        raise ValidationError(errors)
    claimed = AgendaItem.objects.filter(pk=item.pk, lock_version=expected_version).update(
        seen=(seen or "").strip(),
        conclusions=(conclusions or "").strip(),
        discussed_named=selectors.case_basis_holds(case),
        discussed_at=timezone.now(),
        lock_version=F("lock_version") + 1,
    )
    if not claimed:
        raise StaleCaseworkError()
    case_changes: dict[str, Any] = {
        "status": CaseStatus.DISCUSSED,
        "follow_up_on": follow_up_on,
        "lock_version": F("lock_version") + 1,
    }
    if outcome_summary.strip():
        case_changes["outcome_summary"] = outcome_summary.strip()
    if case.lead_user_id is None:
        case_changes["lead_user"] = lead_user
        case_changes["lead_organisation_id"] = lead_user.organisation_id
    Case.objects.filter(pk=case.pk).update(**case_changes)
    if case.lead_user_id is None:
        _audit(
            action=AUDIT_CASE_LEAD,
            user=user,
            case=case,
            detail={"lead": str(lead_user.uuid), "meeting": str(meeting.uuid)},
            audit_context=audit_context,
        )
    elif case.lead_user_id != lead_user.pk:
        handover_propose(case=case, user=user, to_user=lead_user, audit_context=audit_context)
    _audit(
        action=AUDIT_CASE_DISCUSSED,
        user=user,
        case=case,
        detail={"meeting": str(meeting.uuid)},
        audit_context=audit_context,
    )
    item.refresh_from_db()
    return item


@transaction.atomic
def agreement_add(
    *,
    item: AgendaItem,
    user: User,
    description: str,
    owner_user: User | None,
    due_on: datetime.date | None,
    today: datetime.date | None = None,
):
    """An agreement about this case with an owner (person and organisation) and a due date;
    kept by the shared agreement engine, so it shows on the owner's work list."""
    meeting = item.meeting
    if not selectors.keeps_minutes(user, meeting.consultation):
        raise ValidationError(_("Only the chair or the minute-taker records the minutes."))
    _require_open(meeting)
    return action_services.action_item_create(
        coalition=meeting.consultation.coalition,
        context_kind=ACTION_CONTEXT,
        context_uuid=item.case.uuid,
        context_label=f"{item.case.code} · {meeting.consultation.name}",
        description=description,
        owner_user=owner_user,
        due_on=due_on,
        created_by=user,
        meeting_uuid=meeting.uuid,
        today=today,
    )


@transaction.atomic
def meeting_finalise(
    *, meeting: Meeting, user: User, expected_version: int, audit_context=None
) -> Meeting:
    """Make the minutes final. Refused while a case on the agenda has no minutes or an open
    agreement from an earlier meeting has no disposition at this one; then the submitters hear
    the outcome (without clinical detail)."""
    _require_chair(user, meeting)
    _require_open(meeting)
    problems = []
    missing = selectors.minutes_missing(meeting)
    if missing:
        problems.append(
            _("These cases have no minutes yet: %(codes)s.")
            % {"codes": ", ".join(item.case.code for item in missing)}
        )
    undecided = [
        item for item in selectors.earlier_open_agreements(meeting) if not item.disposed_here
    ]
    if undecided:
        problems.append(
            _(
                "Every open agreement from earlier meetings needs a decision here (done; not "
                "done because circumstances changed; not done by the owner). Still without "
                "one: %(count)s."
            )
            % {"count": len(undecided)}
        )
    if problems:
        raise ValidationError(problems)
    claimed = Meeting.objects.filter(pk=meeting.pk, lock_version=expected_version).update(
        status=MeetingStatus.MINUTES_FINAL,
        minutes_final_at=timezone.now(),
        lock_version=F("lock_version") + 1,
    )
    if not claimed:
        raise StaleCaseworkError()
    meeting.refresh_from_db()
    _audit(action=AUDIT_MINUTES_FINAL, user=user, meeting=meeting, audit_context=audit_context)
    items = list(selectors.agenda(meeting))
    transaction.on_commit(lambda: _tell_submitters(meeting, items))
    return meeting


def _tell_submitters(meeting: Meeting, items: list[AgendaItem]) -> None:
    """The referrer hears the outcome: case code, lead's organisation, next discussion; no
    clinical detail and no client name (e-mail is not a safe channel for that)."""
    for item in items:
        case = Case.objects.select_related("submitted_by", "lead_organisation").get(pk=item.case_id)
        if not case.submitted_by.email:
            continue
        lines = [
            _("Case %(code)s was discussed at %(consultation)s on %(date)s.")
            % {
                "code": case.code,
                "consultation": meeting.consultation.name,
                "date": timezone.localtime(meeting.starts_at).strftime("%d-%m-%Y"),
            },
            _("Case lead: %(organisation)s.")
            % {"organisation": case.lead_organisation.name if case.lead_organisation else "-"},
        ]
        if case.follow_up_on:
            lines.append(
                _("It will be discussed again from %(date)s.")
                % {"date": case.follow_up_on.strftime("%d-%m-%Y")}
            )
        if case.outcome_summary:
            lines.append(case.outcome_summary)
        lines.append(_("Read the outcome in Kansrijk under your work list."))
        send_mail(
            _("Outcome of case %(code)s") % {"code": case.code},
            "\n\n".join(lines),
            None,
            [case.submitted_by.email],
        )
