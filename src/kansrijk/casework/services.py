"""Writes of the case consultation: submit and approve cases, build the agenda, confirm
confidentiality, record the minutes with a case lead and agreements, hand the lead over,
and close the minutes only when every earlier agreement got a disposition."""

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

from kansrijk.accounts.selectors import audit_actor
from kansrijk.actions import services as action_services
from kansrijk.audit.services import audit_record
from kansrijk.casework import selectors
from kansrijk.casework.constants import (
    ACTION_CONTEXT,
    AUDIT_CASE_APPROVED,
    AUDIT_CASE_DENIED,
    AUDIT_CASE_DISCUSSED,
    AUDIT_CASE_LEAD,
    AUDIT_CASE_PSEUDONYMISED,
    AUDIT_CASE_SCHEDULED,
    AUDIT_CASE_SUBMITTED,
    AUDIT_CASE_VIEWED,
    AUDIT_CONFIDENTIALITY,
    AUDIT_HANDOVER,
    AUDIT_MINUTES_EXPORTED,
    AUDIT_MINUTES_FINAL,
    AUDIT_OBJECT_CASE,
    AUDIT_OBJECT_MEETING,
    AgeBand,
    AgendaItemKind,
    CaseStatus,
    DiscussionMode,
    DuePrecision,
    HandoverStatus,
    LegalBasis,
    MeetingKind,
    MeetingStatus,
    MemberRole,
    Phase,
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


class StaleCaseworkError(Exception):
    """Someone else changed this since the version the user saw."""

    def __init__(self) -> None:
        super().__init__(
            _("Someone else changed this in the meantime. Reload the page and try again.")
        )


class RecognisableError(ValidationError):
    """An anonymous case whose details could identify her; the submitter must confirm."""

    def __init__(self, warnings: list[str]) -> None:
        super().__init__(warnings, code="recognisable")
        self.warnings = warnings


def _audit(
    *,
    action: str,
    user: User | None,
    case: Case | None = None,
    meeting: Meeting | None = None,
    detail: dict[str, Any] | None = None,
    audit_context: dict[str, str] | None = None,
    outcome: str = "allowed",
) -> None:
    """Client data: a named case's events carry her id, so her audit trail shows them."""
    audit_record(
        action=action,
        client_id=str(case.client.uuid) if case is not None and case.client_id else "",
        object_type=AUDIT_OBJECT_CASE if case is not None else AUDIT_OBJECT_MEETING,
        object_id=str(case.uuid if case is not None else meeting.uuid),
        detail=detail or {},
        outcome=outcome,
        **{"source": "system", **audit_actor(user), **(audit_context or {})},
    )


def audit_case_view(*, user: User, case: Case, shown: bool, audit_context=None) -> None:
    _audit(
        action=AUDIT_CASE_VIEWED,
        user=user,
        case=case,
        detail={"client_shown": shown},
        audit_context=audit_context,
    )


def audit_case_denied(*, user: User, case_uuid: Any, audit_context=None) -> None:
    """Someone tried to open a case they may not see: logged with her id, refused."""
    audit_record(
        action=AUDIT_CASE_DENIED,
        client_id=selectors.case_client_uuid(case_uuid),
        object_type=AUDIT_OBJECT_CASE,
        object_id=str(case_uuid),
        outcome="denied",
        **{"source": "system", **audit_actor(user), **(audit_context or {})},
    )


def audit_minutes_export(*, user: User, meeting: Meeting, audit_context=None) -> None:
    _audit(action=AUDIT_MINUTES_EXPORTED, user=user, meeting=meeting, audit_context=audit_context)


# --- set-up (management site and demo) ---------------------------------------------------------


@transaction.atomic
def consultation_create(
    *, coalition, name: str, code_prefix: str, description: str = "", submission_days_before=7
) -> Consultation:
    if not name.strip() or not code_prefix.strip():
        raise ValidationError(_("A case consultation needs a name and a case code prefix."))
    return Consultation.objects.create(
        coalition=coalition,
        name=name.strip(),
        code_prefix=code_prefix.strip().upper(),
        description=description,
        submission_days_before=submission_days_before,
    )


@transaction.atomic
def member_set(*, consultation: Consultation, user: User, role: str) -> ConsultationMember:
    if role not in MemberRole.values:
        raise ValidationError(_("Choose a role."))
    if (
        not user.organisation_id
        or not consultation.coalition.members.filter(pk=user.organisation_id).exists()
    ):
        raise ValidationError(_("Members work for a partner organisation of the coalition."))
    member, _created = ConsultationMember.objects.update_or_create(
        consultation=consultation, user=user, defaults={"role": role}
    )
    return member


@transaction.atomic
def meeting_plan(
    *,
    consultation: Consultation,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    kind: str = MeetingKind.REGULAR,
    place: str = "",
    user: User | None = None,
) -> Meeting:
    """Plan a meeting; from a page (`user` given) only the chair may."""
    if user is not None and not selectors.chairs(user, consultation):
        raise ValidationError(_("Only the chair can do this."))
    if kind not in MeetingKind.values:
        raise ValidationError({"kind": _("Choose a kind of consultation.")})
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The end must be after the start.")})
    return Meeting.objects.create(
        consultation=consultation, kind=kind, starts_at=starts_at, ends_at=ends_at, place=place
    )


# --- submitting a case -------------------------------------------------------------------------


def _next_code(consultation: Consultation, year: int) -> str:
    prefix = f"{consultation.code_prefix}-{year}-"
    numbers = [
        int(code.rsplit("-", 1)[1])
        for code in Case.objects.filter(code__startswith=prefix).values_list("code", flat=True)
        if code.rsplit("-", 1)[1].isdigit()
    ]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"


def _check_summary(
    *, age_band, phase, municipality, neighbourhood, domains, question
) -> dict[str, str]:
    errors = {}
    if age_band not in AgeBand.values:
        errors["age_band"] = _("Choose an age band.")
    if phase not in Phase.values:
        errors["phase"] = _("Choose the phase.")
    if municipality is None:
        errors["municipality"] = _("Choose the municipality.")
    elif neighbourhood is not None and neighbourhood.municipality_id != municipality.pk:
        errors["neighbourhood"] = _("This neighbourhood is not in the chosen municipality.")
    unknown = set(domains) - set(Domain.values)
    if not domains or unknown:
        errors["domains"] = _("Choose at least one signalled domain.")
    if not question.strip():
        errors["question"] = _("Write down your question for the consultation.")
    return errors


@transaction.atomic
def case_submit(
    *,
    consultation: Consultation,
    user: User,
    mode: str,
    age_band: str,
    phase: str,
    municipality,
    question: str,
    domains: Iterable[str],
    neighbourhood=None,
    due_precision: str = DuePrecision.NONE,
    client=None,
    legal_basis: str = "",
    justification: str = "",
    second_approver: User | None = None,
    recognisable_checked: bool = False,
    submitted_at: datetime.datetime | None = None,
    audit_context: dict[str, str] | None = None,
) -> Case:
    """Submit a case. The discussion mode is always explicit:
    - anonymous: no client; when the details could identify her, the submitter must confirm
      she checked them (RecognisableError lists the warnings);
    - named with consent: her active consent for the case consultation must cover every
      organisation at the table;
    - named without consent: a legal basis, a written justification and a second approver,
      who must approve before the case can go on an agenda."""
    domains = list(dict.fromkeys(domains))
    question = (question or "").strip()
    if not selectors.may_submit(user, consultation):
        raise ValidationError(_("Only professionals of the coalition's partners submit cases."))
    if mode not in DiscussionMode.values:
        raise ValidationError(
            {
                "mode": _(
                    "Choose how the case is discussed: anonymous, named with consent, or named "
                    "without consent on a legal basis."
                )
            }
        )
    errors = _check_summary(
        age_band=age_band,
        phase=phase,
        municipality=municipality,
        neighbourhood=neighbourhood,
        domains=domains,
        question=question,
    )
    if due_precision not in DuePrecision.values:
        errors["due_precision"] = _("Choose how precisely you give the due date.")
    consent = None
    if mode == DiscussionMode.ANONYMOUS:
        client = None
    elif client is None or client_selectors.client_get_for_user(user, client.uuid) is None:
        errors["client"] = _("Choose the client this case is about.")
    elif mode == DiscussionMode.NAMED_CONSENT:
        missing = [
            organisation.name
            for organisation in selectors.organisations_at_the_table(consultation)
            # Her own care team needs no consent to know her.
            if organisation.pk != client.organisation_id
            and not client_selectors.consent_covers(
                client.pk, organisation.pk, ConsentPurpose.CASE_CONSULTATION
            )
        ]
        if missing:
            errors["client"] = _(
                "Her consent for the case consultation does not cover every organisation at "
                "the table (missing: %(names)s). Record her consent first, or discuss the case "
                "anonymously."
            ) % {"names": ", ".join(missing)}
        else:
            consent = (
                client_selectors.consents_for_client(client=client)
                .filter(purpose=ConsentPurpose.CASE_CONSULTATION, withdrawn_at__isnull=True)
                .first()
            )
            if consent is None:
                errors["client"] = _(
                    "Record her consent for the case consultation first, or discuss the case "
                    "anonymously."
                )
    else:
        if legal_basis not in LegalBasis.values:
            errors["legal_basis"] = _("Name the legal basis for discussing her without consent.")
        if len((justification or "").strip()) < 20:
            errors["justification"] = _(
                "Explain in a few sentences why this cannot wait for her consent."
            )
        if second_approver is None:
            errors["second_approver"] = _("Choose a second approver.")
        elif second_approver.pk == user.pk:
            errors["second_approver"] = _("The second approver must be someone else.")
        elif not selectors.is_member(second_approver, consultation):
            errors["second_approver"] = _("The second approver must be a member.")
    if errors:
        raise ValidationError(errors)

    if mode == DiscussionMode.ANONYMOUS and not recognisable_checked:
        area = neighbourhood or municipality
        warnings = selectors.recognisability_warnings(
            inhabitants=getattr(area, "inhabitants", None),
            area_name=area.name,
            age_band=age_band,
            due_precision=due_precision,
            question=question,
        )
        if warnings:
            raise RecognisableError(warnings)

    # One code per case and year: serialise submissions to the same consultation.
    Consultation.objects.select_for_update().filter(pk=consultation.pk).first()
    now = submitted_at or timezone.now()  # earlier only when importing (and in the demo)
    case = Case.objects.create(
        consultation=consultation,
        code=_next_code(consultation, timezone.localtime(now).year),
        status=(
            CaseStatus.AWAITING_APPROVAL
            if mode == DiscussionMode.NAMED_LEGAL_BASIS
            else CaseStatus.SUBMITTED
        ),
        mode=mode,
        submitted_by=user,
        submitting_organisation=user.organisation,
        submitted_at=now,
        age_band=age_band,
        phase=phase,
        municipality=municipality,
        neighbourhood=neighbourhood,
        due_precision=due_precision or "",
        domains=domains,
        question=question,
        client=client,
        consent=consent,
        legal_basis=legal_basis if mode == DiscussionMode.NAMED_LEGAL_BASIS else "",
        justification=(justification or "").strip()
        if mode == DiscussionMode.NAMED_LEGAL_BASIS
        else "",
        second_approver=second_approver if mode == DiscussionMode.NAMED_LEGAL_BASIS else None,
    )
    _audit(
        action=AUDIT_CASE_SUBMITTED,
        user=user,
        case=case,
        detail={"mode": mode, "code": case.code},
        audit_context=audit_context,
    )
    return case


@transaction.atomic
def case_approve(*, case: Case, user: User, audit_context=None) -> Case:
    """The second approver agrees that this case is discussed by name without consent."""
    if case.second_approver_id != user.pk or case.status != CaseStatus.AWAITING_APPROVAL:
        raise ValidationError(_("Only the chosen second approver can approve this case."))
    claimed = Case.objects.filter(
        pk=case.pk, status=CaseStatus.AWAITING_APPROVAL, lock_version=case.lock_version
    ).update(
        status=CaseStatus.SUBMITTED, approved_at=timezone.now(), lock_version=F("lock_version") + 1
    )
    if not claimed:
        raise StaleCaseworkError()
    case.refresh_from_db()
    _audit(action=AUDIT_CASE_APPROVED, user=user, case=case, audit_context=audit_context)
    return case


# --- the meeting -------------------------------------------------------------------------------


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


# --- case lead handover ------------------------------------------------------------------------


@transaction.atomic
def handover_propose(
    *, case: Case, user: User, to_user: User, note: str = "", audit_context=None
) -> CaseLeadHandover:
    if not (selectors.keeps_minutes(user, case.consultation) or case.lead_user_id == user.pk):
        raise ValidationError(_("Only the case lead or the chair can hand the case over."))
    if case.lead_user_id == to_user.pk:
        raise ValidationError(_("This person already leads the case."))
    if not to_user.organisation_id:
        raise ValidationError(_("The new case lead must work for a partner of the coalition."))
    case.handovers.filter(status=HandoverStatus.PROPOSED).update(
        status=HandoverStatus.DECLINED, answered_at=timezone.now()
    )
    handover = CaseLeadHandover.objects.create(
        case=case,
        from_user_id=case.lead_user_id,
        to_user=to_user,
        to_organisation_id=to_user.organisation_id,
        note=note,
        proposed_by=user,
    )
    _audit(
        action=AUDIT_HANDOVER,
        user=user,
        case=case,
        detail={"to": str(to_user.uuid), "state": "proposed"},
        audit_context=audit_context,
    )
    return handover


@transaction.atomic
def handover_answer(
    *, handover: CaseLeadHandover, user: User, accept: bool, audit_context=None
) -> CaseLeadHandover:
    """The receiver accepts (and then leads the case) or declines (the lead stays)."""
    if handover.to_user_id != user.pk:
        raise ValidationError(_("Only the proposed case lead can answer."))
    state = HandoverStatus.ACCEPTED if accept else HandoverStatus.DECLINED
    claimed = CaseLeadHandover.objects.filter(
        pk=handover.pk, status=HandoverStatus.PROPOSED
    ).update(status=state, answered_at=timezone.now())
    if not claimed:
        raise StaleCaseworkError()
    case = handover.case
    if accept:
        Case.objects.filter(pk=case.pk).update(
            lead_user=user,
            lead_organisation_id=user.organisation_id,
            lock_version=F("lock_version") + 1,
        )
    _audit(
        action=AUDIT_HANDOVER,
        user=user,
        case=case,
        detail={"to": str(user.uuid), "state": str(state)},
        audit_context=audit_context,
    )
    handover.refresh_from_db()
    return handover


@transaction.atomic
def cases_pseudonymise(*, client_id: int) -> int:
    """For the retention run: her named cases let go of her (no client, no consent), so they
    stay in the consultation's history and counts as anonymous cases. Returns how many."""
    cases = list(Case.objects.select_for_update().filter(client_id=client_id))
    for case in cases:
        _audit(action=AUDIT_CASE_PSEUDONYMISED, user=None, case=case)
    Case.objects.filter(pk__in=[case.pk for case in cases]).update(
        client=None, consent=None, lock_version=F("lock_version") + 1
    )
    return len(cases)
