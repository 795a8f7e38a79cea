"""The one access-checked look-up of a referral for views and the API.

A referral the user may not see answers 404, whether or not it exists, so existence does not
leak; a refused look-up of an existing referral is recorded in the audit log (with its
client's id), as NEN 7513 asks for refused access to client data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import Http404

from kansrijk.referrals import selectors
from kansrijk.referrals.constants import AUDIT_REFERRAL_DENIED, AUDIT_REFERRAL_VIEWED
from kansrijk.referrals.services import audit_referral_read

if TYPE_CHECKING:
    from kansrijk.referrals.models import Referral
    from kansrijk.referrals.selectors import AnyUser


def get_referral_for_user(user: AnyUser, referral_uuid: Any, *, audit: bool = True) -> Referral:
    """The referral when this user may see it (the read is audited); Http404 otherwise."""
    referral = selectors.referral_get_for_user(user, referral_uuid)
    if referral is None:
        existing = selectors.referral_exists(referral_uuid=referral_uuid)
        if existing is not None and user.is_authenticated:
            audit_referral_read(
                referral=existing, user=user, action=AUDIT_REFERRAL_DENIED, outcome="denied"
            )
        raise Http404
    if audit:
        audit_referral_read(referral=referral, user=user, action=AUDIT_REFERRAL_VIEWED)
    return referral
