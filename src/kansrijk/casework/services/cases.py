"""Submitting a case, approving one named without consent, and letting go of her when her
retention period ends."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.casework import selectors
from kansrijk.casework.constants import (
    AUDIT_CASE_APPROVED,
    AUDIT_CASE_PSEUDONYMISED,
    AUDIT_CASE_SUBMITTED,
    AgeBand,
    CaseStatus,
    DiscussionMode,
    DuePrecision,
    LegalBasis,
    Phase,
)
from kansrijk.casework.models import (
    Case,
    Consultation,
)
from kansrijk.casework.services._common import RecognisableError, StaleCaseworkError, _audit
from kansrijk.clients import selectors as client_selectors
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.screening.constants import Domain

if TYPE_CHECKING:
    from kansrijk.accounts.models import User


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
