"""Reads of the coalition network."""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone

from kansrijk.accounts import selectors as account_selectors
from kansrijk.actions import selectors as action_selectors
from kansrijk.network import access
from kansrijk.network.constants import (
    ACTION_CONTEXT_KIND,
    FEED_PAST_DAYS,
    INVITATION_LINK_DAYS_AFTER,
    RsvpAnswer,
)
from kansrijk.network.models import Decision, Event, Invitation, PersonalFeedToken, Rsvp


def events_for_coalition(*, coalition, public_only: bool = True) -> QuerySet[Event]:
    events = Event.objects.filter(coalition=coalition).select_related("coalition")
    if public_only:
        events = events.filter(public=True)
    return events.order_by("starts_at")


def events_for_feed(*, coalition, now: datetime.datetime | None = None) -> QuerySet[Event]:
    """The public events of the feed: from FEED_PAST_DAYS ago on, cancelled ones included (the
    feed marks them cancelled so that subscribed calendars drop them)."""
    since = (now or timezone.now()) - datetime.timedelta(days=FEED_PAST_DAYS)
    return events_for_coalition(coalition=coalition).filter(ends_at__gte=since)


def upcoming(*, coalition, public_only: bool = True, now: datetime.datetime | None = None):
    """Events not yet over and not cancelled, soonest first."""
    return events_for_coalition(coalition=coalition, public_only=public_only).filter(
        ends_at__gte=now or timezone.now(), cancelled_at__isnull=True
    )


def public_event_get(*, coalition, uuid: object) -> Event | None:
    try:
        return events_for_coalition(coalition=coalition).filter(uuid=uuid).first()
    except ValidationError:  # not a UUID: nothing to find, not an error page
        return None


# --- staff: the meetings a coordinator manages ------------------------------------------------


def events_for_coordinator(user) -> QuerySet[Event]:
    """Every event (public or not) of the coalitions this user coordinates, newest first."""
    return (
        Event.objects.filter(coalition__in=access.coalitions_coordinated_by(user).values("pk"))
        .select_related("coalition")
        .order_by("-starts_at")
    )


def event_get_for_coordinator(user, uuid: object) -> Event | None:
    """The event, if this user coordinates its coalition; None (so 404) otherwise."""
    try:
        return events_for_coordinator(user).filter(uuid=uuid).first()
    except ValidationError:
        return None


def event_get(*, uuid: object) -> Event | None:
    try:
        return Event.objects.select_related("coalition").filter(uuid=uuid).first()
    except ValidationError:
        return None


def invitations_for_event(*, event: Event) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(event=event)
        .select_related("user__organisation", "attendance")
        .order_by("name", "email", "pk")
    )


def invitation_for_user(*, event: Event, user) -> Invitation | None:
    if not user.is_authenticated:
        return None
    return Invitation.objects.filter(event=event, user=user).first()


def invitation_get_by_secret(*, secret: str) -> Invitation | None:
    """The invitation behind an answer link; None for an unknown secret or an event long over."""
    if not secret or len(secret) > 64:
        return None
    invitation = (
        Invitation.objects.select_related("event__coalition", "user").filter(secret=secret).first()
    )
    if invitation is None:
        return None
    too_late = invitation.event.ends_at + datetime.timedelta(days=INVITATION_LINK_DAYS_AFTER)
    if timezone.now() > too_late:
        return None
    return invitation


def event_is_participant(*, event: Event, user) -> bool:
    """Invited, a coordinator of its coalition, or owner of an agreement made there: may see
    the meeting's decisions and agreements."""
    if not user.is_authenticated or not user.is_active:
        return False
    if Invitation.objects.filter(event=event, user=user).exists():
        return True
    if access.may_coordinate(user, event.coalition_id):
        return True
    return (
        action_selectors.action_items_for_context(
            context_kind=ACTION_CONTEXT_KIND, context_uuid=event.uuid
        )
        .filter(owner_user=user)
        .exists()
    )


def event_get_for_participant(user, uuid: object) -> Event | None:
    """An event the logged-in user may see and answer: a public one, or one they take part
    in (see event_is_participant); None otherwise, so 404."""
    event = event_get(uuid=uuid)
    if event is None or not user.is_authenticated or not user.is_active:
        return None
    if event.public or event_is_participant(event=event, user=user):
        return event
    return None


def rsvp_answer_for(*, event: Event, user) -> str:
    rsvp = Rsvp.objects.filter(event=event, user=user).first()
    return rsvp.answer if rsvp else ""


def invitation_answer(invitation: Invitation) -> str:
    """The invitee's answer: for a user, their RSVP (which they may also give in Kansrijk)."""
    if invitation.user_id:
        return invitation.answer or rsvp_answer_for(event=invitation.event, user=invitation.user)
    return invitation.answer


def decisions_for_event(*, event: Event) -> QuerySet[Decision]:
    return Decision.objects.filter(event=event).select_related("recorded_by")


def partner_users_for(*, coalition) -> QuerySet:
    """Active staff of the coalition's partner organisations: whom one may invite, or make
    the owner of an agreement."""
    return (
        account_selectors.user_list()
        .filter(is_active=True, organisation__in=coalition.members.values("pk"))
        .order_by("organisation__name", "last_name", "first_name", "username")
    )


def events_for_user(*, user, since: datetime.datetime) -> QuerySet[Event]:
    """Events the user is invited to (and did not decline) or said yes or maybe to, that end
    after `since`: what their personal feed shows."""
    invited = Invitation.objects.filter(user=user).exclude(answer=RsvpAnswer.NO)
    answered = Rsvp.objects.filter(user=user, answer__in=[RsvpAnswer.YES, RsvpAnswer.MAYBE])
    declined = Rsvp.objects.filter(user=user, answer=RsvpAnswer.NO)
    return (
        Event.objects.filter(ends_at__gte=since)
        .filter(Q(pk__in=invited.values("event_id")) | Q(pk__in=answered.values("event_id")))
        .exclude(pk__in=declined.values("event_id"))
        .select_related("coalition")
        .order_by("starts_at")
    )


# --- the personal calendar link ----------------------------------------------------------------


def feed_token_for_user(*, user) -> PersonalFeedToken | None:
    return PersonalFeedToken.objects.filter(user=user, revoked_at__isnull=True).first()


def feed_token_get(*, secret: str) -> PersonalFeedToken | None:
    """The active link with this secret, of an active user; None otherwise (so 404)."""
    if not secret or len(secret) > 64:
        return None
    return (
        PersonalFeedToken.objects.select_related("user")
        .filter(secret=secret, revoked_at__isnull=True, user__is_active=True)
        .first()
    )


def invitations_awaiting_answer(*, user, now: datetime.datetime | None = None):
    """The user's invitations to meetings still to come that they have not answered."""
    if not user.is_authenticated:
        return Invitation.objects.none()
    return (
        Invitation.objects.filter(
            user=user,
            answer="",
            event__starts_at__gte=now or timezone.now(),
            event__cancelled_at__isnull=True,
        )
        .select_related("event__coalition")
        .order_by("event__starts_at")
    )


def may_manage_meetings(user) -> bool:
    """For the menu: a coordinator in some coalition."""
    return access.coalitions_coordinated_by(user).exists()
