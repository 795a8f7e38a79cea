"""Pages of the action programme: the list of the user's coalitions' programmes, a
programme's page (baseline period, progress per action line, activities, targets) and the
forms to change it. Coordinators and policy advisers of a member organisation see the
programme (others 403; a programme of another coalition 404); only coordinators change it
(policy advisers 403)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kansrijk.accounts.selectors import forbidden_response, login_required_verified
from kansrijk.actionprogrammes import selectors, services
from kansrijk.actionprogrammes.constants import ActivityStatus, PdcaPhase
from kansrijk.actionprogrammes.forms import (
    ActivityForm,
    DeleteForm,
    LineForm,
    ProgrammeForm,
    ReviewForm,
    TargetForm,
)
from kansrijk.actionprogrammes.models import ActionProgramme
from kansrijk.core.forms import form_errors_add
from kansrijk.indicators import selectors as indicator_selectors

View = Callable[..., HttpResponse]
PROGRAMME_FIELDS = (
    "name",
    "starts_on",
    "ends_on",
    "baseline_start",
    "baseline_end",
    "description",
)
LINE_FIELDS = ("number", "title", "goal")
ACTIVITY_FIELDS = (
    "line",
    "number",
    "title",
    "description",
    "owner_organisation",
    "status",
    "pdca_phase",
    "starts_on",
    "ends_on",
    "indicators",
)
FORM_PAGE = "actionprogrammes/form_page.html"


def reader_view(view: View) -> View:
    """Logged in with the second factor, as a coordinator, policy adviser or administrator
    (else 403). The view itself finds the programme among those the user may see (else 404)."""

    @login_required_verified
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not selectors.user_may_read_programmes(user=request.user):
            return forbidden_response(request)
        return view(request, *args, **kwargs)

    return wrapper


def editor_view(view: View) -> View:
    """As reader_view, with the programme (404 when the user may not see it) passed to the view
    and only for who may change it (403 for a policy adviser)."""

    @reader_view
    @wraps(view)
    def wrapper(request: HttpRequest, programme_uuid, *args: Any, **kwargs: Any) -> HttpResponse:
        programme = _programme_or_404(request, programme_uuid)
        if not selectors.user_may_edit(user=request.user, programme=programme):
            return forbidden_response(request)
        return view(request, programme, *args, **kwargs)

    return never_cache(wrapper)


def _programme_or_404(request: HttpRequest, programme_uuid) -> ActionProgramme:
    programme = selectors.programme_get_for_user(user=request.user, uuid=programme_uuid)
    if programme is None:
        raise Http404
    return programme


def _found(value):
    if value is None:
        raise Http404
    return value


def _detail_url(programme: ActionProgramme, anchor: str = "") -> str:
    url = reverse("actionprogrammes:programme_detail", args=[programme.uuid])
    return f"{url}#{anchor}" if anchor else url


def _form_page(
    request: HttpRequest,
    *,
    form,
    title: str,
    programme: ActionProgramme | None,
    status: int,
    **extra,
) -> HttpResponse:
    context = {
        "form": form,
        "title": title,
        "programme": programme,
        "cancel_url": _detail_url(programme)
        if programme
        else reverse("actionprogrammes:programme_list"),
        **extra,
    }
    return render(request, FORM_PAGE, context, status=status)


def _submit(
    request: HttpRequest,
    form,
    save: Callable[[dict], Any],
    saved: Callable[[Any], tuple[str, str]],
) -> tuple[HttpResponse | None, int]:
    """The form flow every edit page shares. On a valid POST run `save` (a service) with the
    form's data; when it succeeds show `saved(result)`'s message and redirect to its URL.
    Otherwise the service's errors go on the form, and the status says why: 409 when someone
    else saved first, 400 for wrong input (200 on GET)."""
    if request.method != "POST":
        return None, 200
    if not form.is_valid():
        return None, 400
    try:
        result = save(form.cleaned_data)
    except services.StaleEdit as error:
        form_errors_add(form, error)
        return None, 409
    except ValidationError as error:
        form_errors_add(form, error)
        return None, 400
    message, url = saved(result)
    messages.success(request, message)
    return redirect(url), 302


# Programmes -----------------------------------------------------------------------------------


@never_cache
@reader_view
def programme_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "actionprogrammes/programme_list.html",
        {
            "programmes": selectors.programme_list_for_user(user=request.user),
            "may_create": selectors.coalitions_user_may_edit(user=request.user).exists(),
        },
    )


@never_cache
@reader_view
def programme_create(request: HttpRequest) -> HttpResponse:
    coalitions = list(selectors.coalitions_user_may_edit(user=request.user))
    if not coalitions:
        return forbidden_response(request)
    form = ProgrammeForm(request.POST or None, coalitions=coalitions)
    response, status = _submit(
        request,
        form,
        lambda data: services.programme_create(
            coalition=next(c for c in coalitions if c.slug == data["coalition"]),
            **{f: data[f] for f in PROGRAMME_FIELDS},
        ),
        lambda programme: (
            _("The action programme is made. Now add action lines."),
            _detail_url(programme),
        ),
    )
    if response:
        return response
    return _form_page(
        request, form=form, title=_("New action programme"), programme=None, status=status
    )


@never_cache
@reader_view
def programme_detail(request: HttpRequest, programme_uuid) -> HttpResponse:
    programme = _programme_or_404(request, programme_uuid)
    today = timezone.localdate()
    progress = selectors.line_progress(programme=programme, today=today)
    overdue = {activity.pk for line in progress for activity in line.overdue}
    return render(
        request,
        "actionprogrammes/programme_detail.html",
        {
            "programme": programme,
            "baseline": selectors.baseline(programme=programme),
            "lines": progress,
            "overdue_ids": overdue,
            "targets": selectors.targets(programme=programme),
            "may_edit": selectors.user_may_edit(user=request.user, programme=programme),
            "today": today,
        },
    )


@editor_view
def programme_edit(request: HttpRequest, programme: ActionProgramme) -> HttpResponse:
    initial = {f: getattr(programme, f) for f in PROGRAMME_FIELDS}
    initial["version"] = programme.lock_version
    form = ProgrammeForm(request.POST or None, initial=initial, editing=True)
    response, status = _submit(
        request,
        form,
        lambda data: services.programme_update(
            programme=programme,
            expected_version=data["version"],
            **{f: data[f] for f in PROGRAMME_FIELDS},
        ),
        lambda saved: (_("The action programme is saved."), _detail_url(programme)),
    )
    if response:
        return response
    return _form_page(
        request,
        form=form,
        title=_("Change the action programme"),
        programme=programme,
        status=status,
    )


# Action lines ---------------------------------------------------------------------------------


@editor_view
def line_create(request: HttpRequest, programme: ActionProgramme) -> HttpResponse:
    numbers = list(selectors.lines(programme=programme).values_list("number", flat=True))
    form = LineForm(request.POST or None, initial={"number": max(numbers, default=0) + 1})
    response, status = _submit(
        request,
        form,
        lambda data: services.line_create(programme=programme, **{f: data[f] for f in LINE_FIELDS}),
        lambda line: (
            _("The action line is added."),
            _detail_url(programme, f"line-{line.number}"),
        ),
    )
    if response:
        return response
    return _form_page(
        request, form=form, title=_("New action line"), programme=programme, status=status
    )


@editor_view
def line_edit(request: HttpRequest, programme: ActionProgramme, line_uuid) -> HttpResponse:
    line = _found(selectors.line_get(programme=programme, uuid=line_uuid))
    initial = {f: getattr(line, f) for f in LINE_FIELDS}
    initial["version"] = line.lock_version
    form = LineForm(request.POST or None, initial=initial)
    response, status = _submit(
        request,
        form,
        lambda data: services.line_update(
            line=line, expected_version=data["version"], **{f: data[f] for f in LINE_FIELDS}
        ),
        lambda saved: (
            _("The action line is saved."),
            _detail_url(programme, f"line-{saved.number}"),
        ),
    )
    if response:
        return response
    return _form_page(
        request,
        form=form,
        title=_("Change action line %(number)s") % {"number": line.number},
        programme=programme,
        status=status,
    )


# Activities -----------------------------------------------------------------------------------


def _activity_form(request: HttpRequest, programme: ActionProgramme, **kwargs) -> ActivityForm:
    return ActivityForm(
        request.POST or None,
        lines=selectors.lines(programme=programme),
        organisations=selectors.member_organisations(programme=programme),
        indicators=indicator_selectors.indicator_list(),
        **kwargs,
    )


@editor_view
def activity_create(request: HttpRequest, programme: ActionProgramme) -> HttpResponse:
    line = selectors.line_get(programme=programme, uuid=request.GET.get("line"))
    form = _activity_form(
        request,
        programme,
        initial={"line": line, "status": ActivityStatus.PLANNED, "pdca_phase": PdcaPhase.PLAN},
    )
    response, status = _submit(
        request,
        form,
        lambda data: services.activity_create(**{f: data[f] for f in ACTIVITY_FIELDS}),
        lambda activity: (
            _("Activity %(code)s is added.") % {"code": activity.code},
            _detail_url(programme, f"line-{activity.line.number}"),
        ),
    )
    if response:
        return response
    return _form_page(
        request, form=form, title=_("New activity"), programme=programme, status=status
    )


@editor_view
def activity_edit(request: HttpRequest, programme: ActionProgramme, activity_uuid) -> HttpResponse:
    activity = _found(selectors.activity_get(programme=programme, uuid=activity_uuid))
    initial = {f: getattr(activity, f) for f in ACTIVITY_FIELDS if f != "indicators"}
    initial["indicators"] = list(activity.indicators.all())
    initial["version"] = activity.lock_version
    form = _activity_form(request, programme, initial=initial)
    response, status = _submit(
        request,
        form,
        lambda data: services.activity_update(
            activity=activity,
            expected_version=data["version"],
            **{f: data[f] for f in ACTIVITY_FIELDS},
        ),
        lambda saved: (
            _("Activity %(code)s is saved.") % {"code": saved.code},
            _detail_url(programme, f"line-{saved.line.number}"),
        ),
    )
    if response:
        return response
    return _form_page(
        request,
        form=form,
        title=_("Change activity %(code)s") % {"code": activity.code},
        programme=programme,
        status=status,
        activity=activity,
        reviews=selectors.activity_reviews(activity=activity),
        review_url=reverse(
            "actionprogrammes:activity_review", args=[programme.uuid, activity.uuid]
        ),
    )


@editor_view
def activity_review(
    request: HttpRequest, programme: ActionProgramme, activity_uuid
) -> HttpResponse:
    activity = _found(selectors.activity_get(programme=programme, uuid=activity_uuid))
    next_phase = {
        PdcaPhase.PLAN: PdcaPhase.DO,
        PdcaPhase.DO: PdcaPhase.CHECK,
        PdcaPhase.CHECK: PdcaPhase.ACT,
        PdcaPhase.ACT: PdcaPhase.PLAN,
    }.get(activity.pdca_phase, PdcaPhase.CHECK)
    form = ReviewForm(
        request.POST or None,
        initial={
            "reviewed_on": timezone.localdate(),
            "new_phase": next_phase,
            "version": activity.lock_version,
        },
    )
    response, status = _submit(
        request,
        form,
        lambda data: services.activity_review_add(
            activity=activity,
            by=request.user,
            reviewed_on=data["reviewed_on"],
            findings=data["findings"],
            adjustment=data["adjustment"],
            new_phase=data["new_phase"],
            expected_version=data["version"],
        ),
        lambda review: (
            _("The review of activity %(code)s is saved.") % {"code": activity.code},
            _detail_url(programme, f"line-{activity.line.number}"),
        ),
    )
    if response:
        return response
    return _form_page(
        request,
        form=form,
        title=_("Review activity %(code)s") % {"code": activity.code},
        programme=programme,
        status=status,
        activity=activity,
        reviews=selectors.activity_reviews(activity=activity),
    )


# Targets --------------------------------------------------------------------------------------


def _target_form(request: HttpRequest, programme: ActionProgramme, **kwargs) -> TargetForm:
    return TargetForm(
        request.POST or None,
        lines=selectors.lines(programme=programme),
        indicators=indicator_selectors.indicator_list(),
        **kwargs,
    )


def _target_submit(request, programme, form, target=None) -> tuple[HttpResponse | None, int]:
    return _submit(
        request,
        form,
        lambda data: services.target_set(
            programme=programme,
            line=data["line"],
            indicator=data["indicator"],
            year=data["year"],
            value=data["value"],
            note=data["note"],
            target=target,
        ),
        lambda saved: (_("The target is saved."), _detail_url(programme, "targets")),
    )


@editor_view
def target_create(request: HttpRequest, programme: ActionProgramme) -> HttpResponse:
    form = _target_form(request, programme, initial={"year": programme.ends_on.year})
    response, status = _target_submit(request, programme, form)
    if response:
        return response
    return _form_page(request, form=form, title=_("New target"), programme=programme, status=status)


@editor_view
def target_edit(request: HttpRequest, programme: ActionProgramme, target_uuid) -> HttpResponse:
    target = _found(selectors.target_get(programme=programme, uuid=target_uuid))
    form = _target_form(
        request,
        programme,
        initial={
            "line": target.line,
            "indicator": target.indicator,
            "year": target.year,
            "value": f"{target.value.normalize():f}",
            "note": target.note,
        },
    )
    response, status = _target_submit(request, programme, form, target=target)
    if response:
        return response
    return _form_page(
        request,
        form=form,
        title=_("Change the target"),
        programme=programme,
        status=status,
        delete_form=DeleteForm(),
        delete_url=reverse("actionprogrammes:target_delete", args=[programme.uuid, target.uuid]),
    )


@require_POST
@editor_view
def target_delete(request: HttpRequest, programme: ActionProgramme, target_uuid) -> HttpResponse:
    target = _found(selectors.target_get(programme=programme, uuid=target_uuid))
    form = DeleteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tick the box to confirm."))
        return redirect("actionprogrammes:target_edit", programme.uuid, target.uuid)
    services.target_delete(target=target)
    messages.success(request, _("The target is deleted."))
    return redirect(_detail_url(programme, "targets"))
