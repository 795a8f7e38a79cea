"""Setting up a consultation: its members and meetings (management site, demo, chair)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kansrijk.casework import selectors
from kansrijk.casework.constants import (
    MeetingKind,
    MemberRole,
)
from kansrijk.casework.models import (
    Consultation,
    ConsultationMember,
    Meeting,
)

if TYPE_CHECKING:
    from kansrijk.accounts.models import User


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
