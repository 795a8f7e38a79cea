"""Reads of the region hierarchy."""

from django.db.models import QuerySet

from kansrijk.regions.models import District, Municipality, Neighbourhood


def municipality_list() -> QuerySet[Municipality]:
    return Municipality.objects.select_related("province", "ggd_region")


def municipality_get(*, code: str) -> Municipality | None:
    return Municipality.objects.filter(code=code).first()


def district_list(*, municipality: Municipality) -> QuerySet[District]:
    return District.objects.filter(municipality=municipality)


def neighbourhood_list(*, municipality: Municipality) -> QuerySet[Neighbourhood]:
    return Neighbourhood.objects.filter(municipality=municipality).select_related("district")
