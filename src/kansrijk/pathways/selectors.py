"""Reads of care pathways: lists, access-checked lookups, comparing versions and walking.

Walking stores nothing: the answers travel with the request and are gone after the response.
"""

from __future__ import annotations

import difflib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from kansrijk.agreements import selectors as agreement_selectors
from kansrijk.agreements.constants import SubjectKind
from kansrijk.directory import selectors as directory_selectors
from kansrijk.pathways import access, tables, walking
from kansrijk.pathways.constants import (
    StepKind,
    VersionStatus,
)
from kansrijk.pathways.models import Pathway, PathwayVersion, PathwayVersionEdit
from kansrijk.pathways.validation import step_order, steps_by_id
from kansrijk.regions import selectors as region_selectors

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.regions.models import Municipality, Neighbourhood

# Re-exported: other apps and the services ask these of a pathway.
required_partners = access.required_partners
scope_coalitions = access.scope_coalitions


# --- lists and lookups ---------------------------------------------------------------------


def pathway_list() -> QuerySet[Pathway]:
    return Pathway.objects.select_related("coalition", "municipality", "ggd_region").order_by(
        "title", "pk"
    )


def pathway_get_by_slug(*, slug: str) -> Pathway | None:
    return Pathway.objects.filter(slug=slug).first()


def covering(*, municipality: Municipality) -> Q:
    """Pathways whose area covers the municipality."""
    return (
        Q(municipality=municipality.pk)
        | Q(ggd_region=municipality.ggd_region_id)
        | Q(coalition__municipalities=municipality.pk)
    )


def approved_versions(
    *, theme: str | None = None, municipality_code: str | None = None
) -> QuerySet[PathwayVersion]:
    """The versions in use now, by pathway title; optionally of one theme, or only those
    whose area covers the municipality (none for an unknown one)."""
    versions = PathwayVersion.objects.filter(status=VersionStatus.APPROVED).select_related(
        "pathway__coalition", "pathway__municipality", "pathway__ggd_region"
    )
    if theme:
        versions = versions.filter(pathway__theme=theme)
    if municipality_code:
        municipality = region_selectors.municipality_get(code=municipality_code)
        if municipality is None:
            return versions.none()
        pathways = Pathway.objects.filter(covering(municipality=municipality)).values("pk")
        versions = versions.filter(pathway__in=pathways)
    return versions.order_by("pathway__title", "pathway__pk")


def pathways_for_municipality(*, code: str, theme: str | None = None) -> list[PathwayVersion]:
    """The approved versions of the pathways that serve this municipality."""
    return list(approved_versions(theme=theme, municipality_code=code))


def _as_uuid(value: Any) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError as exc:
        raise Http404 from exc


def pathway_get_for_user(user: User, pathway_id: uuid.UUID | str) -> Pathway:
    """The pathway when this user may see it; Http404 otherwise (also when it does not exist,
    so its existence does not leak)."""
    pathway = (
        access.pathways_visible_to(user=user)
        .select_related("coalition", "municipality", "ggd_region")
        .filter(uuid=_as_uuid(pathway_id))
        .first()
    )
    if pathway is None:
        raise Http404
    return pathway


def version_get_for_user(user: User, pathway: Pathway, number: int) -> PathwayVersion:
    version = (
        PathwayVersion.objects.select_related("pathway", "created_by")
        .filter(pathway=pathway, number=number)
        .first()
    )
    if version is None or not access.version_visible(user, version):
        raise Http404
    version.pathway = pathway
    return version


def version_current(*, pathway: Pathway) -> PathwayVersion | None:
    """The approved version: the one used in practice."""
    return pathway.versions.filter(status=VersionStatus.APPROVED).first()


def version_latest(*, pathway: Pathway) -> PathwayVersion | None:
    return pathway.versions.order_by("-number").first()


def version_open(*, pathway: Pathway) -> PathwayVersion | None:
    """The version being worked on (draft or in review), if any."""
    return pathway.versions.filter(
        status__in=[VersionStatus.DRAFT, VersionStatus.IN_REVIEW]
    ).first()


def version_list_for_user(user: User, pathway: Pathway) -> list[PathwayVersion]:
    """The versions this user may see, newest first."""
    versions = pathway.versions.select_related("created_by").order_by("-number")
    if not access.user_sees_unapproved(user, pathway):
        versions = versions.filter(approved_at__isnull=False)
    return list(versions)


def version_approvals(*, version: PathwayVersion) -> list[Any]:
    """The partner approvals of the version (kansrijk.agreements' shared record)."""
    return agreement_selectors.approvals_for(
        subject_kind=SubjectKind.PATHWAY_VERSION, subject_id=version.uuid
    )


def version_edits(*, version: PathwayVersion) -> list[PathwayVersionEdit]:
    return list(version.edits.order_by("-edited_at", "-pk"))


# Which partners have agreed to a version and which not yet (approvals, waiting_for,
# complete, and "signed of total"): the same summary as the coalition's agreements.
ApprovalState = agreement_selectors.ApprovalSummary


def approval_state(*, version: PathwayVersion) -> ApprovalState:
    return agreement_selectors.approval_summary(
        subject_kind=SubjectKind.PATHWAY_VERSION,
        subject_id=version.uuid,
        partners=required_partners(pathway=version.pathway),
    )


def scope_municipalities(*, pathway: Pathway) -> QuerySet[Municipality]:
    """The municipalities a pathway serves, by name."""
    municipalities = region_selectors.municipality_list()
    if pathway.municipality_id:
        return municipalities.filter(pk=pathway.municipality_id)
    if pathway.ggd_region_id:
        return municipalities.filter(ggd_region=pathway.ggd_region_id).order_by("name")
    return municipalities.filter(coalitions=pathway.coalition_id).order_by("name")


def scope_neighbourhood(*, municipality: Municipality, code: str | None) -> Neighbourhood | None:
    if not code:
        return None
    return (
        region_selectors.neighbourhood_list(municipality=municipality)
        .filter(code=code.strip().upper())
        .first()
    )


def decision_table_export(*, version: PathwayVersion, table_key: str) -> str | None:
    """The DMN XML of one decision table of the version, or None when it has no such table."""
    source = (version.definition.get("tables") or {}).get(table_key)
    return source if isinstance(source, str) else None


def theme_choices() -> list[tuple[str, str]]:
    """(code, name) of the sociale kaart's themes, in the taxonomy's order."""
    return directory_selectors.search_options(municipality_code=None).themes


def theme_name(code: str) -> str:
    return dict(theme_choices()).get(code, code)


# --- comparing versions --------------------------------------------------------------------


def definition_text(definition: Mapping[str, Any]) -> list[str]:
    """The definition as plain lines, the same for the same content: steps from the start on,
    then each decision table with its rules. Used to compare versions."""
    lines = [_("Start: %(step)s") % {"step": definition.get("start", "")}]
    steps = steps_by_id(definition)
    order = step_order(definition)
    order += [s for s in steps if s not in order]
    for step_id in order:
        lines.extend(_step_lines(steps[step_id]))
    for key, source in sorted((definition.get("tables") or {}).items()):
        lines.extend(_table_lines(key, source))
    return lines


def _next_text(nxt: Any) -> str:
    if isinstance(nxt, Mapping):
        return "; ".join(f"{key} → {target}" for key, target in nxt.items())
    return str(nxt or "—")


def _step_lines(step: Mapping[str, Any]) -> list[str]:
    kind = step.get("kind", "")
    label = {str(k): str(v) for k, v in StepKind.choices}.get(kind, kind)
    lines = [_("Step %(step)s (%(kind)s)") % {"step": step.get("id"), "kind": label}]

    def add(name: str, value: Any) -> None:
        if value not in (None, "", [], {}):
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            lines.append(f"    {name}: {value}")

    if kind == StepKind.QUESTION:
        add(_("Question"), step.get("text"))
        add(_("Explanation"), step.get("help"))
        add(_("Variable"), f"{step.get('variable', '')} ({step.get('answer_type', '')})")
        for option in step.get("options") or []:
            if isinstance(option, Mapping):
                add(_("Option"), f"{option.get('value')} = {option.get('label')}")
        add(_("Next"), _next_text(step.get("next")))
    elif kind == StepKind.DECISION:
        add(_("Decision table"), step.get("table"))
        add(_("Decision"), step.get("decision"))
        add(_("Output"), step.get("output"))
        add(_("Next"), _next_text(step.get("next")))
    else:
        add(_("Action"), step.get("action"))
        add(_("Title"), step.get("title"))
        add(_("Text"), step.get("text"))
        add(_("Themes"), step.get("themes"))
        add(_("Target groups"), step.get("target_groups"))
        add(_("Phases"), step.get("phases"))
        add(_("Search words"), step.get("query"))
    return lines


def _table_lines(key: str, source: Any) -> list[str]:
    lines = [_("Decision table %(table)s") % {"table": key}]
    try:
        model = tables.table_load(source)
    except Exception:  # noqa: BLE001  (an unreadable table is compared as its text)
        return lines + [f"    {line}" for line in str(source).splitlines()]
    for name in model.decision_names:
        table = model.decision(name).table
        if table is None:
            lines.append("    " + _("Decision %(decision)s") % {"decision": name})
            continue
        policy = table.hit_policy + (f" {table.aggregation}" if table.aggregation else "")
        lines.append(
            "    "
            + _("Decision %(decision)s, hit policy %(policy)s")
            % {"decision": name, "policy": policy}
        )
        for clause in table.inputs:
            lines.append(f"    {_('Input')}: {clause.label or clause.expression}")
        for clause in table.outputs:
            values = f" ({clause.allowed_values})" if clause.allowed_values else ""
            lines.append(f"    {_('Output')}: {clause.name or clause.label}{values}")
        for rule in table.rules:
            note = f" — {rule.annotation}" if rule.annotation else ""
            lines.append(
                "    "
                + _("Rule %(number)s") % {"number": rule.index}
                + f": {' | '.join(rule.input_entries)} → {' | '.join(rule.output_entries)}{note}"
            )
    return lines


@dataclass
class DiffLine:
    kind: str  # "added", "removed", "same" or "gap" (unchanged lines left out)
    text: str


def version_compare(*, a: PathwayVersion, b: PathwayVersion, context: int = 3) -> list[DiffLine]:
    """What changed from version a to version b, line by line: added and removed lines with a
    few unchanged lines around them. Empty when the content is the same."""
    return definition_compare(old=a.definition, new=b.definition, context=context)


def definition_compare(
    *, old: Mapping[str, Any], new: Mapping[str, Any], context: int = 3
) -> list[DiffLine]:
    old, new = definition_text(old), definition_text(new)
    result: list[DiffLine] = []
    for line in list(difflib.unified_diff(old, new, n=context, lineterm=""))[2:]:
        if line.startswith("@@"):
            result.append(DiffLine(kind="gap", text="…"))
        elif line.startswith("+"):
            result.append(DiffLine(kind="added", text=line[1:]))
        elif line.startswith("-"):
            result.append(DiffLine(kind="removed", text=line[1:]))
        else:
            result.append(DiffLine(kind="same", text=line[1:]))
    return result


# --- walking (in pathways.walking) ----------------------------------------------------------

WalkEntry = walking.WalkEntry
WalkOutcome = walking.WalkOutcome
WalkResult = walking.WalkResult
walk = walking.walk
answers_before = walking.answers_before
answer_parse = walking.answer_parse
