"""What the pathway pages share: the lookups that 404 and the context of a version page."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.selectors import forbidden_response
from kansrijk.pathways import access, selectors, tables
from kansrijk.pathways.constants import ScopeKind, VersionStatus
from kansrijk.pathways.flowchart import flowchart_svg, flowchart_text
from kansrijk.pathways.models import Pathway, PathwayVersion

__all__ = ["forbidden_response", "pathway_and_version", "version_context", "scope_label"]


HIT_POLICY_HELP = {
    "UNIQUE": _("At most one rule applies."),
    "ANY": _("Several rules may apply; they all give the same outcome."),
    "PRIORITY": _(
        "Of the rules that apply, the outcome that comes first in the list of values counts."
    ),
    "FIRST": _("The first rule from the top that applies gives the outcome."),
    "RULE ORDER": _("Every rule that applies gives an outcome, in the order of the rules."),
    "OUTPUT ORDER": _("Every rule that applies gives an outcome, ordered by the list of values."),
    "COLLECT": _("Every rule that applies gives an outcome."),
}
AGGREGATION_HELP = {
    "SUM": _("The outcomes are added up."),
    "MIN": _("The lowest outcome counts."),
    "MAX": _("The highest outcome counts."),
    "COUNT": _("The number of outcomes counts."),
}


def table_views(definition: dict) -> list[tables.TableView]:
    views = tables.table_views(definition)
    for view in views:
        if view.table is not None:
            parts = [HIT_POLICY_HELP.get(view.table.hit_policy, "")]
            if view.table.aggregation:
                parts.append(AGGREGATION_HELP.get(view.table.aggregation, ""))
            view.help = " ".join(str(p) for p in parts if p)
    return views


def pathway_and_version(
    request: HttpRequest, pathway_id: Any, number: int
) -> tuple[Pathway, PathwayVersion]:
    pathway = selectors.pathway_get_for_user(request.user, pathway_id)
    return pathway, selectors.version_get_for_user(request.user, pathway, number)


def current_or_404(pathway: Pathway) -> PathwayVersion:
    version = selectors.version_current(pathway=pathway)
    if version is None:
        raise Http404
    return version


def scope_label(pathway: Pathway) -> dict[str, str]:
    kinds = dict(ScopeKind.choices)
    return {"kind": str(kinds[pathway.scope_kind]), "name": str(pathway.scope)}


def version_context(request: HttpRequest, pathway: Pathway, version: PathwayVersion) -> dict:
    """Everything a version page shows: flowchart, text alternative, decision tables,
    approvals, and what the user may do with it."""
    user = request.user
    can_edit = access.user_can_edit(user, pathway)
    can_approve = access.user_can_approve(user, pathway)
    state = selectors.approval_state(version=version)
    agreed = any(a.organisation_id == user.organisation_id for a in state.approvals)
    current = selectors.version_current(pathway=pathway)
    return {
        "pathway": pathway,
        "version": version,
        "scope": scope_label(pathway),
        "theme_name": selectors.theme_name(pathway.theme),
        "current": current,
        "is_current": current is not None and current.pk == version.pk,
        "flowchart_svg": flowchart_svg(
            version.definition, title=f"{pathway.title} ({version.number})"
        ),
        "flow_steps": flowchart_text(version.definition),
        "tables": table_views(version.definition),
        "approvals": state.approvals,
        "approval_summary": state,
        "waiting_for": state.waiting_for if version.status == VersionStatus.IN_REVIEW else [],
        "edits": selectors.version_edits(version=version) if can_edit else [],
        "can_edit": can_edit,
        "can_edit_draft": can_edit and version.status == VersionStatus.DRAFT,
        "can_submit": can_edit and version.status == VersionStatus.DRAFT,
        "can_retire": can_edit and version.status != VersionStatus.RETIRED,
        "can_approve": (can_approve and version.status == VersionStatus.IN_REVIEW and not agreed),
        "has_agreed": agreed,
        "can_test_walk": access.user_sees_unapproved(user, pathway),
        "open_version": selectors.version_open(pathway=pathway) if can_edit else None,
        "statuses": VersionStatus,
    }
