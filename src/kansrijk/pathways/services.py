"""Writes to care pathways: create, edit drafts (optimistically locked), submit, approve per
partner organisation, retire, and import decision tables.

A version moves draft -> in review -> approved -> retired (or is retired before approval, to
abandon it). Every saved edit of a draft is kept as a PathwayVersionEdit row; every step is in
the audit log. Nothing invalid is stored: a definition is checked before every save.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.agreements import selectors as agreement_selectors
from kansrijk.agreements import services as agreement_services
from kansrijk.agreements.constants import SubjectKind
from kansrijk.audit.services import audit_record
from kansrijk.pathways import access, tables
from kansrijk.pathways.constants import (
    AUDIT_PATHWAY_CREATED,
    AUDIT_PATHWAY_UPDATED,
    AUDIT_VERSION_APPROVAL,
    AUDIT_VERSION_APPROVED,
    AUDIT_VERSION_CREATED,
    AUDIT_VERSION_RETIRED,
    AUDIT_VERSION_SUBMITTED,
    AUDIT_VERSION_UPDATED,
    OPEN_STATUSES,
    ActionKind,
    StepKind,
    VersionStatus,
)
from kansrijk.pathways.models import Pathway, PathwayVersion, PathwayVersionEdit
from kansrijk.pathways.validation import definition_validate, known_codes
from kansrijk.rules import dmn

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Coalition
    from kansrijk.regions.models import GGDRegion, Municipality


class PathwayConflictError(Exception):
    """The version (or pathway) changed since the editor loaded it; saving would overwrite it."""

    def __init__(self, *, expected: int, current: int | None):
        self.expected = expected
        self.current = current
        super().__init__(
            _(
                "Someone else changed this pathway while you were editing it. Your changes have "
                "not been saved yet. Check the current version and save again."
            )
        )


def starter_definition(*, title: str) -> dict[str, Any]:
    """The content of a new pathway: one action (regular care), valid and ready to extend."""
    return {
        "start": "regular-care",
        "steps": [
            {
                "id": "regular-care",
                "kind": StepKind.ACTION.value,
                "action": ActionKind.REGULAR_CARE.value,
                "title": title,
                "text": "",
            }
        ],
        "tables": {},
    }


def _actor_name(user: User | None) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.email or user.get_username()


def _audit(
    action: str,
    *,
    user: User | None,
    version: PathwayVersion | None = None,
    pathway: Pathway | None = None,
    **detail: Any,
) -> None:
    target = version or pathway
    audit_record(
        action=action,
        actor_id=str(user.uuid) if user else "",
        actor_organisation_id=(
            str(user.organisation.uuid) if user and user.organisation_id else ""
        ),
        object_type="pathway_version" if version else "pathway",
        object_id=str(target.uuid) if target else "",
        detail={k: v for k, v in detail.items() if v not in (None, "")},
    )


def _check_theme(theme: str) -> None:
    if theme not in known_codes().themes:
        raise ValidationError({"theme": _("Choose a theme from the list.")}, code="unknown_theme")


def _normalised(definition: Any) -> dict[str, Any]:
    """The definition as it is stored: plain JSON, checked."""
    if not isinstance(definition, Mapping):
        definition_validate(definition)  # raises with the message that says what is expected
    definition = copy.deepcopy(dict(definition))
    definition.setdefault("tables", {})
    definition_validate(definition)
    return definition


# --- pathways ------------------------------------------------------------------------------


@transaction.atomic
def pathway_create(
    *,
    user: User | None,
    slug: str,
    title: str,
    theme: str,
    description: str = "",
    coalition: Coalition | None = None,
    municipality: Municipality | None = None,
    ggd_region: GGDRegion | None = None,
    definition: Mapping[str, Any] | None = None,
    change_note: str = "",
) -> Pathway:
    """A new pathway for exactly one area (coalition, municipality or GGD region), with its
    first version as a draft (the given definition, or one step to start from)."""
    if sum(x is not None for x in (coalition, municipality, ggd_region)) != 1:
        raise ValidationError(
            _("Choose exactly one area: a coalition, a municipality or a GGD region."),
            code="scope",
        )
    _check_theme(theme)
    pathway = Pathway(
        slug=slug,
        title=title,
        description=description,
        theme=theme,
        coalition=coalition,
        municipality=municipality,
        ggd_region=ggd_region,
    )
    pathway.full_clean()
    stored = _normalised(definition if definition is not None else starter_definition(title=title))
    pathway.save()
    version = PathwayVersion.objects.create(
        pathway=pathway,
        number=1,
        status=VersionStatus.DRAFT,
        definition=stored,
        change_note=change_note,
        created_by=user,
    )
    _snapshot(version, user=user)
    _audit(AUDIT_PATHWAY_CREATED, user=user, pathway=pathway, slug=slug)
    return pathway


@transaction.atomic
def pathway_update(
    *,
    pathway: Pathway,
    expected_lock_version: int,
    user: User | None,
    title: str,
    description: str,
    theme: str,
) -> Pathway:
    """Change a pathway's title, description or theme. Its area stays: it decides who agrees.
    Refused with PathwayConflictError when someone saved in between."""
    _check_theme(theme)
    candidate = Pathway(
        pk=pathway.pk,
        uuid=pathway.uuid,
        slug=pathway.slug,
        title=title,
        description=description,
        theme=theme,
        coalition_id=pathway.coalition_id,
        municipality_id=pathway.municipality_id,
        ggd_region_id=pathway.ggd_region_id,
    )
    candidate.full_clean(validate_unique=False, validate_constraints=False)
    before = Pathway.objects.filter(pk=pathway.pk).values("title", "description", "theme").first()
    claimed = Pathway.objects.filter(pk=pathway.pk, lock_version=expected_lock_version).update(
        lock_version=F("lock_version") + 1,
        title=title,
        description=description,
        theme=theme,
        updated_at=timezone.now(),
    )
    if not claimed:
        current = Pathway.objects.filter(pk=pathway.pk).values_list("lock_version", flat=True)
        raise PathwayConflictError(expected=expected_lock_version, current=current.first())
    pathway.refresh_from_db()
    changed = {
        key: {"old": before[key], "new": getattr(pathway, key)}
        for key in ("title", "description", "theme")
        if before and before[key] != getattr(pathway, key)
    }
    _audit(AUDIT_PATHWAY_UPDATED, user=user, pathway=pathway, changes=changed)
    return pathway


# --- versions ------------------------------------------------------------------------------


def _snapshot(version: PathwayVersion, *, user: User | None) -> PathwayVersionEdit:
    return PathwayVersionEdit.objects.create(
        version=version,
        user=user,
        user_name=_actor_name(user),
        edited_at=timezone.now(),
        definition=version.definition,
        change_note=version.change_note,
        lock_version=version.lock_version,
    )


def _refuse_status(version: PathwayVersion, *allowed: str) -> None:
    if version.status not in allowed:
        raise ValidationError(
            _("This is not possible for a version that is %(status)s.")
            % {"status": version.get_status_display().lower()},
            code="status",
        )


def _claim(version: PathwayVersion, *, expected_lock_version: int | None, **changes: Any) -> None:
    """Write `changes` when the version is still at the expected lock version (any when None),
    raising the lock version; the UPDATE locks the row until commit, so of two concurrent
    writes exactly one wins and the other is told."""
    rows = PathwayVersion.objects.filter(pk=version.pk, status=version.status)
    if expected_lock_version is not None:
        rows = rows.filter(lock_version=expected_lock_version)
    claimed = rows.update(lock_version=F("lock_version") + 1, updated_at=timezone.now(), **changes)
    if not claimed:
        current = PathwayVersion.objects.filter(pk=version.pk).values_list(
            "lock_version", flat=True
        )
        raise PathwayConflictError(
            expected=expected_lock_version or version.lock_version, current=current.first()
        )
    version.refresh_from_db()


@transaction.atomic
def version_draft_create(
    *, pathway: Pathway, user: User | None, change_note: str = ""
) -> PathwayVersion:
    """A new draft with the content of the latest version. Refused while another version is a
    draft or in review: finish or retire that one first."""
    locked = Pathway.objects.select_for_update().get(pk=pathway.pk)
    if locked.versions.filter(status__in=OPEN_STATUSES).exists():
        raise ValidationError(
            _(
                "There is already a version being worked on (draft or in review). Finish or "
                "retire that version first."
            ),
            code="open_version",
        )
    latest = locked.versions.order_by("-number").first()
    definition = (
        copy.deepcopy(latest.definition) if latest else starter_definition(title=pathway.title)
    )
    try:
        with transaction.atomic():
            version = PathwayVersion.objects.create(
                pathway=locked,
                number=(latest.number + 1) if latest else 1,
                status=VersionStatus.DRAFT,
                definition=definition,
                change_note=change_note,
                created_by=user,
            )
    except IntegrityError as exc:  # someone else started one at the same moment
        raise ValidationError(
            _(
                "There is already a version being worked on (draft or in review). Finish or "
                "retire that version first."
            ),
            code="open_version",
        ) from exc
    _snapshot(version, user=user)
    _audit(AUDIT_VERSION_CREATED, user=user, version=version, number=version.number)
    return version


@transaction.atomic
def version_update(
    *,
    version: PathwayVersion,
    expected_lock_version: int,
    user: User | None,
    definition: Mapping[str, Any],
    change_note: str | None = None,
) -> PathwayVersion:
    """Save a draft's definition (and change note). Only drafts change. Refused with
    PathwayConflictError when someone saved in between (the caller keeps what was typed);
    with ValidationError (every problem, in the user's language) when it is not valid.
    Saving without a change writes nothing."""
    _refuse_status(version, VersionStatus.DRAFT)
    stored = _normalised(definition)
    note = version.change_note if change_note is None else change_note
    current = PathwayVersion.objects.filter(pk=version.pk).values("definition", "change_note")
    current = current.first()
    if current and current["definition"] == stored and current["change_note"] == note:
        # Nothing to save; still tell a stale editor.
        if not PathwayVersion.objects.filter(
            pk=version.pk, lock_version=expected_lock_version
        ).exists():
            raise PathwayConflictError(expected=expected_lock_version, current=None)
        return version
    _claim(
        version, expected_lock_version=expected_lock_version, definition=stored, change_note=note
    )
    _snapshot(version, user=user)
    _audit(AUDIT_VERSION_UPDATED, user=user, version=version, lock_version=version.lock_version)
    return version


@transaction.atomic
def version_submit(
    *, version: PathwayVersion, user: User | None, expected_lock_version: int | None = None
) -> PathwayVersion:
    """Draft -> in review: the partner organisations can now agree to it. The definition is
    checked again (the sociale kaart's codes may have changed)."""
    _refuse_status(version, VersionStatus.DRAFT)
    definition_validate(version.definition)
    if not access.required_partners(pathway=version.pathway).exists():
        raise ValidationError(
            _(
                "No partner organisation can agree to this pathway: no coalition covers its "
                "area. Ask the administrator to add the area to a coalition."
            ),
            code="no_partners",
        )
    _claim(
        version,
        expected_lock_version=expected_lock_version,
        status=VersionStatus.IN_REVIEW,
        submitted_at=timezone.now(),
    )
    _audit(AUDIT_VERSION_SUBMITTED, user=user, version=version)
    return version


@transaction.atomic
def version_approve(
    *, version: PathwayVersion, user: User, remark: str = "", position: str = ""
) -> PathwayVersion:
    """Record that the user's organisation agrees to this version (in review). When every
    required partner has agreed, the version is approved and the version approved before it
    retired."""
    # Lock the row first, so two last approvals at once cannot both miss completing it.
    locked = PathwayVersion.objects.select_for_update().select_related("pathway").get(pk=version.pk)
    _refuse_status(locked, VersionStatus.IN_REVIEW)
    required = access.required_partners(pathway=locked.pathway)
    if not user.organisation_id or not required.filter(pk=user.organisation_id).exists():
        raise ValidationError(
            _("Your organisation is not one of the partners that agree to this pathway."),
            code="not_a_partner",
        )
    if agreement_selectors.approval_exists(
        subject_kind=SubjectKind.PATHWAY_VERSION,
        subject_id=locked.uuid,
        organisation_id=user.organisation_id,
    ):
        raise ValidationError(
            _("Your organisation has already agreed to this version."), code="already_approved"
        )
    now = timezone.now()
    # The one approval record of the coalition's agreements (kansrijk.agreements), which also
    # checks the signatory role.
    agreement_services.approval_record(
        subject_kind=SubjectKind.PATHWAY_VERSION,
        subject_id=locked.uuid,
        user=user,
        partners=required,
        remark=remark,
        position=position,
        now=now,
    )
    _audit(AUDIT_VERSION_APPROVAL, user=user, version=locked, remark=remark)
    summary = agreement_selectors.approval_summary(
        subject_kind=SubjectKind.PATHWAY_VERSION, subject_id=locked.uuid, partners=required
    )
    if summary.complete:
        previous = locked.pathway.versions.filter(status=VersionStatus.APPROVED)
        for old in previous:
            PathwayVersion.objects.filter(pk=old.pk).update(
                status=VersionStatus.RETIRED,
                retired_at=now,
                lock_version=F("lock_version") + 1,
                updated_at=now,
            )
            _audit(AUDIT_VERSION_RETIRED, user=user, version=old, replaced_by=locked.number)
        _claim(
            locked,
            expected_lock_version=None,
            status=VersionStatus.APPROVED,
            approved_at=now,
        )
        _audit(AUDIT_VERSION_APPROVED, user=user, version=locked)
    version.refresh_from_db()
    return version


@transaction.atomic
def version_retire(
    *, version: PathwayVersion, user: User | None, expected_lock_version: int | None = None
) -> PathwayVersion:
    """Stop using a version: an approved one (the pathway is then no longer walked until a
    new version is approved), or a draft or version in review that is abandoned. Its content
    and approvals stay on record."""
    _refuse_status(version, VersionStatus.DRAFT, VersionStatus.IN_REVIEW, VersionStatus.APPROVED)
    _claim(
        version,
        expected_lock_version=expected_lock_version,
        status=VersionStatus.RETIRED,
        retired_at=timezone.now(),
    )
    _audit(AUDIT_VERSION_RETIRED, user=user, version=version)
    return version


# --- decision tables -----------------------------------------------------------------------


def decision_table_check(source: bytes | str) -> str:
    """The DMN XML as text when it is a valid DMN model; ValidationError (naming the element)
    otherwise."""
    if isinstance(source, bytes):
        try:
            source = source.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationError(
                _("The file is not a DMN file: it is not UTF-8 text."), code="dmn_encoding"
            ) from exc
    if not source.strip():
        raise ValidationError(_("The file is empty."), code="dmn_empty")
    try:
        model = tables.table_load(source)
    except dmn.DMNError as exc:
        raise ValidationError(
            _("The decision table cannot be read: %(error)s") % {"error": exc}, code="dmn_invalid"
        ) from exc
    if not model.decision_names:
        raise ValidationError(_("The DMN file holds no decision."), code="dmn_no_decision")
    return source


@transaction.atomic
def decision_table_import(
    *,
    version: PathwayVersion,
    expected_lock_version: int,
    user: User | None,
    table_key: str,
    source: bytes | str,
) -> PathwayVersion:
    """Put a DMN model into a draft under `table_key` (replacing a table of that name). The
    whole definition must stay valid: the steps that use the table must find their decision
    and inputs in it."""
    table_key = table_key.strip()
    if not table_key:
        raise ValidationError(_("Give the table a name."), code="table_key")
    text = decision_table_check(source)
    definition = copy.deepcopy(version.definition)
    definition.setdefault("tables", {})[table_key] = text
    return version_update(
        version=version,
        expected_lock_version=expected_lock_version,
        user=user,
        definition=definition,
    )


@transaction.atomic
def decision_table_remove(
    *,
    version: PathwayVersion,
    expected_lock_version: int,
    user: User | None,
    table_key: str,
) -> PathwayVersion:
    """Take a decision table out of a draft. Refused (naming the steps) while a step uses it."""
    definition = copy.deepcopy(version.definition)
    if table_key not in (definition.get("tables") or {}):
        raise ValidationError(
            _("There is no decision table %(table)s.") % {"table": table_key}, code="table_key"
        )
    del definition["tables"][table_key]
    return version_update(
        version=version,
        expected_lock_version=expected_lock_version,
        user=user,
        definition=definition,
    )
