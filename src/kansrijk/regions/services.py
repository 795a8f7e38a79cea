"""Load and update the region hierarchy from CBS open data (see ../shared/data/README.md)."""

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from kansrijk.regions.models import (
    District,
    GGDRegion,
    Municipality,
    Neighbourhood,
    Province,
    SafetyRegion,
)


@dataclass
class RegionImportResult:
    municipalities: int = 0
    districts: int = 0
    neighbourhoods: int = 0


def default_municipalities_csv() -> Path:
    return settings.SHARED_DIR / "data" / "municipalities.csv"


def default_neighbourhoods_csv() -> Path:
    return settings.SHARED_DIR / "data" / "neighbourhoods.csv"


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def municipalities_import(*, path: Path | None = None) -> int:
    """Create or update all municipalities with their province, GGD and safety region."""
    rows = _read_csv(path or default_municipalities_csv())
    provinces = {p.name: p for p in Province.objects.all()}
    ggds = {g.code: g for g in GGDRegion.objects.all()}
    safety = {s.code: s for s in SafetyRegion.objects.all()}
    existing = {m.code: m for m in Municipality.objects.all()}
    for row in rows:
        province = provinces.get(row["provincie"])
        if province is None:
            province = provinces[row["provincie"]] = Province.objects.create(name=row["provincie"])
        ggd = ggds.get(row["ggd_code"])
        if ggd is None:
            ggd = ggds[row["ggd_code"]] = GGDRegion.objects.create(
                code=row["ggd_code"], name=row["ggd_naam"]
            )
        region = safety.get(row["vr_code"])
        if region is None:
            region = safety[row["vr_code"]] = SafetyRegion.objects.create(
                code=row["vr_code"], name=row["vr_naam"]
            )
        values = dict(name=row["gm_naam"], province=province, ggd_region=ggd, safety_region=region)
        municipality = existing.get(row["gm_code"])
        if municipality is None:
            Municipality.objects.create(code=row["gm_code"], **values)
        elif any(getattr(municipality, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(municipality, key, value)
            municipality.save()
    return len(rows)


@transaction.atomic
def neighbourhoods_import(
    *, path: Path | None = None, municipality_codes: Iterable[str] | None = None
) -> RegionImportResult:
    """Load CBS's district and neighbourhood table (code,name,type,gm_code,wk_code,inhabitants).

    Areas already entered by name without a code get their code filled; nothing is invented.
    """
    wanted = set(municipality_codes) if municipality_codes is not None else None
    rows = [
        r
        for r in _read_csv(path or default_neighbourhoods_csv())
        if wanted is None or r["gm_code"] in wanted
    ]
    municipalities = {m.code: m for m in Municipality.objects.all()}
    result = RegionImportResult()

    districts = {d.code: d for d in District.objects.exclude(code=None)}
    unnamed_districts = {(d.municipality_id, d.name): d for d in District.objects.filter(code=None)}
    new_districts = []
    for row in rows:
        if row["type"] != "wijk":
            continue
        municipality = municipalities[row["gm_code"]]
        inhabitants = int(row["inhabitants"]) if row["inhabitants"] else None
        district = districts.get(row["code"]) or unnamed_districts.get(
            (municipality.pk, row["name"])
        )
        if district is None:
            district = District(
                code=row["code"],
                name=row["name"],
                municipality=municipality,
                inhabitants=inhabitants,
            )
            new_districts.append(district)
        else:
            district.code, district.name, district.inhabitants = (
                row["code"],
                row["name"],
                inhabitants,
            )
            district.save()
        districts[row["code"]] = district
        result.districts += 1
    District.objects.bulk_create(new_districts, batch_size=1000)
    districts = {d.code: d for d in District.objects.exclude(code=None)}

    neighbourhoods = {n.code: n for n in Neighbourhood.objects.exclude(code=None)}
    unnamed = {(n.municipality_id, n.name): n for n in Neighbourhood.objects.filter(code=None)}
    new_neighbourhoods = []
    for row in rows:
        if row["type"] != "buurt":
            continue
        municipality = municipalities[row["gm_code"]]
        district = districts[row["wk_code"]]
        inhabitants = int(row["inhabitants"]) if row["inhabitants"] else None
        neighbourhood = neighbourhoods.get(row["code"]) or unnamed.get(
            (municipality.pk, row["name"])
        )
        if neighbourhood is None:
            new_neighbourhoods.append(
                Neighbourhood(
                    code=row["code"],
                    name=row["name"],
                    municipality=municipality,
                    district=district,
                    inhabitants=inhabitants,
                )
            )
        else:
            neighbourhood.code, neighbourhood.name = row["code"], row["name"]
            neighbourhood.district, neighbourhood.inhabitants = district, inhabitants
            neighbourhood.save()
        result.neighbourhoods += 1
    Neighbourhood.objects.bulk_create(new_neighbourhoods, batch_size=1000)
    result.municipalities = len({r["gm_code"] for r in rows})
    return result
