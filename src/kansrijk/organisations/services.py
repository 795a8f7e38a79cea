"""Writes for partner organisations and Kansrijke Start coalitions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kansrijk.organisations.models import Coalition, Organisation
from kansrijk.regions.selectors import municipality_get, municipality_list

if TYPE_CHECKING:
    from kansrijk.regions.models import Municipality


@transaction.atomic
def organisation_create(
    *, name: str, domain: str, municipality: Municipality | str | None = None
) -> Organisation:
    """`municipality` is where the organisation is established: a Municipality or its CBS code."""
    if isinstance(municipality, str):
        code = municipality
        municipality = municipality_get(code=code)
        if municipality is None:
            raise ValidationError(
                _("There is no municipality with CBS code %(code)s.") % {"code": code},
                code="unknown_municipality",
            )
    organisation = Organisation(name=name, domain=domain, municipality=municipality)
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def coalition_create(
    *,
    slug: str,
    name: str,
    municipality_codes: Iterable[str],
    member_organisations: Iterable[Organisation],
) -> Coalition:
    """A coalition covers at least one municipality; every CBS code must exist."""
    codes = list(dict.fromkeys(municipality_codes))
    if not codes:
        raise ValidationError(
            _("A coalition covers at least one municipality."), code="no_municipality"
        )
    municipalities = list(municipality_list().filter(code__in=codes))
    unknown = sorted(set(codes) - {m.code for m in municipalities})
    if unknown:
        raise ValidationError(
            _("There is no municipality with CBS code %(code)s.") % {"code": ", ".join(unknown)},
            code="unknown_municipality",
        )
    coalition = Coalition(slug=slug, name=name)
    coalition.full_clean()
    coalition.save()
    coalition.municipalities.set(municipalities)
    coalition.members.set(list(member_organisations))
    return coalition


@transaction.atomic
def coalition_member_add(*, coalition: Coalition, organisation: Organisation) -> None:
    coalition.members.add(organisation)


@transaction.atomic
def coalition_member_remove(*, coalition: Coalition, organisation: Organisation) -> None:
    coalition.members.remove(organisation)
