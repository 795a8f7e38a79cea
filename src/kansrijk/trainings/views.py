"""Training pages. Coordinators of a partner organisation manage the trainings of their
coalitions (403 for others; 404 for a training of another coalition); professionals see the
open editions and register themselves; a participant downloads their certificate."""

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
from kansrijk.core.forms import form_errors_add
from kansrijk.core.pdf import pdf_response
from kansrijk.core.spreadsheet import csv_response, decimal_cell
from kansrijk.trainings import access, selectors, services
from kansrijk.trainings.constants import (
    REGISTER_RULES,
    Attendance,
    Register,
    RegistrationStatus,
)
from kansrijk.trainings.forms import (
    AccreditationForm,
    CourseForm,
    EditionForm,
    RegistrationForm,
    SelfRegistrationForm,
)
from kansrijk.trainings.models import Edition, Registration

View = Callable[..., HttpResponse]
EDITION_FIELDS = ("starts_at", "ends_at", "place", "online_link", "capacity", "status", "public")


def coordinator_view(view: View) -> View:
    """Logged in with the second factor, and a coordinator in a coalition (else 403)."""

    @login_required_verified
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not access.coalitions_coordinated_by(request.user).exists():
            return forbidden_response(request)
        return view(request, *args, **kwargs)

    return wrapper


def participant_view(view: View) -> View:
    """Logged in with the second factor, a professional or coordinator (else 403)."""

    @login_required_verified
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not access.may_take_part(request.user):
            return forbidden_response(request)
        return view(request, *args, **kwargs)

    return wrapper


def _or_404(found):
    if found is None:
        raise Http404
    return found


# --- professionals ----------------------------------------------------------------------------


@never_cache
@participant_view
def offer(request: HttpRequest) -> HttpResponse:
    """Open editions the user may register for, and their own registrations."""
    return render(
        request,
        "trainings/offer.html",
        {
            "editions": selectors.editions_open_for(user=request.user, now=timezone.now()),
            "registrations": selectors.registrations_for_user(user=request.user),
            "coordinates": access.coalitions_coordinated_by(request.user).exists(),
        },
    )


def _edition_page(request: HttpRequest, edition: Edition, form, status: int = 200):
    return render(
        request,
        "trainings/edition_page.html",
        {
            "edition": edition,
            "course": edition.course,
            "accreditations": selectors.accreditations_for_edition(edition=edition).values(),
            "registration": selectors.registration_for_user(edition=edition, user=request.user),
            "free": max(edition.capacity - selectors.places_taken(edition=edition), 0),
            "form": form,
        },
        status=status,
    )


@never_cache
@participant_view
def edition_page(request: HttpRequest, edition_uuid) -> HttpResponse:
    edition = _or_404(selectors.edition_get_for_participant(request.user, edition_uuid))
    return _edition_page(request, edition, SelfRegistrationForm())


@require_POST
@participant_view
def register_self(request: HttpRequest, edition_uuid) -> HttpResponse:
    edition = _or_404(selectors.edition_get_for_participant(request.user, edition_uuid))
    form = SelfRegistrationForm(request.POST)
    if form.is_valid():
        try:
            registration = services.registration_create(
                edition=edition,
                user=request.user,
                created_by=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            if registration.status == RegistrationStatus.WAITING:
                messages.warning(
                    request,
                    _("The edition is full. You are on the waiting list, number %(position)d.")
                    % {"position": registration.waiting_position},
                )
            else:
                messages.success(request, _("You are registered."))
            return redirect("trainings:edition_page", edition.uuid)
    return _edition_page(request, edition, form, status=400)


@require_POST
@participant_view
def cancel_self(request: HttpRequest, edition_uuid) -> HttpResponse:
    edition = _or_404(selectors.edition_get_for_participant(request.user, edition_uuid))
    registration = _or_404(selectors.registration_for_user(edition=edition, user=request.user))
    services.registration_cancel(registration=registration)
    messages.success(request, _("Your registration is cancelled."))
    return redirect("trainings:edition_page", edition.uuid)


@never_cache
@login_required_verified
def certificate(request: HttpRequest, registration_uuid) -> HttpResponse:
    """The certificate of attendance, for the participant or the coordinator."""
    registration = _or_404(
        selectors.registration_get_for_certificate(request.user, registration_uuid)
    )
    if registration.attendance not in (Attendance.PRESENT, Attendance.PARTLY):
        raise Http404
    edition = registration.edition
    accreditation = selectors.accreditations_for_edition(edition=edition).get(registration.register)
    points = selectors.points_for(registration=registration, accreditation=accreditation)
    return pdf_response(
        "trainings/certificate_pdf.html",
        {
            "registration": registration,
            "edition": edition,
            "course": edition.course,
            "accreditation": accreditation if points else None,
            "points": points,
            "number_label": REGISTER_RULES[registration.register].number_label
            if registration.register
            else "",
            "issued_on": timezone.localdate(),
        },
        filename=f"certificaat-{registration.uuid}.pdf",
        request=request,
    )


# --- coordinators: courses --------------------------------------------------------------------


@never_cache
@coordinator_view
def course_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "trainings/staff/course_list.html",
        {"courses": selectors.courses_for_coordinator(request.user)},
    )


@never_cache
@coordinator_view
def course_create(request: HttpRequest) -> HttpResponse:
    coalitions = list(access.coalitions_coordinated_by(request.user))
    form = CourseForm(request.POST or None, coalitions=coalitions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            course = services.course_create(
                coalition=next(c for c in coalitions if c.slug == data["coalition"]),
                title=data["title"],
                description=data["description"],
                hours=data["hours"],
                target_professions=data["target_professions"],
                created_by=request.user,
            )
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The training is added. Now plan an edition."))
            return redirect("trainings:course_detail", course.uuid)
    return render(
        request,
        "trainings/staff/course_form.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


def _course_detail(request: HttpRequest, course, accreditation_form=None, status: int = 200):
    return render(
        request,
        "trainings/staff/course_detail.html",
        {
            "course": course,
            "editions": selectors.editions_for_course(course=course),
            "accreditations": selectors.accreditations_for_course(course=course),
            "accreditation_form": accreditation_form or AccreditationForm(),
        },
        status=status,
    )


@never_cache
@coordinator_view
def course_detail(request: HttpRequest, course_uuid) -> HttpResponse:
    course = _or_404(selectors.course_get_for_coordinator(request.user, course_uuid))
    return _course_detail(request, course)


@require_POST
@coordinator_view
def accreditation_set(request: HttpRequest, course_uuid) -> HttpResponse:
    course = _or_404(selectors.course_get_for_coordinator(request.user, course_uuid))
    form = AccreditationForm(request.POST)
    if form.is_valid():
        try:
            services.accreditation_set(course=course, **form.cleaned_data)
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The accreditation is saved."))
            return redirect(reverse("trainings:course_detail", args=[course.uuid]) + "#accr")
    return _course_detail(request, course, form, status=400)


# --- coordinators: editions -------------------------------------------------------------------


@never_cache
@coordinator_view
def edition_create(request: HttpRequest, course_uuid) -> HttpResponse:
    course = _or_404(selectors.course_get_for_coordinator(request.user, course_uuid))
    form = EditionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            edition = services.edition_create(
                course=course, **{field: data[field] for field in EDITION_FIELDS}
            )
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The edition is planned."))
            return redirect("trainings:edition_detail", edition.uuid)
    return render(
        request,
        "trainings/staff/edition_form.html",
        {"form": form, "course": course, "edition": None},
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@coordinator_view
def edition_edit(request: HttpRequest, edition_uuid) -> HttpResponse:
    edition = _or_404(selectors.edition_get_for_coordinator(request.user, edition_uuid))
    initial = {field: getattr(edition, field) for field in EDITION_FIELDS}
    initial["version"] = edition.lock_version
    form = EditionForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.edition_update(
                    edition=edition,
                    expected_version=data["version"] or 0,
                    **{field: data[field] for field in EDITION_FIELDS},
                )
            except services.StaleEditionError as error:
                form.add_error(None, str(error))
                status = 409
            except ValidationError as error:
                form_errors_add(form, error)
            else:
                messages.success(request, _("The edition is changed."))
                return redirect("trainings:edition_detail", edition.uuid)
    return render(
        request,
        "trainings/staff/edition_form.html",
        {"form": form, "course": edition.course, "edition": edition},
        status=status,
    )


def _edition_detail(request: HttpRequest, edition: Edition, form=None, status: int = 200):
    registered = list(selectors.registered_for_edition(edition=edition))
    return render(
        request,
        "trainings/staff/edition_detail.html",
        {
            "edition": edition,
            "course": edition.course,
            "registered": registered,
            "waiting": selectors.waiting_list(edition=edition),
            "free": max(edition.capacity - len(registered), 0),
            "accreditations": selectors.accreditations_for_edition(edition=edition).values(),
            "registers": [
                (code, Register(code).label)
                for code in selectors.registers_in_edition(edition=edition)
            ],
            "form": form or RegistrationForm(),
            "started": edition.starts_at <= timezone.now(),
        },
        status=status,
    )


@never_cache
@coordinator_view
def edition_detail(request: HttpRequest, edition_uuid) -> HttpResponse:
    edition = _or_404(selectors.edition_get_for_coordinator(request.user, edition_uuid))
    return _edition_detail(request, edition)


@require_POST
@coordinator_view
def registration_add(request: HttpRequest, edition_uuid) -> HttpResponse:
    edition = _or_404(selectors.edition_get_for_coordinator(request.user, edition_uuid))
    form = RegistrationForm(request.POST)
    if form.is_valid():
        try:
            registration = services.registration_create(
                edition=edition, created_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            if registration.status == RegistrationStatus.WAITING:
                messages.warning(
                    request,
                    _("The edition is full. %(name)s is on the waiting list, number %(position)d.")
                    % {"name": registration.name, "position": registration.waiting_position},
                )
            else:
                messages.success(
                    request, _("%(name)s is registered.") % {"name": registration.name}
                )
            return redirect("trainings:edition_detail", edition.uuid)
    return _edition_detail(request, edition, form, status=400)


@require_POST
@coordinator_view
def registration_cancel(request: HttpRequest, registration_uuid) -> HttpResponse:
    registration = _or_404(
        selectors.registration_get_for_coordinator(request.user, registration_uuid)
    )
    moved = services.registration_cancel(registration=registration)
    messages.success(request, _("The registration is cancelled."))
    for person in moved:
        messages.info(
            request,
            _("%(name)s moved up from the waiting list.") % {"name": person.name},
        )
    return redirect("trainings:edition_detail", registration.edition.uuid)


@never_cache
@coordinator_view
def attendance(request: HttpRequest, edition_uuid) -> HttpResponse:
    edition = _or_404(selectors.edition_get_for_coordinator(request.user, edition_uuid))
    registered: list[Registration] = list(selectors.registered_for_edition(edition=edition))
    errors: dict[str, ValidationError] = {}
    error = ""
    if request.method == "POST":
        records = {
            str(r.uuid): (
                request.POST.get(f"attendance-{r.uuid}", ""),
                request.POST.get(f"hours-{r.uuid}", ""),
            )
            for r in registered
        }
        try:
            errors = services.attendance_save(edition=edition, records=records)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            if not errors:
                messages.success(request, _("Attendance is saved."))
                return redirect("trainings:attendance", edition.uuid)
            error = _("Attendance is not saved: correct the marked rows.")
        # Show what was entered, with the errors next to the rows.
        for registration in registered:
            chosen, hours = records[str(registration.uuid)]
            registration.attendance = chosen
            registration.hours_attended = hours
            found = errors.get(str(registration.uuid))
            registration.error = " ".join(found.messages) if found else ""
    return render(
        request,
        "trainings/staff/attendance.html",
        {
            "edition": edition,
            "course": edition.course,
            "registered": registered,
            "choices": Attendance.choices,
            "started": edition.starts_at <= timezone.now(),
            "error": error,
        },
        status=400 if error else 200,
    )


@never_cache
@coordinator_view
def presence_list_csv(request: HttpRequest, edition_uuid, register: str) -> HttpResponse:
    """The presence list of one register as CSV (semicolons and a BOM, so Dutch Excel opens it
    right): registration number, name, hours, points."""
    edition = _or_404(selectors.edition_get_for_coordinator(request.user, edition_uuid))
    if register not in Register.values:
        raise Http404
    accreditation = selectors.accreditations_for_edition(edition=edition).get(register)
    local_start = timezone.localtime(edition.starts_at)
    rows = [
        (
            row.registration.register_number,
            row.registration.name,
            row.registration.organisation_name,
            decimal_cell(row.hours),
            decimal_cell(row.points),
            accreditation.accreditation_id if accreditation else "",
            f"{local_start:%Y-%m-%d}",
        )
        for row in selectors.presence_list(edition=edition, register=register)
    ]
    return csv_response(
        filename=f"presentielijst-{register}-{local_start:%Y-%m-%d}.csv",
        header=[
            REGISTER_RULES[register].number_label,
            _("Name"),
            _("Organisation"),
            _("Hours"),
            _("Points"),
            _("Accreditation number"),
            _("Date"),
        ],
        rows=rows,
    )
