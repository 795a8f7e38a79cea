"""Load and update the region hierarchy from CBS open data (see ../shared/data/README.md).

The file formats and the checks of the file itself are in cbs_files.py; this module checks
what the database must already hold and writes.

Codes are never made up: a row with a malformed code is reported and the whole file is refused.
A wijk or buurt entered earlier by name only gets its code when a CBS file names it.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from kansrijk.regions.cbs_files import (
    CODE_PATTERNS,
    AreaFile,
    AreaRow,
    ImportProblem,
    MunicipalityRow,
    RegionImportError,
    area_file_read,
    cbs_area_names_read,
    hierarchy_rows_read,
    postcode_rows_read,
)
from kansrijk.regions.models import (
    District,
    GGDRegion,
    Municipality,
    Neighbourhood,
    PostcodeArea,
    Province,
    SafetyRegion,
)

__all__ = [
    "CODE_PATTERNS",
    "AreaCounts",
    "AreaImportResult",
    "HierarchyImportResult",
    "ImportProblem",
    "RegionImportError",
    "cbs_area_names_read",
    "default_municipalities_csv",
    "default_neighbourhoods_csv",
    "municipalities_import",
    "neighbourhoods_import",
    "postcodes_import",
    "regions_load",
]

BATCH_SIZE = 1000


@dataclass
class HierarchyImportResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    # Municipalities in the database but not in the file (merged away?); they are kept.
    not_in_file: list[str] = field(default_factory=list)
    provinces_renamed: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class AreaCounts:
    added: int = 0
    codes_filled: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class AreaImportResult:
    districts: AreaCounts = field(default_factory=AreaCounts)
    neighbourhoods: AreaCounts = field(default_factory=AreaCounts)
    # Areas of the file's municipalities still without a code: entered by name and not named by
    # CBS, or matching more than one CBS area (then no code is guessed).
    left_without_code: list[str] = field(default_factory=list)
    # Coded areas of the file's municipalities that the file no longer lists; they are kept.
    not_in_file: int = 0


def default_municipalities_csv() -> Path:
    return settings.SHARED_DIR / "data" / "municipalities.csv"


def default_neighbourhoods_csv() -> Path:
    return settings.SHARED_DIR / "data" / "neighbourhoods.csv"


@transaction.atomic
def regions_load(
    *, municipality_codes: Iterable[str] | None = None
) -> tuple[HierarchyImportResult, AreaImportResult]:
    """Load the shared data: all municipalities, and the areas of all or the given ones."""
    hierarchy = municipalities_import()
    if municipality_codes is not None:
        municipality_codes = set(municipality_codes)
        known = set(Municipality.objects.values_list("code", flat=True))
        if unknown := sorted(municipality_codes - known):
            raise RegionImportError(
                [
                    ImportProblem(
                        str(default_neighbourhoods_csv()),
                        0,
                        "",
                        _("Unknown municipality: %(codes)s.") % {"codes": ", ".join(unknown)},
                    )
                ]
            )
    return hierarchy, neighbourhoods_import(municipality_codes=municipality_codes)


@transaction.atomic
def municipalities_import(*, path: Path | None = None) -> HierarchyImportResult:
    """Create or update all municipalities with their province, GGD region and safety region.

    Reads municipalities.csv (the default) or CBS "Gebieden in Nederland". Municipalities missing
    from the file are kept (services and coalitions may point to them) and reported.
    """
    rows = hierarchy_rows_read(path=path or default_municipalities_csv())
    result = HierarchyImportResult()
    provinces = _provinces_for(rows, result)
    ggds = _coded_regions_for(GGDRegion, {r.ggd_code: r.ggd_name for r in rows})
    safety = _coded_regions_for(SafetyRegion, {r.vr_code: r.vr_name for r in rows})

    existing = {m.code: m for m in Municipality.objects.all()}
    new, changed = [], []
    for row in rows:
        values = {
            "name": row.name,
            "province_id": provinces[row.province_key].pk,
            "ggd_region_id": ggds[row.ggd_code].pk,
            "safety_region_id": safety[row.vr_code].pk,
        }
        municipality = existing.get(row.code)
        if municipality is None:
            new.append(Municipality(code=row.code, **values))
        elif _assign(municipality, values):
            changed.append(municipality)
        else:
            result.unchanged += 1
    Municipality.objects.bulk_create(new, batch_size=BATCH_SIZE)
    Municipality.objects.bulk_update(
        changed, ["name", "province", "ggd_region", "safety_region"], batch_size=BATCH_SIZE
    )
    result.added, result.updated = len(new), len(changed)
    in_file = {r.code for r in rows}
    result.not_in_file = sorted(code for code in existing if code not in in_file)
    return result


def _provinces_for(rows: list[MunicipalityRow], result: HierarchyImportResult) -> dict:
    """Province per key (PV code, or name when the file has no code).

    A province has no code in the database, so a renamed province (CBS: Friesland -> Fryslân)
    is recognised by its municipalities: all of them move to one new name that does not exist yet.
    """
    by_name = {p.name: p for p in Province.objects.all()}
    current = dict(Municipality.objects.values_list("code", "province_id"))
    by_id = {p.pk: p for p in by_name.values()}
    names_in_file = {r.province_name for r in rows}
    provinces = {}
    for key in dict.fromkeys(r.province_key for r in rows):
        group = [r for r in rows if r.province_key == key]
        name = group[0].province_name
        province = by_name.get(name)
        if province is None:
            old_ids = {current[r.code] for r in group if r.code in current}
            old = by_id[old_ids.pop()] if len(old_ids) == 1 else None
            if old is not None and old.name not in names_in_file:
                result.provinces_renamed.append((old.name, name))
                del by_name[old.name]
                old.name = name
                old.save(update_fields=["name"])
                province = old
            else:
                province = Province.objects.create(name=name)
            by_name[name] = province
        provinces[key] = province
    return provinces


def _coded_regions_for(model, names: dict[str, str]) -> dict:
    regions = {r.code: r for r in model.objects.filter(code__in=names)}
    for code, name in names.items():
        region = regions.get(code)
        if region is None:
            regions[code] = model.objects.create(code=code, name=name)
        elif region.name != name:
            region.name = name
            region.save(update_fields=["name"])
    return regions


def _assign(instance, values: dict) -> bool:
    """Set the values that differ; True when anything changed (so only changed rows are saved)."""
    changed = False
    for key, value in values.items():
        if getattr(instance, key) != value:
            setattr(instance, key, value)
            changed = True
    return changed


# --- districts and neighbourhoods ----------------------------------------------------------


def _area_problems(area_file: AreaFile) -> Iterator[ImportProblem]:
    """What the database must already hold: the municipality, the wijk of a buurt, and a name
    for every area that is new."""
    rows = area_file.rows
    municipalities = set(Municipality.objects.values_list("code", flat=True))
    gm_codes = {r.gm_code for r in rows}
    known_districts = set(
        District.objects.filter(municipality__code__in=gm_codes)
        .exclude(code=None)
        .values_list("code", flat=True)
    )
    known_neighbourhoods = set(
        Neighbourhood.objects.filter(municipality__code__in=gm_codes)
        .exclude(code=None)
        .values_list("code", flat=True)
    )
    districts_known_or_in_file = known_districts | {r.code for r in rows if r.kind == "WK"}
    first_line: dict[str, int] = {}
    code_header = area_file.code_header
    for row in rows:

        def problem(message: str, header: str = code_header, row: AreaRow = row) -> ImportProblem:
            return ImportProblem(area_file.name, row.line, header, message)

        if row.code in first_line:
            yield problem(
                _("Code %(code)s appears twice in the file (also on line %(line)d).")
                % {"code": row.code, "line": first_line[row.code]}
            )
            continue
        first_line[row.code] = row.line
        if row.gm_code not in municipalities:
            yield problem(
                _(
                    "Municipality %(code)s is not known. Import the CBS table 'Gebieden in "
                    "Nederland' first."
                )
                % {"code": row.gm_code}
            )
        elif row.kind == "BU" and row.wk_code not in districts_known_or_in_file:
            yield problem(
                _("District %(code)s of this neighbourhood is not in the file and not known.")
                % {"code": row.wk_code}
            )
        known = known_districts if row.kind == "WK" else known_neighbourhoods
        if row.name is None and row.code not in known:
            yield problem(
                _(
                    "The name of this new area is missing. Add a column with names, or give "
                    "the CBS file with names (--names)."
                ),
                area_file.name_header if area_file.name_header is not None else code_header,
            )


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


@transaction.atomic
def neighbourhoods_import(
    *,
    path: Path | None = None,
    municipality_codes: Iterable[str] | None = None,
    names: Mapping[str, str] | None = None,
) -> AreaImportResult:
    """Load CBS's district and neighbourhood table: neighbourhoods.csv (the default) or a CSV of
    StatLine "Kerncijfers wijken en buurten"; all municipalities or only the given ones.

    Areas already entered by name without a code get their code filled; new areas are added;
    names and inhabitants are updated. Only changed rows are written, so a second run is quick.
    Raises RegionImportError, importing nothing, when any row is wrong.
    """
    wanted = set(municipality_codes) if municipality_codes is not None else None
    area_file = area_file_read(
        path=path or default_neighbourhoods_csv(), wanted=wanted, names=names or {}
    )
    # Problems of single rows and those found in the database, together, in file order.
    if problems := [*area_file.problems, *_area_problems(area_file)]:
        raise RegionImportError(sorted(problems, key=lambda p: p.line))
    rows = area_file.rows
    result = AreaImportResult()
    municipality_ids = dict(
        Municipality.objects.filter(code__in={r.gm_code for r in rows}).values_list("code", "id")
    )
    in_file = {r.code for r in rows}

    districts = _areas_apply(
        District,
        [r for r in rows if r.kind == "WK"],
        municipality_ids,
        result.districts,
        result.left_without_code,
        lambda row: {},
    )
    neighbourhoods = _areas_apply(
        Neighbourhood,
        [r for r in rows if r.kind == "BU"],
        municipality_ids,
        result.neighbourhoods,
        result.left_without_code,
        lambda row: {"district_id": districts[row.wk_code]},
    )
    result.not_in_file = sum(1 for code in (*districts, *neighbourhoods) if code not in in_file)
    return result


def _areas_apply(
    model: type[District] | type[Neighbourhood],
    rows: list[AreaRow],
    municipality_ids: dict[str, int],
    counts: AreaCounts,
    left_without_code: list[str],
    extra_values,
) -> dict[str, int]:
    """Write one level (wijken or buurten); return {code: pk} of that level's coded areas."""
    objects = model.objects.filter(municipality_id__in=municipality_ids.values())
    coded, by_name = {}, defaultdict(list)
    for area in objects.order_by("pk"):
        if area.code is None:
            by_name[(area.municipality_id, _name_key(area.name))].append(area)
        else:
            coded[area.code] = area
    names_in_file = Counter((r.gm_code, _name_key(r.name)) for r in rows if r.name)

    new, changed = [], []
    for row in rows:
        municipality_id = municipality_ids[row.gm_code]
        values = {"inhabitants": row.inhabitants, **extra_values(row)}
        if row.name is not None:
            values["name"] = row.name
        area = coded.get(row.code)
        if area is None and row.name is not None:
            area = _by_name_match(by_name, municipality_id, row, values, names_in_file)
            if area is not None:
                area.code = row.code
                counts.codes_filled += 1
                _assign(area, values)
                changed.append(area)
                coded[row.code] = area
                continue
        if area is None:
            area = model(code=row.code, municipality_id=municipality_id, **values)
            new.append(area)
            coded[row.code] = area
        elif _assign(area, values):
            counts.updated += 1
            changed.append(area)
        else:
            counts.unchanged += 1
    for leftover in by_name.values():
        left_without_code.extend(str(a) for a in leftover if a.code is None)
    model.objects.bulk_create(new, batch_size=BATCH_SIZE)
    fields = ["code", "name", "inhabitants", *(["district"] if model is Neighbourhood else [])]
    model.objects.bulk_update(changed, fields, batch_size=BATCH_SIZE)
    counts.added = len(new)
    if new and any(a.pk is None for a in new):  # databases that return no ids from bulk inserts
        return dict(objects.exclude(code=None).values_list("code", "pk"))
    return {code: area.pk for code, area in coded.items()}


def _by_name_match(by_name, municipality_id, row, values, names_in_file):
    """The one area entered by name that this CBS row is, or None. When the name is not
    unique (a buurt name can repeat within a municipality) a buurt entered under the same wijk
    decides; otherwise the area stays without a code rather than getting a guessed one."""
    candidates = by_name.get((municipality_id, _name_key(row.name)))
    if not candidates:
        return None
    district_id = values.get("district_id")
    same_district = [c for c in candidates if district_id and c.district_id == district_id]
    if len(same_district) == 1:
        match = same_district[0]
    elif len(candidates) == 1 and names_in_file[(row.gm_code, _name_key(row.name))] == 1:
        match = candidates[0]
    else:
        return None
    candidates.remove(match)
    return match


@dataclass
class PostcodeImportResult:
    postcodes: int = 0
    not_loaded: int = 0  # postcodes whose neighbourhoods are not in the database (yet)


@transaction.atomic
def postcodes_import(*, path: Path) -> PostcodeImportResult:
    """Replace the postcode table: per 4-digit postcode the neighbourhood with most of its
    addresses, and that share. Refused whole on a malformed row (RegionImportError)."""
    rows = postcode_rows_read(path=path)
    counts: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        counts[row.postcode][row.neighbourhood_code] += 1
    known = dict(Neighbourhood.objects.filter(code__isnull=False).values_list("code", "pk"))
    result = PostcodeImportResult()
    areas = []
    for postcode, per_code in sorted(counts.items()):
        code, count = per_code.most_common(1)[0]
        if code not in known:
            result.not_loaded += 1
            continue
        share = round(100 * count / sum(per_code.values()))
        areas.append(PostcodeArea(postcode=postcode, neighbourhood_id=known[code], share=share))
    PostcodeArea.objects.all().delete()
    PostcodeArea.objects.bulk_create(areas, batch_size=BATCH_SIZE)
    result.postcodes = len(areas)
    return result
