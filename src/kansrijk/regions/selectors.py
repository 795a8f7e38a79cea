"""Reads of the region hierarchy."""

from django.db.models import QuerySet, Sum

from kansrijk.regions.models import District, Municipality, Neighbourhood, PostcodeArea


def municipality_list() -> QuerySet[Municipality]:
    return Municipality.objects.select_related("province", "ggd_region", "safety_region")


def municipality_get(*, code: str) -> Municipality | None:
    return municipality_list().filter(code=_clean(code)).first()


def municipalities_in_ggd_region(*, code: str) -> QuerySet[Municipality]:
    return municipality_list().filter(ggd_region__code=_clean(code))


def district_list(*, municipality: Municipality) -> QuerySet[District]:
    return District.objects.filter(municipality=municipality)


def neighbourhood_list(
    *, municipality: Municipality, district: District | None = None
) -> QuerySet[Neighbourhood]:
    neighbourhoods = Neighbourhood.objects.filter(municipality=municipality)
    if district is not None:
        neighbourhoods = neighbourhoods.filter(district=district)
    return neighbourhoods.select_related("district")


def region_get_by_code(*, code: str) -> Municipality | District | Neighbourhood | None:
    """The municipality, district or neighbourhood with this CBS code (GM, WK or BU), or None."""
    code = _clean(code)
    if code.startswith("GM"):
        return municipality_get(code=code)
    if code.startswith("WK"):
        return District.objects.select_related("municipality").filter(code=code).first()
    if code.startswith("BU"):
        return (
            Neighbourhood.objects.select_related("municipality", "district")
            .filter(code=code)
            .first()
        )
    return None


def neighbourhoods_in(*, code: str) -> QuerySet[Neighbourhood]:
    """All neighbourhoods in the municipality (GM) or district (WK) with this CBS code; for a BU
    code the neighbourhood itself. One query, no lookup of the parent first."""
    code = _clean(code)
    neighbourhoods = Neighbourhood.objects.select_related("district")
    if code.startswith("GM"):
        return neighbourhoods.filter(municipality__code=code)
    if code.startswith("WK"):
        return neighbourhoods.filter(district__code=code)
    if code.startswith("BU"):
        return neighbourhoods.filter(code=code)
    return neighbourhoods.none()


def _clean(code: str) -> str:
    # StatLine pads its codes with spaces; Amsterdam's letters are upper case (WK0363AA).
    return code.strip().upper()


def inhabitants(*, municipality_codes: list[str] | None = None) -> int:
    """Inhabitants of the given municipalities (all when None), from the loaded neighbourhoods."""
    hoods = Neighbourhood.objects.all()
    if municipality_codes is not None:
        hoods = hoods.filter(municipality__code__in=municipality_codes)
    return hoods.aggregate(total=Sum("inhabitants"))["total"] or 0


def postcode_lookup_available() -> bool:
    """Whether CBS's postcode table has been imported (`kansrijk regions import-postcodes`)."""
    return PostcodeArea.objects.exists()


def postcode_neighbourhood(*, postcode: str) -> Neighbourhood | None:
    """The neighbourhood most addresses of a 4-digit postcode (or the first 4 digits of a
    full one) lie in; None when unknown."""
    digits = postcode.replace(" ", "")[:4]
    if not (len(digits) == 4 and digits.isdigit()):
        return None
    area = (
        PostcodeArea.objects.select_related("neighbourhood__municipality")
        .filter(postcode=digits)
        .first()
    )
    return area.neighbourhood if area is not None else None
