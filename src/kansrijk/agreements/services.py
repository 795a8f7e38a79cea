"""Writes to coalition agreements and to the partner approval record.

`approval_record` is the one way a partner organisation's approval is written, for agreement
versions and for care pathway versions alike: it checks who may sign and that an
organisation signs a version once.

An agreement version moves draft -> consultation -> approved (adopted by a coordinator, once
at least one partner has signed) -> superseded (when a later version is adopted). Partners
sign individually, in consultation or late, once adopted. Edits are optimistically locked.
"""

from __future__ import annotations

import datetime
import logging
import uuid
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansrijk.agreements import selectors
from kansrijk.agreements.constants import (
    AUDIT_APPROVAL_RECORDED,
    AUDIT_COMMENT_ADDED,
    AUDIT_CONSULTATION_STARTED,
    AUDIT_DOCUMENT_CREATED,
    AUDIT_EVALUATION_REMINDED,
    AUDIT_EVALUATION_SET,
    AUDIT_VERSION_ADOPTED,
    AUDIT_VERSION_CREATED,
    AUDIT_VERSION_SUPERSEDED,
    AUDIT_VERSION_UPDATED,
    OPEN_STATUSES,
    SIGNABLE_STATUSES,
    SIGNATORY_ROLE,
    AgreementStatus,
    DocumentKind,
    SubjectKind,
)
from kansrijk.agreements.models import (
    AgreementComment,
    AgreementDocument,
    AgreementVersion,
    PartnerApproval,
)
from kansrijk.audit.services import audit_record

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Coalition, Organisation

logger = logging.getLogger(__name__)


class AgreementConflictError(Exception):
    """The version changed since the editor loaded it; saving would overwrite it."""

    def __init__(self, *, expected: int, current: int | None):
        self.expected = expected
        self.current = current
        super().__init__(
            _(
                "Someone else changed this agreement while you were editing it. Your changes "
                "have not been saved yet. Check the current text and save again."
            )
        )


def actor_name(user: User | None) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.email or user.get_username()


def _audit(action: str, *, user: User | None, object_type: str, object_id: Any, **detail) -> None:
    audit_record(
        action=action,
        actor_id=str(user.uuid) if user else "",
        actor_organisation_id=(
            str(user.organisation.uuid) if user and user.organisation_id else ""
        ),
        object_type=object_type,
        object_id=str(object_id or ""),
        detail={k: v for k, v in detail.items() if v not in (None, "")},
    )


# --- the partner approval record -------------------------------------------------------------


@transaction.atomic
def approval_record(
    *,
    subject_kind: str,
    subject_id: uuid.UUID,
    user: User,
    partners: QuerySet[Organisation],
    remark: str = "",
    position: str = "",
    now: datetime.datetime | None = None,
) -> PartnerApproval:
    """Record that the user's organisation approves (signs) the subject. Refused, with a
    Dutch message, for someone who is not a partner signatory, for an organisation that is not
    one of the `partners`, and for an organisation that signed this subject before. The caller
    checks the subject's state (e.g. that it is open for signing)."""
    if not user.is_active or not user.has_role(SIGNATORY_ROLE):
        raise ValidationError(
            _(
                "Only a partner signatory can sign on behalf of an organisation. Ask your "
                "administrator for this role."
            ),
            code="not_a_signatory",
        )
    if not user.organisation_id or not partners.filter(pk=user.organisation_id).exists():
        raise ValidationError(
            _("Your organisation is not one of the partners that sign this."),
            code="not_a_partner",
        )
    already = _("Your organisation has already signed this version.")
    if selectors.approval_exists(
        subject_kind=subject_kind, subject_id=subject_id, organisation_id=user.organisation_id
    ):
        raise ValidationError(already, code="already_signed")
    try:
        with transaction.atomic():
            approval = PartnerApproval.objects.create(
                subject_kind=subject_kind,
                subject_id=subject_id,
                organisation_id=user.organisation_id,
                user=user,
                user_name=actor_name(user),
                position=position.strip(),
                approved_at=now or timezone.now(),
                remark=remark.strip(),
            )
    except IntegrityError as exc:  # a colleague signed at the same moment
        raise ValidationError(already, code="already_signed") from exc
    _audit(
        AUDIT_APPROVAL_RECORDED,
        user=user,
        object_type=subject_kind,
        object_id=subject_id,
        organisation=str(user.organisation.uuid),
    )
    return approval


# --- documents and versions ------------------------------------------------------------------


def _clean_text(text: str) -> str:
    # One kind of line ending, no trailing blanks: a comparison shows only real changes.
    lines = [line.rstrip() for line in (text or "").replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


def _check_text(text: str) -> str:
    text = _clean_text(text)
    if not text.strip():
        raise ValidationError({"text": _("Write the text of the agreement.")}, code="empty_text")
    return text


def _refuse_status(version: AgreementVersion, *allowed: str) -> None:
    if version.status not in allowed:
        raise ValidationError(
            _("This is not possible for a version that is %(status)s.")
            % {"status": version.get_status_display().lower()},
            code="status",
        )


def _claim(version: AgreementVersion, *, expected_lock_version: int | None, **changes) -> None:
    """Write `changes` when the version is still in its status and at the expected lock
    version (any when None); of two concurrent writes exactly one wins, the other is told."""
    rows = AgreementVersion.objects.filter(pk=version.pk, status=version.status)
    if expected_lock_version is not None:
        rows = rows.filter(lock_version=expected_lock_version)
    claimed = rows.update(lock_version=F("lock_version") + 1, updated_at=timezone.now(), **changes)
    if not claimed:
        current = AgreementVersion.objects.filter(pk=version.pk).values_list(
            "lock_version", flat=True
        )
        raise AgreementConflictError(
            expected=expected_lock_version or version.lock_version, current=current.first()
        )
    version.refresh_from_db()


@transaction.atomic
def document_create(
    *,
    user: User | None,
    coalition: Coalition,
    kind: str,
    title: str,
    text: str,
    evaluation_due: datetime.date | None = None,
    change_note: str = "",
) -> AgreementDocument:
    """A new agreement of the coalition with its first version as a draft."""
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": _("Choose a kind of agreement.")}, code="kind")
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Give the agreement a title.")}, code="title")
    text = _check_text(text)
    document = AgreementDocument.objects.create(coalition=coalition, kind=kind, title=title)
    version = AgreementVersion.objects.create(
        document=document,
        number=1,
        text=text,
        change_note=change_note.strip(),
        evaluation_due=evaluation_due,
        created_by=user,
    )
    _audit(AUDIT_DOCUMENT_CREATED, user=user, object_type="agreement", object_id=document.uuid)
    _audit(
        AUDIT_VERSION_CREATED,
        user=user,
        object_type=SubjectKind.AGREEMENT_VERSION,
        object_id=version.uuid,
        number=1,
    )
    return document


OPEN_VERSION_MESSAGE = gettext_lazy(
    "There is already a version being worked on (draft or in consultation). Adopt that "
    "version first."
)


@transaction.atomic
def version_draft_create(
    *, document: AgreementDocument, user: User | None, change_note: str = ""
) -> AgreementVersion:
    """A new draft with the text and evaluation date of the latest version. Refused while
    another version is a draft or in consultation."""
    locked = AgreementDocument.objects.select_for_update().get(pk=document.pk)
    if locked.versions.filter(status__in=OPEN_STATUSES).exists():
        raise ValidationError(OPEN_VERSION_MESSAGE, code="open_version")
    latest = locked.versions.order_by("-number").first()
    try:
        with transaction.atomic():
            version = AgreementVersion.objects.create(
                document=locked,
                number=(latest.number + 1) if latest else 1,
                text=latest.text if latest else "",
                evaluation_due=latest.evaluation_due if latest else None,
                change_note=change_note.strip(),
                created_by=user,
            )
    except IntegrityError as exc:  # someone else started one at the same moment
        raise ValidationError(OPEN_VERSION_MESSAGE, code="open_version") from exc
    _audit(
        AUDIT_VERSION_CREATED,
        user=user,
        object_type=SubjectKind.AGREEMENT_VERSION,
        object_id=version.uuid,
        number=version.number,
    )
    return version


@transaction.atomic
def version_update(
    *,
    version: AgreementVersion,
    expected_lock_version: int,
    user: User | None,
    text: str,
    change_note: str = "",
    evaluation_due: datetime.date | None = None,
) -> AgreementVersion:
    """Save a draft's text, change note and evaluation date. Only drafts change; refused with
    AgreementConflictError when someone saved in between (the caller keeps what was typed)."""
    _refuse_status(version, AgreementStatus.DRAFT)
    text = _check_text(text)
    _claim(
        version,
        expected_lock_version=expected_lock_version,
        text=text,
        change_note=change_note.strip(),
        evaluation_due=evaluation_due,
        evaluation_reminded_at=None,
    )
    _audit(
        AUDIT_VERSION_UPDATED,
        user=user,
        object_type=SubjectKind.AGREEMENT_VERSION,
        object_id=version.uuid,
        lock_version=version.lock_version,
    )
    return version


@transaction.atomic
def version_consultation_start(
    *, version: AgreementVersion, user: User | None, expected_lock_version: int | None = None
) -> AgreementVersion:
    """Draft -> consultation: the partners can now read, comment on and sign it."""
    _refuse_status(version, AgreementStatus.DRAFT)
    _claim(
        version,
        expected_lock_version=expected_lock_version,
        status=AgreementStatus.CONSULTATION,
        consultation_at=timezone.now(),
    )
    _audit(
        AUDIT_CONSULTATION_STARTED,
        user=user,
        object_type=SubjectKind.AGREEMENT_VERSION,
        object_id=version.uuid,
    )
    return version


@transaction.atomic
def version_sign(
    *, version: AgreementVersion, user: User, remark: str = "", position: str = ""
) -> PartnerApproval:
    """The user's organisation signs the version (in consultation, or late once adopted)."""
    locked = AgreementVersion.objects.select_related("document__coalition").get(pk=version.pk)
    _refuse_status(locked, *SIGNABLE_STATUSES)
    return approval_record(
        subject_kind=SubjectKind.AGREEMENT_VERSION,
        subject_id=locked.uuid,
        user=user,
        partners=selectors.partners_of(coalition=locked.document.coalition),
        remark=remark,
        position=position,
    )


@transaction.atomic
def version_adopt(
    *, version: AgreementVersion, user: User | None, expected_lock_version: int | None = None
) -> AgreementVersion:
    """Consultation -> approved: the coordinator declares the version adopted. It needs at
    least one partner's signature; the others may still sign. The version adopted before it
    is superseded."""
    locked = AgreementVersion.objects.select_for_update().get(pk=version.pk)
    _refuse_status(locked, AgreementStatus.CONSULTATION)
    if not selectors.version_summary(version=locked).signed:
        raise ValidationError(
            _("No partner has signed this version yet. It can be adopted once a partner signs."),
            code="no_signatures",
        )
    now = timezone.now()
    for old in locked.document.versions.filter(status=AgreementStatus.APPROVED):
        AgreementVersion.objects.filter(pk=old.pk).update(
            status=AgreementStatus.SUPERSEDED,
            superseded_at=now,
            lock_version=F("lock_version") + 1,
            updated_at=now,
        )
        _audit(
            AUDIT_VERSION_SUPERSEDED,
            user=user,
            object_type=SubjectKind.AGREEMENT_VERSION,
            object_id=old.uuid,
            replaced_by=locked.number,
        )
    _claim(
        locked,
        expected_lock_version=expected_lock_version,
        status=AgreementStatus.APPROVED,
        adopted_at=now,
        adopted_by_name=actor_name(user),
    )
    _audit(
        AUDIT_VERSION_ADOPTED,
        user=user,
        object_type=SubjectKind.AGREEMENT_VERSION,
        object_id=locked.uuid,
    )
    version.refresh_from_db()
    return version


@transaction.atomic
def version_evaluation_set(
    *,
    version: AgreementVersion,
    expected_lock_version: int,
    user: User | None,
    evaluation_due: datetime.date | None,
) -> AgreementVersion:
    """Change when the partners evaluate the version. A new date means a new reminder."""
    _refuse_status(version, *OPEN_STATUSES, AgreementStatus.APPROVED)
    _claim(
        version,
        expected_lock_version=expected_lock_version,
        evaluation_due=evaluation_due,
        evaluation_reminded_at=None,
    )
    _audit(
        AUDIT_EVALUATION_SET,
        user=user,
        object_type=SubjectKind.AGREEMENT_VERSION,
        object_id=version.uuid,
        evaluation_due=evaluation_due.isoformat() if evaluation_due else None,
    )
    return version


@transaction.atomic
def comment_add(*, version: AgreementVersion, user: User, text: str) -> AgreementComment:
    """A reaction of someone of a member organisation to a version in consultation."""
    _refuse_status(version, AgreementStatus.CONSULTATION)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write your comment.")}, code="empty_comment")
    comment = AgreementComment.objects.create(
        version=version,
        organisation_id=user.organisation_id,
        user=user,
        user_name=actor_name(user),
        text=text,
        created_at=timezone.now(),
    )
    _audit(
        AUDIT_COMMENT_ADDED,
        user=user,
        object_type=SubjectKind.AGREEMENT_VERSION,
        object_id=version.uuid,
    )
    return comment


# --- evaluation reminders --------------------------------------------------------------------


def _reminder_email(version: AgreementVersion) -> tuple[str, str]:
    base = getattr(settings, "KANSRIJK_BASE_URL", "")
    link = base + reverse("agreements:version", args=[version.document.uuid, version.number])
    subject = _("Evaluate the agreement: %(title)s") % {"title": version.document.title}
    body = _(
        "The coalition %(coalition)s agreed to evaluate %(title)s (version %(number)s) on "
        "%(due)s. Plan the evaluation with the partners.\n\nSee: %(link)s"
    ) % {
        "coalition": version.document.coalition.name,
        "title": version.document.title,
        "number": version.number,
        "due": version.evaluation_due.strftime("%d-%m-%Y"),
        "link": link,
    }
    return subject, body


def _reminders_send(version_id: int, addresses: list[str]) -> None:
    version = AgreementVersion.objects.select_related("document__coalition").get(pk=version_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = _reminder_email(version)
    for address in addresses:
        try:
            send_mail(subject, body, None, [address])
        except Exception:  # the version is on the work list already; mail is a courtesy
            logger.exception("Could not e-mail the evaluation reminder of version %s", version_id)


def version_remind_evaluation(*, version_id: int, now: datetime.datetime | None = None) -> int:
    """Claim one version due for evaluation and e-mail its coalition's coordinators (after
    commit). Returns the number of e-mails; 0 when it was reminded before."""
    now = now or timezone.now()
    with transaction.atomic():
        claimed = AgreementVersion.objects.filter(
            pk=version_id, evaluation_reminded_at=None
        ).update(evaluation_reminded_at=now)
        if not claimed:
            return 0
        version = AgreementVersion.objects.select_related("document__coalition").get(pk=version_id)
        addresses = [
            user.email
            for user in selectors.coordinators_of(coalition=version.document.coalition)
            if user.email
        ]
        _audit(
            AUDIT_EVALUATION_REMINDED,
            user=None,
            object_type=SubjectKind.AGREEMENT_VERSION,
            object_id=version.uuid,
            recipients=len(addresses),
        )
        transaction.on_commit(lambda: _reminders_send(version_id, addresses))
    return len(addresses)


def agreements_remind_evaluation(*, now: datetime.datetime | None = None) -> int:
    """Remind the coordinators of every adopted version whose evaluation date is within
    EVALUATION_REMINDER_DAYS, once per version (and date). Safe to run in several places at
    once. Returns the number of e-mails."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    ids = list(selectors.versions_to_remind(today=today).values_list("pk", flat=True))
    return sum(version_remind_evaluation(version_id=pk, now=now) for pk in ids)
