"""Reads of coalition agreements and of the partner approval record (shared with the care
pathways: `approvals_for`, `approval_summary`, `user_may_sign`)."""

from __future__ import annotations

import datetime
import difflib
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from kansrijk.accounts.constants import Role
from kansrijk.agreements import access
from kansrijk.agreements.constants import (
    EVALUATION_REMINDER_DAYS,
    OPEN_STATUSES,
    SIGNATORY_ROLE,
    AgreementStatus,
    SubjectKind,
)
from kansrijk.agreements.models import (
    AgreementComment,
    AgreementDocument,
    AgreementVersion,
    PartnerApproval,
)
from kansrijk.organisations import selectors as organisation_selectors

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Coalition, Organisation

    AnyUser = User | AnonymousUser


# --- the partner approval record (also used by the care pathways) ---------------------------


def user_may_sign(*, user: AnyUser, partners: QuerySet[Organisation]) -> bool:
    """Whether this user may sign on behalf of their organisation: an active partner
    signatory of one of the `partners` that must agree."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.organisation_id
        and user.has_role(SIGNATORY_ROLE)
        and partners.filter(pk=user.organisation_id).exists()
    )


def approvals_for(*, subject_kind: str, subject_id: uuid.UUID) -> list[PartnerApproval]:
    """Every partner's approval of the subject, in the order they were given."""
    return list(
        PartnerApproval.objects.filter(subject_kind=subject_kind, subject_id=subject_id)
        .select_related("organisation")
        .order_by("approved_at", "pk")
    )


def approval_exists(*, subject_kind: str, subject_id: uuid.UUID, organisation_id: int) -> bool:
    return PartnerApproval.objects.filter(
        subject_kind=subject_kind, subject_id=subject_id, organisation_id=organisation_id
    ).exists()


def approved_subject_ids(*, subject_kind: str, organisation_id: int) -> QuerySet:
    """The subjects (uuids, as a subquery) the organisation has approved."""
    return PartnerApproval.objects.filter(
        subject_kind=subject_kind, organisation_id=organisation_id
    ).values("subject_id")


@dataclass
class ApprovalSummary:
    """Which partners have signed a subject and which not yet: "27 of 40 partners"."""

    approvals: list[PartnerApproval]
    partners: list[Any]  # organisations that should sign
    waiting_for: list[Any] = field(default_factory=list)  # organisations

    @property
    def signed(self) -> int:
        return len(self.partners) - len(self.waiting_for)

    @property
    def total(self) -> int:
        return len(self.partners)

    @property
    def complete(self) -> bool:
        return bool(self.partners) and not self.waiting_for


def approval_summary(
    *, subject_kind: str, subject_id: uuid.UUID, partners: QuerySet[Organisation]
) -> ApprovalSummary:
    """The approvals of a subject and which of the `partners` have not signed yet. An
    approval by an organisation that has since left counts in `approvals`, not in `signed`."""
    approvals = approvals_for(subject_kind=subject_kind, subject_id=subject_id)
    signed = {a.organisation_id for a in approvals}
    partner_list = list(partners.order_by("name"))
    waiting = [o for o in partner_list if o.pk not in signed]
    return ApprovalSummary(approvals=approvals, partners=partner_list, waiting_for=waiting)


# --- coalitions and documents ---------------------------------------------------------------


def _as_uuid(value: Any) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


def coalitions_for_user(user: AnyUser) -> QuerySet[Coalition]:
    return access.coalitions_visible_to(user=user)


def coalition_get_for_user(user: AnyUser, slug: str) -> Coalition | None:
    """The coalition when the user may see its agreements; None otherwise (404)."""
    return access.coalitions_visible_to(user=user).filter(slug=slug).first()


def partners_of(*, coalition: Coalition) -> QuerySet[Organisation]:
    """The organisations that sign the coalition's agreements: its members."""
    return organisation_selectors.organisation_list().filter(coalitions=coalition).order_by("name")


def document_get_for_user(user: AnyUser, document_id: Any) -> AgreementDocument | None:
    key = _as_uuid(document_id)
    if key is None:
        return None
    document = AgreementDocument.objects.select_related("coalition").filter(uuid=key).first()
    if document is None or not access.user_can_see(user, document.coalition):
        return None
    return document


def version_get_for_user(
    user: AnyUser, document: AgreementDocument, number: int
) -> AgreementVersion | None:
    version = document.versions.filter(number=number).first()
    if version is None or not access.version_visible(user, version, document.coalition):
        return None
    version.document = document
    return version


def versions_for_user(user: AnyUser, document: AgreementDocument) -> list[AgreementVersion]:
    """The versions this user may see, newest first."""
    versions = document.versions.order_by("-number")
    if not access.user_can_edit(user, document.coalition):
        versions = versions.exclude(status=AgreementStatus.DRAFT)
    return list(versions)


def version_current(*, document: AgreementDocument) -> AgreementVersion | None:
    """The adopted version: the one the partners work by."""
    return document.versions.filter(status=AgreementStatus.APPROVED).first()


def version_open(*, document: AgreementDocument) -> AgreementVersion | None:
    """The version being worked on (draft or in consultation), if any."""
    return document.versions.filter(status__in=OPEN_STATUSES).first()


def version_latest(*, document: AgreementDocument) -> AgreementVersion | None:
    return document.versions.order_by("-number").first()


def version_summary(*, version: AgreementVersion) -> ApprovalSummary:
    return approval_summary(
        subject_kind=SubjectKind.AGREEMENT_VERSION,
        subject_id=version.uuid,
        partners=partners_of(coalition=version.document.coalition),
    )


def version_comments(*, version: AgreementVersion) -> list[AgreementComment]:
    return list(version.comments.select_related("organisation").order_by("created_at", "pk"))


@dataclass
class DocumentRow:
    """One line of a coalition's list: the document, its adopted version and the one being
    worked on (if the user may see it), each with how many partners signed."""

    document: AgreementDocument
    current: AgreementVersion | None
    current_summary: ApprovalSummary | None
    open: AgreementVersion | None
    open_summary: ApprovalSummary | None


def document_rows(*, user: AnyUser, coalition: Coalition) -> list[DocumentRow]:
    can_edit = access.user_can_edit(user, coalition)
    partners = partners_of(coalition=coalition)
    rows = []
    for document in coalition.agreements.order_by("kind", "title"):
        document.coalition = coalition
        current = version_current(document=document)
        open_version = version_open(document=document)
        if open_version and open_version.status == AgreementStatus.DRAFT and not can_edit:
            open_version = None
        if current is None and open_version is None and not can_edit:
            continue  # only a draft: not there yet for the partners

        def summary(version: AgreementVersion | None) -> ApprovalSummary | None:
            if version is None or version.status == AgreementStatus.DRAFT:
                return None
            return approval_summary(
                subject_kind=SubjectKind.AGREEMENT_VERSION,
                subject_id=version.uuid,
                partners=partners,
            )

        rows.append(
            DocumentRow(
                document=document,
                current=current,
                current_summary=summary(current),
                open=open_version,
                open_summary=summary(open_version),
            )
        )
    return rows


# --- work lists and reminders ---------------------------------------------------------------


def versions_due_for_evaluation(
    *, today: datetime.date, coalitions: QuerySet[Coalition] | None = None
) -> QuerySet[AgreementVersion]:
    """Adopted versions whose evaluation date is within EVALUATION_REMINDER_DAYS (or past)."""
    versions = AgreementVersion.objects.filter(
        status=AgreementStatus.APPROVED,
        evaluation_due__isnull=False,
        evaluation_due__lte=today + datetime.timedelta(days=EVALUATION_REMINDER_DAYS),
    ).select_related("document__coalition")
    if coalitions is not None:
        versions = versions.filter(document__coalition__in=coalitions.values("pk"))
    return versions.order_by("evaluation_due", "pk")


def versions_to_remind(*, today: datetime.date) -> QuerySet[AgreementVersion]:
    """Versions due for evaluation whose coordinators have not been reminded yet."""
    return versions_due_for_evaluation(today=today).filter(evaluation_reminded_at__isnull=True)


def coordinators_of(*, coalition: Coalition) -> QuerySet[User]:
    from kansrijk.accounts import selectors as account_selectors

    return (
        account_selectors.user_list()
        .filter(
            is_active=True,
            roles__role=Role.COORDINATOR,
            organisation__coalitions=coalition,
        )
        .distinct()
        .order_by("pk")
    )


def versions_to_sign_by(*, user: AnyUser) -> QuerySet[AgreementVersion]:
    """Versions in consultation (or adopted) that the user's organisation has not signed."""
    if (
        not user.is_authenticated
        or not user.is_active
        or not user.organisation_id
        or not user.has_role(SIGNATORY_ROLE)
    ):
        return AgreementVersion.objects.none()
    return (
        AgreementVersion.objects.filter(
            status=AgreementStatus.CONSULTATION,
            document__coalition__members=user.organisation_id,
        )
        .exclude(
            uuid__in=approved_subject_ids(
                subject_kind=SubjectKind.AGREEMENT_VERSION, organisation_id=user.organisation_id
            )
        )
        .select_related("document__coalition")
        .order_by("document__title", "pk")
    )


# --- comparing versions ----------------------------------------------------------------------


@dataclass
class DiffLine:
    kind: str  # "added", "removed", "same" or "gap" (unchanged lines left out)
    text: str
    old_number: int | None = None
    new_number: int | None = None


def text_compare(*, old: str, new: str, context: int = 3) -> list[DiffLine]:
    """What changed from `old` to `new`, line by line: added and removed lines with a few
    unchanged lines around them (and line numbers). Empty when the texts are the same."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    result: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        if result:
            result.append(DiffLine(kind="gap", text="…"))
        elif group[0][1] > 0:
            result.append(DiffLine(kind="gap", text="…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                for offset, line in enumerate(old_lines[i1:i2]):
                    result.append(
                        DiffLine(
                            "same", line, old_number=i1 + offset + 1, new_number=j1 + offset + 1
                        )
                    )
                continue
            for offset, line in enumerate(old_lines[i1:i2]):
                result.append(DiffLine("removed", line, old_number=i1 + offset + 1))
            for offset, line in enumerate(new_lines[j1:j2]):
                result.append(DiffLine("added", line, new_number=j1 + offset + 1))
    return result


def version_compare(*, a: AgreementVersion, b: AgreementVersion) -> list[DiffLine]:
    return text_compare(old=a.text, new=b.text)
