"""Following a match: check-ins and reviews (and the reminder of missed ones), the volunteer's
contacts with their hours, and worries for the coordinator."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kansrijk.accounts import selectors as account_selectors
from kansrijk.accounts.constants import Role
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.clients.selectors import consent_covers
from kansrijk.volunteers.constants import (
    AUDIT_CHECK_IN_DONE,
    AUDIT_CONTACT_LOGGED,
    AUDIT_WORRY_HANDLED,
    MAX_CONTACT_MINUTES,
    ContactKind,
    MatchStatus,
)
from kansrijk.volunteers.models import CheckIn, ContactLog, Match
from kansrijk.volunteers.selectors import check_ins_missed

if TYPE_CHECKING:
    from kansrijk.accounts.models import User

from kansrijk.volunteers.services._common import (
    _audit,
    logger,
)


@transaction.atomic
def check_in_done(
    *,
    check_in: CheckIn,
    user: User | None,
    note: str = "",
    done_on: datetime.date | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> CheckIn:
    """The coordinator did this check-in or review. Done once: a second time is refused."""
    done_on = done_on or timezone.localdate()
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("The date is in the future.")})
    check_in = (
        CheckIn.objects.select_for_update()
        .select_related("match__request__client")
        .get(pk=check_in.pk)
    )
    if check_in.done_on is not None:
        raise ValidationError(
            _("This was already marked as done on %(date)s.")
            % {"date": check_in.done_on.strftime("%d-%m-%Y")}
        )
    check_in.done_on = done_on
    check_in.done_by = user
    check_in.note = (note or "").strip()[:2000]
    check_in.save(update_fields=["done_on", "done_by", "note"])
    _audit(
        action=AUDIT_CHECK_IN_DONE,
        user=user,
        object_type="volunteer_match",
        object_id=str(check_in.match.uuid),
        client_id=str(check_in.match.request.client.uuid),
        detail={"kind": check_in.kind, "due_on": check_in.due_on.isoformat()},
        audit_context=audit_context,
    )
    return check_in


def _coordinators_of(organisation_id: int) -> list[User]:
    return list(
        account_selectors.user_list()
        .filter(is_active=True, roles__role=Role.COORDINATOR, organisation_id=organisation_id)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def _mail_later(subject: str, body: str, addresses: list[str], *, what: str) -> None:
    def send() -> None:
        try:
            send_mail(subject, body, None, addresses)
        except Exception:  # the work list shows it anyway; mail is a courtesy
            logger.exception("Could not e-mail %s", what)

    if addresses:
        transaction.on_commit(send)


def check_ins_remind_missed(*, today: datetime.date | None = None) -> int:
    """E-mail every volunteer organisation's coordinators how many check-ins and reviews they
    missed (no client details). Returns the number of e-mails."""
    today = today or timezone.localdate()
    missed: dict[int, int] = {}
    for check_in in check_ins_missed(today=today).select_related("match__request"):
        organisation_id = check_in.match.request.organisation_id
        missed[organisation_id] = missed.get(organisation_id, 0) + 1
    base = getattr(settings, "KANSRIJK_BASE_URL", "")
    sent = 0
    for organisation_id, count in sorted(missed.items()):
        addresses = [user.email for user in _coordinators_of(organisation_id)]
        if not addresses:
            continue
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Check-ins of volunteer matches missed: %(count)d") % {"count": count}
            body = (
                _(
                    "%(count)d check-ins or reviews of volunteer matches were due and are not "
                    "done yet. They are on your work list."
                )
                % {"count": count}
                + "\n\n"
                + _("See: %(link)s") % {"link": base + reverse("referrals:work_list")}
                + "\n\n"
                + _("This e-mail contains no client details. Log in to Kansrijk to see more.")
            )
        _mail_later(subject, body, addresses, what="missed check-ins")
        sent += 1
    return sent


@transaction.atomic
def contact_log(
    *,
    match: Match,
    user: User,
    contact_on: datetime.date,
    minutes: int,
    kind: str,
    note: str = "",
    worry: bool = False,
    audit_context: Mapping[str, Any] | None = None,
) -> ContactLog:
    """The volunteer logs a contact with her family. Only her own active match, and only while
    the family's consent stands. A worry alerts the coordinators of the volunteer organisation
    (work list and e-mail), never the referrer."""
    match = (
        Match.objects.select_for_update()
        .select_related("request__client", "request__organisation", "volunteer")
        .get(pk=match.pk)
    )
    if match.volunteer.user_id != user.pk:
        raise ValidationError(_("You can only log contacts with your own families."))
    if match.status != MatchStatus.ACTIVE:
        raise ValidationError(_("You can only log contacts while the match is active."))
    if (
        consent_covers(
            match.request.client_id,
            match.request.organisation_id,
            ConsentPurpose.INFORMATION_EXCHANGE,
        )
        is None
    ):
        raise ValidationError(_("The family withdrew her consent: you cannot log contacts."))
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if contact_on > today:
        errors["contact_on"] = _("The date is in the future.")
    elif match.started_at and contact_on < timezone.localdate(match.started_at):
        errors["contact_on"] = _("The date is before the match started.")
    if not 1 <= minutes <= MAX_CONTACT_MINUTES:
        errors["minutes"] = _("Fill in how long the contact took, between 1 minute and 12 hours.")
    if kind not in ContactKind.values:
        errors["kind"] = _("Choose the kind of contact.")
    note = " ".join((note or "").split())
    if len(note) > 500:
        errors["note"] = _("Keep the note short (500 signs).")
    if errors:
        raise ValidationError(errors)
    contact = ContactLog.objects.create(
        match=match,
        contact_on=contact_on,
        minutes=minutes,
        kind=kind,
        note=note,
        worry=worry,
        logged_by=user,
    )
    _audit(
        action=AUDIT_CONTACT_LOGGED,
        user=user,
        object_type="volunteer_match",
        object_id=str(match.uuid),
        client_id=str(match.request.client.uuid),
        detail={"minutes": minutes, "kind": kind, "worry": worry},
        audit_context=audit_context,
    )
    if worry:
        base = getattr(settings, "KANSRIJK_BASE_URL", "")
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("A volunteer is worried about a family")
            body = (
                _(
                    "A volunteer of %(organisation)s logged a contact with the family %(code)s "
                    "and is worried. Please get in touch with the volunteer."
                )
                % {
                    "organisation": match.request.organisation.name,
                    "code": match.request.client.pseudonym,
                }
                + "\n\n"
                + _("See: %(link)s")
                % {"link": base + reverse("volunteers:match_detail", args=[match.uuid])}
                + "\n\n"
                + _("This e-mail contains no client details. Log in to Kansrijk to see more.")
            )
        _mail_later(
            subject,
            body,
            [u.email for u in _coordinators_of(match.request.organisation_id)],
            what="a worry",
        )
    return contact


@transaction.atomic
def worry_handle(
    *, contact: ContactLog, user: User | None, audit_context: Mapping[str, Any] | None = None
) -> ContactLog:
    """The coordinator followed up the volunteer's worry: it leaves the work list."""
    contact = (
        ContactLog.objects.select_for_update()
        .select_related("match__request__client")
        .get(pk=contact.pk)
    )
    if not contact.worry or contact.worry_handled_at is not None:
        raise ValidationError(_("This worry was already handled."))
    contact.worry_handled_at = timezone.now()
    contact.worry_handled_by = user
    contact.save(update_fields=["worry_handled_at", "worry_handled_by"])
    _audit(
        action=AUDIT_WORRY_HANDLED,
        user=user,
        object_type="volunteer_match",
        object_id=str(contact.match.uuid),
        client_id=str(contact.match.request.client.uuid),
        audit_context=audit_context,
    )
    return contact
