"""Reads of action programmes, for this app's pages and the monitoring dashboard.

Who sees a programme: a coordinator or policy adviser whose organisation is a member of the
programme's coalition, and an administrator. Who changes it: a coordinator of a member
organisation (and an administrator); a policy adviser only reads. Lookups filter on access, so
a programme of another coalition is simply not found (404: whether it exists does not leak).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.actionprogrammes.constants import FINISHED_STATUSES, ActivityStatus
from kansrijk.actionprogrammes.models import (
    ActionLine,
    ActionProgramme,
    Activity,
    ActivityReview,
    Target,
)
from kansrijk.organisations import selectors as organisation_selectors

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from kansrijk.accounts.models import User
    from kansrijk.indicators.models import Indicator
    from kansrijk.organisations.models import Coalition, Organisation


@dataclass
class LineProgress:
    """One action line's progress: its activities, how many per status, the share done (a
    whole percentage, rounded down: 100 only when all are done), the activities past their end
    date and not finished, and the codes of the indicators its activities and targets are
    linked to."""

    line: ActionLine
    activities: list[Activity]
    by_status: dict[str, int]
    done_share: int
    overdue: list[Activity] = field(default_factory=list)
    indicator_codes: list[str] = field(default_factory=list)
    # The same indicators as objects (for their names), in the same order.
    indicators: list[Indicator] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.activities)

    @property
    def done(self) -> int:
        return self.by_status.get(ActivityStatus.DONE, 0)

    @property
    def status_counts(self) -> list[tuple[str, str, int]]:
        """(status, its label, how many) for every status, in the order of the choices."""
        return [
            (value, label, self.by_status.get(value, 0)) for value, label in ActivityStatus.choices
        ]


def _is_admin(user: User | AnonymousUser) -> bool:
    return bool(user.is_superuser or user.has_role(Role.ADMIN))


def _active(user: User | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_active)


def user_may_read_programmes(*, user: User | AnonymousUser) -> bool:
    """Whether the user's role lets them see action programmes at all (403 otherwise)."""
    if not _active(user):
        return False
    return _is_admin(user) or (
        bool(user.organisation_id) and user.has_role(Role.COORDINATOR, Role.POLICY_ADVISER)
    )


def coalitions_for_user(*, user: User | AnonymousUser) -> QuerySet[Coalition]:
    """The coalitions whose action programme the user may see."""
    coalitions = organisation_selectors.coalition_list()
    if not user_may_read_programmes(user=user):
        return coalitions.none()
    if _is_admin(user):
        return coalitions
    return coalitions.filter(members=user.organisation_id)


def coalitions_user_may_edit(*, user: User | AnonymousUser) -> QuerySet[Coalition]:
    """The coalitions whose action programme the user may change."""
    coalitions = organisation_selectors.coalition_list()
    if not _active(user):
        return coalitions.none()
    if _is_admin(user):
        return coalitions
    if not user.organisation_id or not user.has_role(Role.COORDINATOR):
        return coalitions.none()
    return coalitions.filter(members=user.organisation_id)


def user_may_edit(*, user: User | AnonymousUser, programme: ActionProgramme) -> bool:
    return coalitions_user_may_edit(user=user).filter(pk=programme.coalition_id).exists()


def programme_list_for_user(*, user: User | AnonymousUser) -> QuerySet[ActionProgramme]:
    return (
        ActionProgramme.objects.filter(coalition__in=coalitions_for_user(user=user))
        .select_related("coalition")
        .order_by("coalition__name", "-starts_on")
    )


def programme_get_for_user(*, user: User | AnonymousUser, uuid: object) -> ActionProgramme | None:
    try:
        return programme_list_for_user(user=user).filter(uuid=uuid).first()
    except ValidationError:  # not a UUID: nothing to find, not an error page
        return None


def programme_for_coalition(*, coalition: Coalition) -> ActionProgramme | None:
    """The coalition's current programme: the one that starts last."""
    return (
        ActionProgramme.objects.filter(coalition=coalition)
        .select_related("coalition")
        .order_by("-starts_on", "-pk")
        .first()
    )


def baseline(*, programme: ActionProgramme) -> tuple[datetime.date, datetime.date] | None:
    if programme.baseline_start is None or programme.baseline_end is None:
        return None
    return programme.baseline_start, programme.baseline_end


def lines(*, programme: ActionProgramme) -> QuerySet[ActionLine]:
    return ActionLine.objects.filter(programme=programme).order_by("number")


def line_get(*, programme: ActionProgramme, uuid: object) -> ActionLine | None:
    try:
        return lines(programme=programme).filter(uuid=uuid).first()
    except ValidationError:
        return None


def activities(*, programme: ActionProgramme) -> QuerySet[Activity]:
    return (
        Activity.objects.filter(line__programme=programme)
        .select_related("line", "owner_organisation")
        .prefetch_related("indicators")
        .order_by("line__number", "number")
    )


def coalition_activities(*, coalition: Coalition) -> QuerySet[Activity]:
    """The activities of the coalition's current programme (none without a programme): what
    other apps link to, e.g. the sounding board's answers."""
    programme = programme_for_coalition(coalition=coalition)
    if programme is None:
        return Activity.objects.none()
    return activities(programme=programme)


def activity_get(*, programme: ActionProgramme, uuid: object) -> Activity | None:
    try:
        return activities(programme=programme).filter(uuid=uuid).first()
    except ValidationError:
        return None


def activity_reviews(*, activity: Activity) -> QuerySet[ActivityReview]:
    return ActivityReview.objects.filter(activity=activity).select_related("by")


def targets(*, programme: ActionProgramme) -> list[Target]:
    """The programme's targets: first those for the whole programme, then per action line;
    within that in the catalogue's order of indicators, then by year."""
    found = list(
        Target.objects.filter(programme=programme)
        .select_related("indicator", "line")
        .order_by("indicator__order", "indicator__code", "year")
    )
    return sorted(found, key=lambda t: t.line.number if t.line else 0)


def target_get(*, programme: ActionProgramme, uuid: object) -> Target | None:
    try:
        return (
            Target.objects.filter(programme=programme, uuid=uuid)
            .select_related("indicator", "line")
            .first()
        )
    except ValidationError:
        return None


def member_organisations(*, programme: ActionProgramme) -> QuerySet[Organisation]:
    return programme.coalition.members.order_by("name")


def line_progress(
    *, programme: ActionProgramme, today: datetime.date | None = None
) -> list[LineProgress]:
    """Progress per action line, in the order of the line numbers."""
    today = today or timezone.localdate()
    line_targets: dict[int, list[Target]] = {}
    for target in Target.objects.filter(programme=programme, line__isnull=False).select_related(
        "indicator"
    ):
        line_targets.setdefault(target.line_id, []).append(target)
    found = lines(programme=programme).prefetch_related(
        Prefetch(
            "activities",
            queryset=Activity.objects.select_related("owner_organisation")
            .prefetch_related("indicators")
            .order_by("number"),
        )
    )
    result = []
    for line in found:
        line_activities = list(line.activities.all())
        for activity in line_activities:
            activity.line = line  # for activity.code without another query
        by_status = {value: 0 for value in ActivityStatus.values}
        indicators = {}
        for activity in line_activities:
            by_status[activity.status] = by_status.get(activity.status, 0) + 1
            for indicator in activity.indicators.all():
                indicators[indicator.code] = indicator
        for target in line_targets.get(line.pk, []):
            indicators[target.indicator.code] = target.indicator
        total = len(line_activities)
        done = by_status[ActivityStatus.DONE]
        ordered = sorted(indicators.values(), key=lambda i: (i.order, i.code))
        result.append(
            LineProgress(
                line=line,
                activities=line_activities,
                by_status=by_status,
                done_share=done * 100 // total if total else 0,
                overdue=[
                    activity
                    for activity in line_activities
                    if activity.ends_on is not None
                    and activity.ends_on < today
                    and activity.status not in FINISHED_STATUSES
                ],
                indicator_codes=[indicator.code for indicator in ordered],
                indicators=ordered,
            )
        )
    return result
