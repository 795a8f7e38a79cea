"""Writes of the coalition network: events, invitations, RSVPs, attendance, decisions and
the agreements made at a meeting, and the personal calendar link."""

from __future__ import annotations

import datetime
import logging
import uuid as uuid_module
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kansrijk.accounts import selectors as account_selectors
from kansrijk.actions import services as action_services
from kansrijk.network import ical
from kansrijk.network.constants import ACTION_CONTEXT_KIND, EventKind, RsvpAnswer
from kansrijk.network.models import (
    Attendance,
    Decision,
    Event,
    Invitation,
    PersonalFeedToken,
    Rsvp,
)

if TYPE_CHECKING:
    from kansrijk.accounts.models import User

logger = logging.getLogger(__name__)

EVENT_FIELDS = frozenset(
    {
        "kind",
        "title",
        "theme",
        "description",
        "starts_at",
        "ends_at",
        "place",
        "online_link",
        "public",
    }
)


class StaleEventError(Exception):
    """Someone else changed the event since the version the user saw."""

    def __init__(self) -> None:
        super().__init__(
            _("Someone else changed this event in the meantime. Reload it and try again.")
        )


def _check(*, kind: str, title: str, starts_at, ends_at) -> None:
    errors = {}
    if kind not in EventKind.values:
        errors["kind"] = _("Choose a kind of event.")
    if not title.strip():
        errors["title"] = _("Give the event a title.")
    if starts_at is None or timezone.is_naive(starts_at):
        errors["starts_at"] = _("Give a start date and time.")
    if ends_at is None or timezone.is_naive(ends_at):
        errors["ends_at"] = _("Give an end date and time.")
    elif starts_at is not None and ends_at <= starts_at:
        errors["ends_at"] = _("The end must be after the start.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def event_create(
    *,
    coalition,
    kind: str,
    title: str,
    starts_at,
    ends_at,
    created_by=None,
    theme: str = "",
    description: str = "",
    place: str = "",
    online_link: str = "",
    public: bool = False,
    uuid: uuid_module.UUID | None = None,
) -> Event:
    """Plan an event; times must be timezone-aware and the end after the start. `uuid` is
    for fixed ids (the demo); normally a new one is made."""
    _check(kind=kind, title=title, starts_at=starts_at, ends_at=ends_at)
    return Event.objects.create(
        uuid=uuid or uuid_module.uuid4(),
        coalition=coalition,
        kind=kind,
        title=title.strip(),
        theme=theme.strip(),
        description=description,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        online_link=online_link,
        public=public,
        created_by=created_by,
    )


@transaction.atomic
def event_update(*, event: Event, expected_version: int, **changes: Any) -> Event:
    """Change an event seen at `expected_version`; StaleEventError when someone else changed
    it meanwhile (one UPDATE ... WHERE lock_version = expected, so one of two edits wins)."""
    unknown = set(changes) - EVENT_FIELDS
    if unknown:
        raise TypeError(f"event_update: unknown fields {sorted(unknown)}")
    claimed = Event.objects.filter(pk=event.pk, lock_version=expected_version).update(
        lock_version=F("lock_version")
    )
    if not claimed:
        raise StaleEventError()
    fresh = Event.objects.get(pk=event.pk)
    for field, value in changes.items():
        setattr(fresh, field, value)
    _check(kind=fresh.kind, title=fresh.title, starts_at=fresh.starts_at, ends_at=fresh.ends_at)
    fresh.lock_version = expected_version + 1
    fresh.save()
    return fresh


@transaction.atomic
def event_cancel(*, event: Event, expected_version: int, notify: bool = False) -> Event:
    """Cancel an event: it stays in the feed as cancelled, so subscribed calendars drop it.
    With `notify`, every invitee gets an e-mail with a METHOD:CANCEL .ics (after commit)."""
    claimed = Event.objects.filter(
        pk=event.pk, lock_version=expected_version, cancelled_at__isnull=True
    ).update(lock_version=F("lock_version") + 1, cancelled_at=timezone.now())
    if not claimed:
        raise StaleEventError()
    if notify:
        _invitations_send_on_commit(
            list(Invitation.objects.filter(event=event).values_list("pk", flat=True))
        )
    return Event.objects.get(pk=event.pk)


def _answer_check(event: Event, answer: str) -> None:
    if answer not in RsvpAnswer.values:
        raise ValidationError({"answer": _("Answer yes, no or maybe.")})
    if event.cancelled:
        raise ValidationError(_("This event has been cancelled."))


@transaction.atomic
def rsvp_set(*, event: Event, user, answer: str) -> Rsvp:
    """A logged-in user's answer; also the answer on their invitation, if they have one."""
    _answer_check(event, answer)
    rsvp, _created = Rsvp.objects.update_or_create(
        event=event, user=user, defaults={"answer": answer}
    )
    Invitation.objects.filter(event=event, user=user).update(
        answer=answer, answered_at=timezone.now()
    )
    return rsvp


@transaction.atomic
def invitation_answer(*, invitation: Invitation, answer: str) -> Invitation:
    """An answer given through the invitation's secret link (no log-in needed)."""
    _answer_check(invitation.event, answer)
    if invitation.user_id:
        rsvp_set(event=invitation.event, user=invitation.user, answer=answer)
    else:
        Invitation.objects.filter(pk=invitation.pk).update(
            answer=answer, answered_at=timezone.now()
        )
    invitation.refresh_from_db()
    return invitation


@transaction.atomic
def attendance_record(*, event: Event, user, present: bool) -> Attendance:
    invitation = Invitation.objects.filter(event=event, user=user).first()
    attendance, _created = Attendance.objects.update_or_create(
        event=event, user=user, defaults={"present": present, "invitation": invitation}
    )
    return attendance


@transaction.atomic
def attendance_save(*, event: Event, present: Iterable[str | uuid_module.UUID]) -> int:
    """Record after the event who of the invitees was there (the others: not present).
    Returns the number present."""
    if event.starts_at > timezone.now():
        raise ValidationError(_("Attendance can be recorded once the event has started."))
    present_uuids = {str(value) for value in present}
    count = 0
    for invitation in Invitation.objects.filter(event=event):
        was_there = str(invitation.uuid) in present_uuids
        count += was_there
        if invitation.user_id:  # one row per user, also one recorded before the invitation
            Attendance.objects.update_or_create(
                event=event,
                user_id=invitation.user_id,
                defaults={"invitation": invitation, "present": was_there},
            )
        else:
            Attendance.objects.update_or_create(
                event=event, invitation=invitation, defaults={"present": was_there}
            )
    return count


# --- invitations ---------------------------------------------------------------------------


def _normalised_emails(emails: Iterable[str]) -> list[str]:
    found: list[str] = []
    wrong: list[str] = []
    for raw in emails:
        address = raw.strip().lower()
        if not address:
            continue
        try:
            validate_email(address)
        except ValidationError:
            wrong.append(raw.strip())
            continue
        if address not in found:
            found.append(address)
    if wrong:
        raise ValidationError(
            {
                "emails": _("These are not e-mail addresses: %(addresses)s")
                % {"addresses": ", ".join(wrong)}
            }
        )
    return found


@transaction.atomic
def invitations_create(
    *,
    event: Event,
    users: Iterable[User] = (),
    emails: Iterable[str] = (),
    invited_by: User | None,
    notify: bool = True,
) -> list[Invitation]:
    """Invite users of the coalition's partner organisations and people by e-mail address.
    Someone already invited is skipped. Each new invitee gets an e-mail with the .ics
    (sent by a background task after commit), unless `notify` is off (the demo)."""
    if event.cancelled:
        raise ValidationError(_("This event has been cancelled."))
    addresses = _normalised_emails(emails)
    users = list(users)
    partner_ids = set(event.coalition.members.values_list("pk", flat=True))
    for user in users:
        if not user.is_active or user.organisation_id not in partner_ids:
            raise ValidationError(
                {"users": _("Only people of the coalition's partner organisations can be chosen.")}
            )
    if not users and not addresses:
        raise ValidationError(_("Choose someone to invite, or give an e-mail address."))
    invited_user_ids = set(
        Invitation.objects.filter(event=event, user__isnull=False).values_list("user_id", flat=True)
    )
    invited_addresses = set(Invitation.objects.filter(event=event).values_list("email", flat=True))
    # An address of someone with an account (in a partner organisation) invites that account,
    # so their answer and the meeting show up in Kansrijk and in their personal feed.
    known = {
        user.email.lower(): user
        for user in account_selectors.user_list().filter(
            is_active=True, organisation__in=partner_ids, email__in=addresses
        )
    }
    for address in addresses:
        if address in known and known[address] not in users:
            users.append(known[address])
    created: list[Invitation] = []
    for user in users:
        if user.pk in invited_user_ids:
            continue
        invited_user_ids.add(user.pk)
        invited_addresses.add((user.email or "").lower())
        created.append(
            Invitation.objects.create(
                event=event,
                user=user,
                email=(user.email or "").lower(),
                name=user.get_full_name(),
                invited_by=invited_by,
            )
        )
    for address in addresses:
        if address in invited_addresses:
            continue
        invited_addresses.add(address)
        created.append(Invitation.objects.create(event=event, email=address, invited_by=invited_by))
    if notify:
        _invitations_send_on_commit([invitation.pk for invitation in created])
    return created


def _invitations_send_on_commit(invitation_ids: list[int]) -> None:
    if not invitation_ids:
        return
    from kansrijk.network.tasks import network_invitations_send

    def enqueue() -> None:
        try:
            network_invitations_send.enqueue(invitation_ids=invitation_ids)
        except Exception:  # the invitations stand; `kansrijk network send-invitations` retries
            logger.exception("Could not enqueue invitation e-mails")

    transaction.on_commit(enqueue)


def _link(path: str) -> str:
    return getattr(settings, "KANSRIJK_BASE_URL", "") + path


def _organizer_email() -> str:
    from email.utils import parseaddr

    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "noreply@kansrijk.invalid"


def invitation_email(*, invitation: Invitation) -> EmailMultiAlternatives:
    """The invitation (or cancellation) e-mail, with the event as an .ics attachment."""
    event = invitation.event
    address = invitation.user.email if invitation.user_id else invitation.email
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "event": event,
            "answer_link": _link(reverse("network:invitation_answer", args=[invitation.secret])),
        }
        if event.cancelled:
            subject = _("Cancelled: %(title)s") % {"title": event.title}
        else:
            subject = _("Invitation: %(title)s") % {"title": event.title}
        body = render_to_string("network/email/invitation.txt", context)
    content = ical.invitation_bytes(invitation=invitation, organizer_email=_organizer_email())
    method = "CANCEL" if event.cancelled else "REQUEST"
    message = EmailMultiAlternatives(subject, body, None, [address])
    # Outlook and Gmail show accept/decline buttons for the text/calendar part.
    message.attach_alternative(content.decode(), f"text/calendar; method={method}")
    message.attach("uitnodiging.ics", content, f"application/ics; method={method}")
    return message


def invitations_send(*, invitation_ids: Iterable[int]) -> int:
    """Send the invitation e-mails; returns how many went out. An invitee without an address
    is skipped; a failing mail server is logged (the invitation stands)."""
    sent = 0
    for invitation in Invitation.objects.filter(pk__in=list(invitation_ids)).select_related(
        "event__coalition", "user"
    ):
        address = invitation.user.email if invitation.user_id else invitation.email
        if not address:
            continue
        try:
            invitation_email(invitation=invitation).send()
        except Exception:
            logger.exception("Could not e-mail invitation %s", invitation.pk)
            continue
        Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())
        sent += 1
    return sent


def invitations_send_unsent(*, now: datetime.datetime | None = None) -> int:
    """Send the invitations to upcoming events whose e-mail did not go out (a lost task or a
    mail server that was down): the catch-up of `kansrijk network send-invitations`."""
    now = now or timezone.now()
    unsent = Invitation.objects.filter(
        sent_at__isnull=True, event__starts_at__gt=now, event__cancelled_at__isnull=True
    ).values_list("pk", flat=True)
    return invitations_send(invitation_ids=list(unsent))


def _reminder_email(invitation: Invitation) -> EmailMultiAlternatives:
    event = invitation.event
    address = invitation.user.email if invitation.user_id else invitation.email
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Reminder: %(title)s") % {"title": event.title}
        body = render_to_string(
            "network/email/reminder.txt",
            {
                "invitation": invitation,
                "event": event,
                "answer_link": _link(
                    reverse("network:invitation_answer", args=[invitation.secret])
                ),
            },
        )
    return EmailMultiAlternatives(subject, body, None, [address])


def meetings_remind(*, now: datetime.datetime | None = None) -> int:
    """E-mail a reminder to everyone invited to a meeting that starts tomorrow (local date)
    who did not say no; once per invitation, claimed atomically, so an extra run does no
    harm. Returns how many reminders went out."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    candidates = (
        Invitation.objects.filter(
            reminded_at__isnull=True,
            event__cancelled_at__isnull=True,
            event__starts_at__date=tomorrow,
        )
        # rsvp_set copies a user's answer onto their invitation, so this covers both ways.
        .exclude(answer=RsvpAnswer.NO)
        .select_related("event__coalition", "user")
    )
    sent = 0
    for invitation in candidates:
        address = invitation.user.email if invitation.user_id else invitation.email
        if not address or (invitation.user_id and not invitation.user.is_active):
            continue
        claimed = Invitation.objects.filter(pk=invitation.pk, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if not claimed:
            continue
        try:
            _reminder_email(invitation).send()
        except Exception:  # a reminder is a courtesy; the invitation stands
            logger.exception("Could not e-mail reminder for invitation %s", invitation.pk)
            continue
        sent += 1
    return sent


# --- decisions and agreements --------------------------------------------------------------


@transaction.atomic
def decision_create(*, event: Event, text: str, recorded_by: User) -> Decision:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write down the decision.")})
    return Decision.objects.create(event=event, text=text, recorded_by=recorded_by)


def event_action_item_create(
    *,
    event: Event,
    description: str,
    owner_user: User | None,
    due_on: datetime.date | None,
    created_by: User,
):
    """An agreement made at the meeting, in the shared agreement engine; its owner sees it on
    their work list and in their personal calendar feed."""
    return action_services.action_item_create(
        coalition=event.coalition,
        context_kind=ACTION_CONTEXT_KIND,
        context_uuid=event.uuid,
        context_label=event.title,
        description=description,
        owner_user=owner_user,
        owner_organisation=owner_user.organisation if owner_user else None,
        due_on=due_on,
        created_by=created_by,
    )


# --- the personal calendar link ------------------------------------------------------------


@transaction.atomic
def feed_token_create(*, user: User) -> PersonalFeedToken:
    """A new secret link for the user's personal feed; an earlier one stops working."""
    feed_token_revoke(user=user)
    return PersonalFeedToken.objects.create(user=user)


@transaction.atomic
def feed_token_revoke(*, user: User) -> int:
    return PersonalFeedToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def feed_token_touch(*, token: PersonalFeedToken) -> None:
    """Remember when the feed was last fetched (shown on the link page), at most hourly."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > datetime.timedelta(hours=1):
        PersonalFeedToken.objects.filter(pk=token.pk).update(last_used_at=now)
