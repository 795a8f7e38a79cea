"""Which volunteers to suggest for a family, in which order, and why. Pure: no database.

`suggest_volunteers(request, volunteers, today=...)` reads plain attributes only, so it works on
model instances (the selector annotates each volunteer's `current_load`) and on simple objects
in tests. A volunteer who is not approved, has no valid certificate of conduct (VOG) on `today`,
has no free place or lives in the family's street is never suggested: she comes back with an
`excluded_reason`, after all suggested ones. The coordinator decides; this only advises.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext

from kansrijk.clients.constants import LANGUAGE_CHOICES
from kansrijk.volunteers import constants as c


@dataclass(frozen=True)
class Suggestion:
    volunteer: Any
    score: int
    reasons: list[str] = field(default_factory=list)
    excluded_reason: str = ""

    @property
    def suggested(self) -> bool:
        return not self.excluded_reason


def vog_valid_until(issued_on: datetime.date) -> datetime.date:
    """The day a VOG issued on `issued_on` stops being valid (29 February becomes 28)."""
    year = issued_on.year + c.VOG_VALID_YEARS
    try:
        return issued_on.replace(year=year)
    except ValueError:
        return issued_on.replace(year=year, day=28)


def vog_is_valid(volunteer: Any, *, today: datetime.date) -> bool:
    valid_until = getattr(volunteer, "vog_valid_until", None)
    return valid_until is not None and today < valid_until


def language_name(code: str) -> str:
    return str(dict(LANGUAGE_CHOICES).get(code, code))


def _same_street(request: Any, volunteer: Any) -> bool:
    """Both streets are keyed hashes (streets.street_key); "" means unknown, never a match."""
    key = getattr(request, "street_key", "") or ""
    return bool(key) and key == (getattr(volunteer, "street_key", "") or "")


def exclusion_reason(request: Any, volunteer: Any, *, today: datetime.date) -> str:
    """Why this volunteer may not be suggested for this family, or "" when she may."""
    if volunteer.status != c.VolunteerStatus.APPROVED:
        return gettext("Not approved as a volunteer yet.")
    if getattr(volunteer, "vog_valid_until", None) is None:
        return gettext("No certificate of conduct (VOG).")
    if not vog_is_valid(volunteer, today=today):
        return gettext("The certificate of conduct (VOG) expired on %(date)s.") % {
            "date": volunteer.vog_valid_until.strftime("%d-%m-%Y")
        }
    load = getattr(volunteer, "current_load", 0) or 0
    if load >= volunteer.max_families:
        return gettext("Already walks along with %(count)d families: no free place.") % {
            "count": load
        }
    if _same_street(request, volunteer):
        return gettext("Lives in the same street as the family.")
    return ""


def _score(request: Any, volunteer: Any) -> tuple[int, list[str]]:
    score = 0
    reasons: list[str] = []
    language = {"language": language_name(request.language)}
    if request.language in (volunteer.languages or []):
        score += c.SCORE_LANGUAGE
        reasons.append(gettext("Speaks the family's language (%(language)s).") % language)
    else:
        reasons.append(gettext("Does not speak the family's language (%(language)s).") % language)

    if request.neighbourhood_id and request.neighbourhood_id == volunteer.neighbourhood_id:
        score += c.SCORE_SAME_NEIGHBOURHOOD
        reasons.append(gettext("Lives in the same neighbourhood."))
    elif request.municipality_id == volunteer.municipality_id:
        score += c.SCORE_SAME_MUNICIPALITY
        reasons.append(gettext("Lives in the same municipality."))
    else:
        reasons.append(gettext("Lives in another municipality."))

    wanted = set(request.availability or [])
    if wanted:
        shared = len(wanted & set(volunteer.availability or []))
        score += min(shared * c.SCORE_PER_SHARED_DAY_PART, c.MAX_SCORE_AVAILABILITY)
        reasons.append(
            gettext("Available at %(shared)d of the %(wanted)d times that suit the family.")
            % {"shared": shared, "wanted": len(wanted)}
        )

    load = getattr(volunteer, "current_load", 0) or 0
    free = max(volunteer.max_families - load, 0)
    if volunteer.max_families:
        score += round(c.MAX_SCORE_FREE_PLACES * free / volunteer.max_families)
    reasons.append(
        gettext("Has %(free)d of %(max)d places free.")
        % {"free": free, "max": volunteer.max_families}
    )

    needs = set(request.needs or [])
    if needs:
        shared = len(needs & set(volunteer.support_themes or []))
        score += shared * c.SCORE_PER_SHARED_NEED
        reasons.append(
            gettext("Can support with %(shared)d of the family's %(needs)d needs.")
            % {"shared": shared, "needs": len(needs)}
        )
    return score, reasons


def suggest_volunteers(
    request: Any, volunteers: Iterable[Any], *, today: datetime.date
) -> list[Suggestion]:
    """Every volunteer, the suggested ones first (highest score first; on a tie the one with
    the lowest load, then by first name), then the excluded ones with their reason."""
    suggested: list[Suggestion] = []
    excluded: list[Suggestion] = []
    for volunteer in volunteers:
        reason = exclusion_reason(request, volunteer, today=today)
        if reason:
            excluded.append(Suggestion(volunteer=volunteer, score=0, excluded_reason=reason))
            continue
        score, reasons = _score(request, volunteer)
        suggested.append(Suggestion(volunteer=volunteer, score=score, reasons=reasons))
    suggested.sort(
        key=lambda s: (
            -s.score,
            getattr(s.volunteer, "current_load", 0) or 0,
            s.volunteer.first_name,
        )
    )
    excluded.sort(key=lambda s: s.volunteer.first_name)
    return suggested + excluded


def need_score(needs: Iterable[str]) -> int:
    """How urgently a family needs a volunteer: the sum of the weights of her needs."""
    return sum(c.NEED_WEIGHTS.get(need, c.DEFAULT_NEED_WEIGHT) for need in set(needs))
