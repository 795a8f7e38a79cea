"""Who may see, edit and approve which care pathway, as querysets and predicates.

Anyone logged in sees and walks approved pathways (and their approved history). Coordinators
(and administrators) edit and submit the pathways whose area belongs to a coalition their
organisation is a member of; partner signatories agree on behalf of such an organisation.
Unapproved versions are seen only by those editors and signatories: for anyone else they do
not exist (404).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from kansrijk.accounts.constants import Role
from kansrijk.agreements import selectors as agreement_selectors
from kansrijk.agreements.constants import SubjectKind
from kansrijk.organisations import selectors as organisation_selectors
from kansrijk.pathways.constants import EDITOR_ROLES, SIGNATORY_ROLE, VersionStatus
from kansrijk.pathways.models import Pathway, PathwayVersion

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Coalition, Organisation

    AnyUser = User | AnonymousUser


def _active(user: AnyUser) -> bool:
    return bool(user.is_authenticated and user.is_active)


def user_is_admin(user: AnyUser) -> bool:
    return _active(user) and user.has_role(Role.ADMIN)


def covered_by_organisation(organisation_id: int) -> Q:
    """Pathways whose area belongs to a coalition the organisation is a member of."""
    return (
        Q(coalition__members=organisation_id)
        | Q(municipality__coalitions__members=organisation_id)
        | Q(ggd_region__municipalities__coalitions__members=organisation_id)
    )


def scope_coalitions(*, pathway: Pathway) -> QuerySet[Coalition]:
    """The coalitions the pathway's area belongs to: the coalition itself, or those covering
    the municipality, or those covering a municipality of the GGD region."""
    coalitions = organisation_selectors.coalition_list()
    if pathway.coalition_id:
        return coalitions.filter(pk=pathway.coalition_id)
    if pathway.municipality_id:
        return coalitions.filter(municipalities=pathway.municipality_id)
    return coalitions.filter(municipalities__ggd_region=pathway.ggd_region_id).distinct()


def required_partners(*, pathway: Pathway) -> QuerySet[Organisation]:
    """The partner organisations that must all agree before a version is approved: the
    members of the coalitions of the pathway's area."""
    coalitions = scope_coalitions(pathway=pathway).values("pk")
    return (
        organisation_selectors.organisation_list()
        .filter(coalitions__in=coalitions)
        .distinct()
        .order_by("name")
    )


def _is_partner(user: AnyUser, pathway: Pathway) -> bool:
    if not _active(user) or not user.organisation_id:
        return False
    return required_partners(pathway=pathway).filter(pk=user.organisation_id).exists()


def user_can_edit(user: AnyUser, pathway: Pathway) -> bool:
    """Edit drafts, submit them, start a new draft and retire versions."""
    if user_is_admin(user):
        return True
    return _active(user) and user.has_role(Role.COORDINATOR) and _is_partner(user, pathway)


def user_can_approve(user: AnyUser, pathway: Pathway) -> bool:
    """Agree to a version on behalf of one's own (required partner) organisation."""
    return agreement_selectors.user_may_sign(user=user, partners=required_partners(pathway=pathway))


def user_sees_unapproved(user: AnyUser, pathway: Pathway) -> bool:
    return user_can_edit(user, pathway) or user_can_approve(user, pathway)


def user_can_create(user: AnyUser) -> bool:
    return _active(user) and user.has_role(*EDITOR_ROLES)


def pathways_visible_to(*, user: AnyUser) -> QuerySet[Pathway]:
    """Pathways with an approved version now or before, and those the user works on."""
    pathways = Pathway.objects.all()
    if not _active(user):
        return pathways.none()
    if user_is_admin(user):
        return pathways
    allowed = Q(
        pk__in=PathwayVersion.objects.filter(approved_at__isnull=False).values("pathway_id")
    )
    if user.organisation_id and user.has_role(Role.COORDINATOR, SIGNATORY_ROLE):
        allowed |= Q(
            pk__in=Pathway.objects.filter(covered_by_organisation(user.organisation_id)).values(
                "pk"
            )
        )
    return pathways.filter(allowed)


def pathways_editable_by(*, user: AnyUser) -> QuerySet[Pathway]:
    pathways = Pathway.objects.all()
    if user_is_admin(user):
        return pathways
    if not _active(user) or not user.organisation_id or not user.has_role(Role.COORDINATOR):
        return pathways.none()
    return pathways.filter(
        pk__in=Pathway.objects.filter(covered_by_organisation(user.organisation_id)).values("pk")
    )


def pathways_to_approve_by(*, user: AnyUser) -> QuerySet[Pathway]:
    """Pathways with a version in review that the user's organisation has not agreed to yet."""
    if not _active(user) or not user.organisation_id or not user.has_role(SIGNATORY_ROLE):
        return Pathway.objects.none()
    in_review = PathwayVersion.objects.filter(status=VersionStatus.IN_REVIEW).exclude(
        uuid__in=agreement_selectors.approved_subject_ids(
            subject_kind=SubjectKind.PATHWAY_VERSION, organisation_id=user.organisation_id
        )
    )
    return (
        Pathway.objects.filter(covered_by_organisation(user.organisation_id))
        .filter(pk__in=in_review.values("pathway_id"))
        .distinct()
    )


def version_visible(user: AnyUser, version: PathwayVersion) -> bool:
    """Approved versions (now or before) are for everyone logged in; the others only for the
    pathway's editors and signatories."""
    if not _active(user):
        return False
    if version.approved_at is not None:
        return True
    return user_sees_unapproved(user, version.pathway)
