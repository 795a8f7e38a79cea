from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansrijk.accounts.selectors import login_required_verified
from kansrijk.actions import selectors, services
from kansrijk.actions.forms import DisposeForm


@login_required_verified
def my_action_items(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    items = list(selectors.open_action_items_for_owner(request.user))
    for item in items:
        item.overdue = selectors.action_item_is_overdue(item, today)
        item.source_path = selectors.action_item_path(item)
    return render(request, "actions/mine.html", {"items": items, "today": today})


def _safe_next(request: HttpRequest, value: str) -> str:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return ""


@require_POST
@login_required_verified
def dispose(request: HttpRequest, item_uuid: UUID) -> HttpResponse:
    item = selectors.action_item_get_for_user(request.user, item_uuid)
    if item is None:
        raise Http404
    form = DisposeForm(request.POST)
    next_url = _safe_next(request, request.POST.get("next", "")) or selectors.action_item_path(item)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.action_item_dispose(
                item=item,
                outcome=data["outcome"],
                note=data["note"],
                new_due_on=data["new_due_on"],
                user=request.user,
                expected_version=data["version"],
                meeting_kind=request.POST.get("meeting_kind", "")[:40],
                meeting_uuid=_uuid_or_none(request.POST.get("meeting_uuid")),
            )
        except services.StaleActionItemError as error:
            messages.error(request, str(error))
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        else:
            messages.success(request, _("Recorded what happened with the agreement."))
    else:
        for errors in form.errors.values():
            for text in errors:
                messages.error(request, text)
    return redirect(next_url or "actions:mine")


def _uuid_or_none(value: str | None) -> UUID | None:
    try:
        return UUID(value) if value else None
    except ValueError:
        return None
