"""Overdue referrals: claim, alert on the work lists, e-mail after commit."""

from __future__ import annotations

import datetime
import logging
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kansrijk.accounts import selectors as account_selectors
from kansrijk.accounts.constants import Role
from kansrijk.organisations import selectors as organisation_selectors
from kansrijk.referrals.constants import AUDIT_REFERRAL_ALERTED, AlertAudience, AlertKind
from kansrijk.referrals.models import Alert, Referral
from kansrijk.referrals.selectors import referrals_overdue_unalerted
from kansrijk.referrals.services._common import _audit

if TYPE_CHECKING:
    from kansrijk.accounts.models import User

logger = logging.getLogger(__name__)


# --- alerts ----------------------------------------------------------------------------------


@transaction.atomic
def alert_mark_read(*, alert_id: int, user: User) -> bool:
    """Mark one of the user's own alerts as read; False when it is not theirs or was read."""
    return bool(
        Alert.objects.filter(pk=alert_id, recipient=user, read_at=None).update(
            read_at=timezone.now()
        )
    )


def _alert_task_schedule(answer_due: datetime.date) -> None:
    """After commit, enqueue the overdue check for the first moment the referral can be late
    (the start of the day after its deadline). A worker (`kansrijk db_worker`) runs it."""
    from kansrijk.referrals.tasks import referrals_alert_overdue

    tz = timezone.get_current_timezone()
    run_after = datetime.datetime.combine(
        answer_due + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )

    def enqueue() -> None:
        try:
            referrals_alert_overdue.using(run_after=run_after).enqueue()
        except Exception:  # a lost reminder must not undo a referral; the command catches up
            logger.exception("Could not enqueue the overdue check")

    transaction.on_commit(enqueue)


def _coordinators_for(referral: Referral) -> list[User]:
    """The coordinators of the coalitions of the referring organisation (for a self-referral:
    of the receiving organisation)."""
    organisation = referral.sender_organisation or referral.receiver_organisation
    coalitions = organisation_selectors.coalitions_for_organisation(organisation=organisation)
    return list(
        account_selectors.user_list()
        .filter(
            is_active=True,
            roles__role=Role.COORDINATOR,
            organisation__coalitions__in=coalitions.values("pk"),
        )
        .distinct()
        .order_by("pk")
    )


def _alert_email(*, alert: Alert) -> tuple[str, str]:
    """Subject and text of an overdue e-mail: no client details (e-mail is not secure), only
    the service, the organisations, the date and where to look."""
    referral = alert.referral
    # Where Kansrijk runs, for links in e-mails (e.g. "https://kansrijk.example.nl").
    base = getattr(settings, "KANSRIJK_BASE_URL", "")
    if alert.audience == AlertAudience.SENDER:
        link = base + reverse("referrals:detail", args=[referral.uuid])
    else:
        link = base + reverse("referrals:overview")
    subject = _("Referral not answered in time: %(service)s") % {"service": referral.service_name}
    body = _(
        "A referral to %(service)s (%(receiver)s) was due to be answered on %(due)s and has "
        "not been accepted or rejected yet.\n\nSee: %(link)s\n\nThis e-mail contains no "
        "client details. Log in to Kansrijk to see more."
    ) % {
        "service": referral.service_name,
        "receiver": referral.receiver_organisation.name,
        "due": referral.answer_due.strftime("%d-%m-%Y"),
        "link": link,
    }
    return subject, body


def _alerts_send(alert_ids: list[int]) -> None:
    for alert in Alert.objects.filter(pk__in=alert_ids).select_related(
        "recipient", "referral__receiver_organisation"
    ):
        if not alert.recipient.email:
            continue
        with translation.override(settings.LANGUAGE_CODE):
            subject, body = _alert_email(alert=alert)
        try:
            send_mail(subject, body, None, [alert.recipient.email])
        except Exception:  # the alert is on the work list already; mail is a courtesy
            logger.exception("Could not e-mail overdue alert %s", alert.pk)


def referral_alert_overdue(*, referral_id: int, now: datetime.datetime | None = None) -> int:
    """Claim one overdue referral and alert its sender and coordinators (work list + e-mail
    after commit). Returns the number of alerts; 0 when another run claimed it first."""
    now = now or timezone.now()
    with transaction.atomic():
        claimed = Referral.objects.filter(pk=referral_id, alerted_at=None).update(alerted_at=now)
        if not claimed:
            return 0
        referral = Referral.objects.select_related(
            "client", "sender_user", "sender_organisation", "receiver_organisation"
        ).get(pk=referral_id)
        recipients: list[tuple[User, str]] = []
        if referral.sender_user and referral.sender_user.is_active:
            recipients.append((referral.sender_user, AlertAudience.SENDER))
        seen = {user.pk for user, _audience in recipients}
        for coordinator in _coordinators_for(referral):
            if coordinator.pk not in seen:
                seen.add(coordinator.pk)
                recipients.append((coordinator, AlertAudience.COORDINATOR))
        alert_ids = []
        for user, audience in recipients:
            try:
                with transaction.atomic():
                    alert = Alert.objects.create(
                        recipient=user,
                        referral=referral,
                        kind=AlertKind.OVERDUE,
                        audience=audience,
                        created_at=now,
                    )
            except IntegrityError:  # already alerted (only if alerted_at was reset by hand)
                continue
            alert_ids.append(alert.pk)
        _audit(
            action=AUDIT_REFERRAL_ALERTED,
            referral=referral,
            user=None,
            detail={"alerts": len(alert_ids), "answer_due": referral.answer_due.isoformat()},
        )
        transaction.on_commit(lambda: _alerts_send(alert_ids))
    return len(alert_ids)


def referrals_alert_overdue(*, now: datetime.datetime | None = None) -> int:
    """Alert every referral still waiting for an answer after its deadline, once. Safe to run
    in several workers at once: each referral is claimed atomically. Returns alerts made."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    total = 0
    for referral_id in list(referrals_overdue_unalerted(today=today).values_list("pk", flat=True)):
        total += referral_alert_overdue(referral_id=referral_id, now=now)
    return total


def referrals_alert_overdue_enqueue() -> None:
    """Enqueue the overdue check for the worker, after the current transaction commits."""
    from kansrijk.referrals.tasks import referrals_alert_overdue as task

    transaction.on_commit(task.enqueue)
