"""Writes of the sounding board: the board, its members (with consent and their encrypted
identity), sessions with attendance and expenses, and advice requests with the parents' advice
and the coalition's answer.

A member's real first name and contact details are kept only with her active consent and are
erased when she withdraws it; every read of them and every change goes to the audit log (ids
only, never the values). Refusals raise ValidationError with a plain Dutch message; an edit
based on an older version raises StaleEditError (nothing is lost)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.actionprogrammes import selectors as programme_selectors
from kansrijk.audit.constants import SOURCE_SYSTEM
from kansrijk.audit.services import audit_record
from kansrijk.clients.constants import LANGUAGE_CHOICES
from kansrijk.clients.services import StaleEditError
from kansrijk.soundingboard.access import may_coordinate
from kansrijk.soundingboard.constants import (
    AUDIT_CONSENT_RECORDED,
    AUDIT_CONSENT_WITHDRAWN,
    AUDIT_IDENTITY_ERASED,
    AUDIT_IDENTITY_SET,
    AUDIT_IDENTITY_VIEWED,
    AUDIT_OBJECT_MEMBER,
    MAX_EXPENSE_EUROS,
    MAX_IDENTITY_LENGTH,
    MAX_PSEUDONYM_LENGTH,
    AdviceOutcome,
    ContactRoute,
    ExpenseKind,
)
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
    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Coalition

__all__ = [
    "StaleEditError",
    "board_create",
    "member_register",
    "member_update",
    "member_consent_record",
    "member_consent_withdraw",
    "member_identity_set",
    "member_identity_read",
    "session_create",
    "session_update",
    "session_attendance_set",
    "expense_record",
    "expense_mark_paid",
    "advice_request_create",
    "advice_record",
    "advice_answer",
]


# --- helpers ------------------------------------------------------------------------------------


def _audit_member(
    *,
    action: str,
    member: Member,
    user: User | None,
    detail: Mapping[str, Any] | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> None:
    """One audit event about a member: ids and field names only, never her name or details."""
    organisation = getattr(user, "organisation", None) if user is not None else None
    who: dict[str, Any] = {
        "actor_id": str(user.uuid) if user is not None else "",
        "actor_display": user.get_username() if user is not None else "",
        "actor_role": ",".join(sorted(user.role_codes)) if user is not None else "",
        "actor_organisation_id": str(organisation.uuid) if organisation is not None else "",
        "source": SOURCE_SYSTEM,
    }
    who.update(audit_context or {})
    audit_record(
        action=action,
        object_type=AUDIT_OBJECT_MEMBER,
        object_id=str(member.uuid),
        detail={"board_id": str(member.board.uuid), **dict(detail or {})},
        **who,
    )


def _check_version(obj: Any, lock_version: int | None) -> None:
    if lock_version is not None and lock_version != obj.lock_version:
        raise StaleEditError(expected_version=lock_version, current_version=obj.lock_version)


def _bump(obj: Any, fields: Iterable[str]) -> None:
    obj.lock_version += 1
    obj.save(update_fields=[*fields, "lock_version"])


def _not_future(value: datetime.date | None, field: str, message: str) -> None:
    if value is not None and value > timezone.localdate():
        raise ValidationError({field: message})


def _check_member_fields(
    *, pseudonym: str, contact_route: str, languages: list[str]
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not pseudonym:
        errors.setdefault("pseudonym", []).append(_("Fill in a pseudonym, for example “Ouder A”."))
    elif len(pseudonym) > MAX_PSEUDONYM_LENGTH:
        errors.setdefault("pseudonym", []).append(
            _("Use at most %(count)s characters.") % {"count": MAX_PSEUDONYM_LENGTH}
        )
    if contact_route and contact_route not in ContactRoute.values:
        errors.setdefault("contact_route", []).append(_("Choose a contact route from the list."))
    known = dict(LANGUAGE_CHOICES)
    if any(code not in known for code in languages):
        errors.setdefault("languages", []).append(_("Choose a language from the list."))
    return errors


def _pseudonym_taken(board: SoundingBoard, pseudonym: str, *, exclude: Member | None) -> bool:
    others = Member.objects.filter(board=board, pseudonym__iexact=pseudonym)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    return others.exists()


def _pseudonym_taken_error(pseudonym: str) -> ValidationError:
    return ValidationError(
        {
            "pseudonym": _("Another member of this board is already called “%(name)s”.")
            % {"name": pseudonym}
        }
    )


# --- the board ----------------------------------------------------------------------------------


@transaction.atomic
def board_create(
    *, coalition: Coalition, name: str, description: str = "", created_by: User | None = None
) -> SoundingBoard:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Fill in the name of the sounding board.")})
    return SoundingBoard.objects.create(
        coalition=coalition, name=name, description=(description or "").strip()
    )


# --- members ------------------------------------------------------------------------------------


@transaction.atomic
def member_register(
    *,
    board: SoundingBoard,
    pseudonym: str,
    contact_route: str = "",
    languages: Iterable[str] = ("nl",),
    interpreter_needed: bool = False,
    childcare_needed: bool = False,
    joined_on: datetime.date | None = None,
    registered_by: User | None = None,
) -> Member:
    """A new member, known by her pseudonym only. Her name and contact details come later, and
    only after her consent is recorded."""
    pseudonym = (pseudonym or "").strip()
    languages = list(dict.fromkeys(code.strip() for code in languages if code.strip()))
    errors = _check_member_fields(
        pseudonym=pseudonym, contact_route=contact_route, languages=languages
    )
    if errors:
        raise ValidationError(errors)
    if _pseudonym_taken(board, pseudonym, exclude=None):
        raise _pseudonym_taken_error(pseudonym)
    try:
        with transaction.atomic():
            member = Member.objects.create(
                board=board,
                pseudonym=pseudonym,
                contact_route=contact_route,
                languages=languages,
                interpreter_needed=interpreter_needed,
                childcare_needed=childcare_needed,
                joined_on=joined_on or timezone.localdate(),
            )
    except IntegrityError as exc:  # two coordinators chose the same pseudonym at once
        raise _pseudonym_taken_error(pseudonym) from exc
    return member


@transaction.atomic
def member_update(
    *,
    member: Member,
    lock_version: int | None,
    pseudonym: str,
    contact_route: str,
    languages: Iterable[str],
    interpreter_needed: bool,
    childcare_needed: bool,
    joined_on: datetime.date,
    left_on: datetime.date | None = None,
    updated_by: User | None = None,
) -> Member:
    member = Member.objects.select_for_update().get(pk=member.pk)
    _check_version(member, lock_version)
    pseudonym = (pseudonym or "").strip()
    languages = list(dict.fromkeys(code.strip() for code in languages if code.strip()))
    errors = _check_member_fields(
        pseudonym=pseudonym, contact_route=contact_route, languages=languages
    )
    if left_on is not None and left_on < joined_on:
        errors.setdefault("left_on", []).append(
            _("She cannot leave the board before she joined it.")
        )
    if errors:
        raise ValidationError(errors)
    if _pseudonym_taken(member.board, pseudonym, exclude=member):
        raise _pseudonym_taken_error(pseudonym)
    member.pseudonym = pseudonym
    member.contact_route = contact_route
    member.languages = languages
    member.interpreter_needed = interpreter_needed
    member.childcare_needed = childcare_needed
    member.joined_on = joined_on
    member.left_on = left_on
    _bump(
        member,
        [
            "pseudonym",
            "contact_route",
            "languages",
            "interpreter_needed",
            "childcare_needed",
            "joined_on",
            "left_on",
        ],
    )
    return member


@transaction.atomic
def member_consent_record(
    *,
    member: Member,
    given_on: datetime.date,
    purpose: str,
    recorded_by: User | None,
    audit_context: Mapping[str, Any] | None = None,
) -> MemberConsent:
    """Her consent to keep her first name and contact details, in her words: for what."""
    purpose = (purpose or "").strip()
    errors: dict[str, list[str]] = {}
    if not purpose:
        errors["purpose"] = [_("Write down what she gives consent for.")]
    if given_on is None:
        errors["given_on"] = [_("Fill in the date she gave her consent.")]
    elif given_on > timezone.localdate():
        errors["given_on"] = [_("The date of the consent cannot be in the future.")]
    if errors:
        raise ValidationError(errors)
    member = Member.objects.select_for_update().get(pk=member.pk)
    # One active consent at a time: a new one replaces the old (which stays as history).
    MemberConsent.objects.filter(member=member, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now(), withdrawn_by=recorded_by
    )
    consent = MemberConsent.objects.create(
        member=member, given_on=given_on, purpose=purpose, recorded_by=recorded_by
    )
    _audit_member(
        action=AUDIT_CONSENT_RECORDED,
        member=member,
        user=recorded_by,
        detail={"consent_id": str(consent.uuid)},
        audit_context=audit_context,
    )
    return consent


@transaction.atomic
def member_consent_withdraw(
    *,
    member: Member,
    withdrawn_by: User | None,
    audit_context: Mapping[str, Any] | None = None,
) -> Member:
    """She withdraws her consent: from now on nothing that identifies her is kept. Her first
    name and contact details are erased (not hidden) and the contact route is cleared; her
    pseudonym, attendance and expenses stay."""
    member = Member.objects.select_for_update().get(pk=member.pk)
    withdrawn = MemberConsent.objects.filter(member=member, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now(), withdrawn_by=withdrawn_by
    )
    if not withdrawn:
        raise ValidationError(_("This member has no consent that can be withdrawn."))
    erased, _details = MemberIdentity.objects.filter(member=member).delete()
    if member.contact_route:
        member.contact_route = ""
        _bump(member, ["contact_route"])
    _audit_member(
        action=AUDIT_CONSENT_WITHDRAWN,
        member=member,
        user=withdrawn_by,
        detail={"identity_erased": bool(erased)},
        audit_context=audit_context,
    )
    return member


def _check_identity(values: Mapping[str, str]) -> None:
    errors: dict[str, list[str]] = {}
    for name, value in values.items():
        if len(value) > MAX_IDENTITY_LENGTH:
            errors.setdefault(name, []).append(
                _("Use at most %(count)s characters.") % {"count": MAX_IDENTITY_LENGTH}
            )
    if values.get("email"):
        try:
            validate_email(values["email"])
        except ValidationError:
            errors.setdefault("email", []).append(
                _("Fill in an e-mail address like name@example.nl.")
            )
    phone = values.get("phone", "")
    if phone and not all(c.isdigit() or c in " +-()" for c in phone):
        errors.setdefault("phone", []).append(
            _("A phone number has only digits, spaces, +, - and brackets.")
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def member_identity_set(
    *,
    member: Member,
    set_by: User,
    first_name: str = "",
    phone: str = "",
    email: str = "",
    contact_note: str = "",
    expected_version: int | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> MemberIdentity | None:
    """Keep her real first name and contact details (encrypted). Refused without her active
    consent. All empty: they are removed. `expected_version` is the identity's lock_version
    the coordinator saw (0: there was none)."""
    if not may_coordinate(set_by, member.board.coalition_id):
        raise PermissionDenied
    values = {
        "first_name": (first_name or "").strip(),
        "phone": (phone or "").strip(),
        "email": (email or "").strip(),
        "contact_note": (contact_note or "").strip(),
    }
    member = Member.objects.select_for_update().select_related("board").get(pk=member.pk)
    has_consent = MemberConsent.objects.filter(member=member, withdrawn_at__isnull=True).exists()
    if any(values.values()) and not has_consent:
        raise ValidationError(
            _(
                "Record her consent first. Without consent Kansrijk keeps no name or contact "
                "details of a member."
            ),
            code="no_consent",
        )
    _check_identity(values)
    identity = MemberIdentity.objects.filter(member=member).first()
    current = identity.lock_version if identity is not None else 0
    if expected_version is not None and expected_version != current:
        raise StaleEditError(expected_version=expected_version, current_version=current)
    if not any(values.values()):
        if identity is not None:
            identity.delete()
            _audit_member(
                action=AUDIT_IDENTITY_ERASED,
                member=member,
                user=set_by,
                audit_context=audit_context,
            )
        return None
    changed = [
        name
        for name, value in values.items()
        if identity is None or getattr(identity, name) != value
    ]
    if identity is None:
        identity = MemberIdentity(member=member)
    for name, value in values.items():
        setattr(identity, name, value)
    identity.updated_at = timezone.now()
    identity.updated_by = set_by
    identity.lock_version = current + 1
    identity.save()
    _audit_member(
        action=AUDIT_IDENTITY_SET,
        member=member,
        user=set_by,
        detail={"fields": changed},
        audit_context=audit_context,
    )
    return identity


@transaction.atomic
def member_identity_read(
    *,
    member: Member,
    user: User,
    purpose: str = "view",
    audit_context: Mapping[str, Any] | None = None,
) -> MemberIdentity | None:
    """Her real first name and contact details, for a coordinator of the board's coalition
    only; the read is written to the audit log (even when nothing is stored)."""
    if not may_coordinate(user, member.board.coalition_id):
        raise PermissionDenied
    identity = MemberIdentity.objects.filter(member=member).first()
    _audit_member(
        action=AUDIT_IDENTITY_VIEWED,
        member=member,
        user=user,
        detail={"purpose": purpose, "stored": identity is not None},
        audit_context=audit_context,
    )
    return identity


# --- sessions -----------------------------------------------------------------------------------


def _check_session(*, place: str, theme: str, date: datetime.date | None) -> None:
    errors: dict[str, list[str]] = {}
    if date is None:
        errors["date"] = [_("Fill in the date of the session.")]
    if not place:
        errors["place"] = [_("Fill in where the session is.")]
    if not theme:
        errors["theme"] = [_("Fill in the theme of the session.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def session_create(
    *,
    board: SoundingBoard,
    date: datetime.date,
    place: str,
    theme: str,
    childcare_arranged: bool = False,
    interpreter_arranged: bool = False,
    notes: str = "",
    created_by: User | None = None,
) -> Session:
    place, theme = (place or "").strip(), (theme or "").strip()
    _check_session(place=place, theme=theme, date=date)
    return Session.objects.create(
        board=board,
        date=date,
        place=place,
        theme=theme,
        childcare_arranged=childcare_arranged,
        interpreter_arranged=interpreter_arranged,
        notes=(notes or "").strip(),
    )


@transaction.atomic
def session_update(
    *,
    session: Session,
    lock_version: int | None,
    date: datetime.date,
    place: str,
    theme: str,
    childcare_arranged: bool,
    interpreter_arranged: bool,
    notes: str = "",
    updated_by: User | None = None,
) -> Session:
    session = Session.objects.select_for_update().get(pk=session.pk)
    _check_version(session, lock_version)
    place, theme = (place or "").strip(), (theme or "").strip()
    _check_session(place=place, theme=theme, date=date)
    session.date = date
    session.place = place
    session.theme = theme
    session.childcare_arranged = childcare_arranged
    session.interpreter_arranged = interpreter_arranged
    session.notes = (notes or "").strip()
    _bump(
        session,
        ["date", "place", "theme", "childcare_arranged", "interpreter_arranged", "notes"],
    )
    return session


@transaction.atomic
def session_attendance_set(
    *,
    session: Session,
    attended: Iterable[Member],
    lock_version: int | None = None,
    recorded_by: User | None = None,
) -> Session:
    """Who came: every member of the board gets a row, present or not. Moves the session's
    version, so two coordinators ticking at once do not overwrite each other unseen."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    _check_version(session, lock_version)
    attended_ids = {member.pk for member in attended}
    board_member_ids = set(
        Member.objects.filter(board_id=session.board_id).values_list("pk", flat=True)
    )
    if attended_ids - board_member_ids:
        raise ValidationError(_("Only members of this sounding board can attend its sessions."))
    recorded = set(Attendance.objects.filter(session=session).values_list("member_id", flat=True))
    for member_id in attended_ids | recorded:
        Attendance.objects.update_or_create(
            session=session, member_id=member_id, defaults={"attended": member_id in attended_ids}
        )
    _bump(session, [])
    return session


# --- expenses -----------------------------------------------------------------------------------


def _check_amount(amount: Any) -> Decimal:
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError({"amount": _("Fill in an amount in euros, like 12.50.")}) from None
    if not value.is_finite() or value <= 0:
        raise ValidationError({"amount": _("An expense is more than € 0.")})
    if value > MAX_EXPENSE_EUROS:
        raise ValidationError(
            {
                "amount": _("One expense is at most € %(max)s. Check the amount.")
                % {"max": MAX_EXPENSE_EUROS}
            }
        )
    if value != value.quantize(Decimal("0.01")):
        raise ValidationError({"amount": _("Use at most two digits after the comma.")})
    return value.quantize(Decimal("0.01"))


@transaction.atomic
def expense_record(
    *,
    member: Member,
    session: Session,
    kind: str,
    amount: Any,
    paid_on: datetime.date | None = None,
    recorded_by: User | None = None,
) -> Expense:
    value = _check_amount(amount)
    if kind not in ExpenseKind.values:
        raise ValidationError({"kind": _("Choose the kind of expense.")})
    if member.board_id != session.board_id:
        raise ValidationError(
            {"member": _("Only members of this sounding board can claim expenses for it.")}
        )
    _not_future(paid_on, "paid_on", _("The payment date cannot be in the future."))
    return Expense.objects.create(
        member=member,
        session=session,
        kind=kind,
        amount=value,
        paid_on=paid_on,
        recorded_by=recorded_by,
    )


@transaction.atomic
def expense_mark_paid(
    *,
    expense: Expense,
    paid_on: datetime.date,
    lock_version: int | None,
    user: User | None = None,
) -> Expense:
    expense = Expense.objects.select_for_update().get(pk=expense.pk)
    _check_version(expense, lock_version)
    if paid_on is None:
        raise ValidationError({"paid_on": _("Fill in the date it was paid.")})
    _not_future(paid_on, "paid_on", _("The payment date cannot be in the future."))
    expense.paid_on = paid_on
    _bump(expense, ["paid_on"])
    return expense


# --- advice requests ----------------------------------------------------------------------------


@transaction.atomic
def advice_request_create(
    *,
    board: SoundingBoard,
    title: str,
    question: str,
    deadline: datetime.date,
    asked_on: datetime.date | None = None,
    asked_by: User | None = None,
) -> AdviceRequest:
    title, question = (title or "").strip(), (question or "").strip()
    asked_on = asked_on or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if not title:
        errors["title"] = [_("Fill in a short title for the question.")]
    if not question:
        errors["question"] = [_("Write down the question for the parents.")]
    if deadline is None:
        errors["deadline"] = [_("Fill in by when the coalition wants the advice.")]
    elif deadline < asked_on:
        errors["deadline"] = [_("The deadline cannot be before the day the question is asked.")]
    if errors:
        raise ValidationError(errors)
    return AdviceRequest.objects.create(
        board=board,
        title=title,
        question=question,
        asked_on=asked_on,
        deadline=deadline,
        asked_by=asked_by,
    )


@transaction.atomic
def advice_record(
    *,
    request: AdviceRequest,
    advice: str,
    given_on: datetime.date,
    lock_version: int | None,
    recorded_by: User | None = None,
) -> AdviceRequest:
    """The parents' advice, as the board gave it. It can be corrected until the coalition has
    answered; after that the answer refers to it, so it stays."""
    request = AdviceRequest.objects.select_for_update().get(pk=request.pk)
    _check_version(request, lock_version)
    if request.outcome:
        raise ValidationError(
            _("The coalition has answered this advice already; the advice cannot change now.")
        )
    advice = (advice or "").strip()
    errors: dict[str, list[str]] = {}
    if not advice:
        errors["advice"] = [_("Write down the parents' advice.")]
    if given_on is None:
        errors["given_on"] = [_("Fill in the date the parents gave their advice.")]
    elif given_on > timezone.localdate():
        errors["given_on"] = [_("The date of the advice cannot be in the future.")]
    elif given_on < request.asked_on:
        errors["given_on"] = [_("The advice cannot be given before the question was asked.")]
    if errors:
        raise ValidationError(errors)
    request.advice = advice
    request.advice_given_on = given_on
    _bump(request, ["advice", "advice_given_on"])
    return request


@transaction.atomic
def advice_answer(
    *,
    request: AdviceRequest,
    outcome: str,
    answer: str,
    lock_version: int | None,
    answered_on: datetime.date | None = None,
    action_line_reference: str = "",
    activity: Any = None,
    answered_by: User | None = None,
) -> AdviceRequest:
    """The coalition's written answer: adopted, partly or not, and always why. It is published
    on the coalition's "you said, we did" page."""
    request = AdviceRequest.objects.select_for_update().get(pk=request.pk)
    _check_version(request, lock_version)
    if request.advice_given_on is None:
        raise ValidationError(
            _("Record the parents' advice first; then the coalition can answer it.")
        )
    answer = (answer or "").strip()
    answered_on = answered_on or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if outcome not in AdviceOutcome.values:
        errors["outcome"] = [_("Choose what the coalition did with the advice.")]
    if not answer:
        errors["answer"] = [
            _("Explain what the coalition did with the advice and why. Parents read this.")
        ]
    if answered_on > timezone.localdate():
        errors["answered_on"] = [_("The date of the answer cannot be in the future.")]
    elif answered_on < request.advice_given_on:
        errors["answered_on"] = [_("The answer cannot be given before the advice.")]
    if activity is not None and activity not in programme_selectors.coalition_activities(
        coalition=request.board.coalition
    ):
        errors["activity"] = [_("Choose an activity of this coalition's action programme.")]
    if errors:
        raise ValidationError(errors)
    request.outcome = outcome
    request.answer = answer
    request.answered_on = answered_on
    request.answered_by = answered_by
    request.action_line_reference = (action_line_reference or "").strip()
    request.activity = activity
    _bump(
        request,
        ["outcome", "answer", "answered_on", "answered_by", "action_line_reference", "activity"],
    )
    return request
