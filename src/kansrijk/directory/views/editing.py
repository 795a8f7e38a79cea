"""Editing the sociale kaart under /sociale-kaart/beheer/ (directory editors, coordinators,
administrators). Every service and location comes through an access-checked lookup."""

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansrijk.accounts.selectors import role_required, safe_next_url
from kansrijk.directory import access, selectors
from kansrijk.directory.forms import (
    LocationForm,
    ServiceForm,
    ServiceRows,
    area_municipalities,
    location_form_initial,
    service_form_initial,
)
from kansrijk.directory.models import (
    CostOption,
    Language,
    Metadata,
    Phone,
    Schedule,
    Service,
    TaxonomyTerm,
)
from kansrijk.directory.services import (
    FIELD_AREAS,
    FIELD_COST_OPTIONS,
    FIELD_LANGUAGES,
    FIELD_LOCATIONS,
    FIELD_PHASES,
    FIELD_PHONES,
    FIELD_SCHEDULES,
    FIELD_TARGET_GROUPS,
    FIELD_THEMES,
    StaleEditError,
    location_create,
    location_update,
    service_create,
    service_update,
    service_verify,
)
from kansrijk.regions import selectors as region_selectors

editor_required = role_required(*access.EDITOR_ROLES)


def _actor(user) -> str:
    # The history names a person; e-mail addresses are what colleagues recognise.
    return user.email or user.get_username()


def _partner_ids(*, user, organizations) -> list[int] | None:
    """The partner organisations whose coalitions bound the area pick-list (None: all)."""
    if access.user_is_directory_admin(user):
        return None
    return [pk for pk in organizations.values_list("managed_by", flat=True) if pk]


@editor_required
def manage(request: HttpRequest) -> HttpResponse:
    services = access.services_editable_by(user=request.user).order_by("organization__name", "name")
    locations = access.locations_editable_by(user=request.user).order_by(
        "organization__name", "name"
    )
    overdue = access.services_verification_overdue(user=request.user).count()
    return render(
        request,
        "directory/edit_manage.html",
        {
            "services": services,
            "locations": locations,
            "overdue": overdue,
            "can_create": access.organizations_editable_by(user=request.user).exists(),
        },
    )


def _area_context(form: ServiceForm) -> dict[str, Any]:
    selected = form["areas"].value() or []
    groups = []
    for municipality, options in form.fields["areas"].choices:
        codes = {code for code, _label in options}
        groups.append(
            {
                "name": municipality,
                "options": [
                    {"code": code, "label": label, "level": code[:2]} for code, label in options
                ],
                "open": bool(codes & set(selected)),
            }
        )
    return {"area_groups": groups, "selected_areas": selected}


@editor_required
def service_create_view(request: HttpRequest) -> HttpResponse:
    organizations = access.organizations_editable_by(user=request.user)
    form_kwargs = {
        "organizations": organizations,
        "locations": access.locations_editable_by(user=request.user),
        "municipalities": area_municipalities(
            partner_ids=_partner_ids(user=request.user, organizations=organizations)
        ),
    }
    form = ServiceForm(request.POST or None, **form_kwargs)
    rows = ServiceRows(request.POST if request.method == "POST" else None)
    if request.method == "POST" and _all_valid(form, rows):
        try:
            service = service_create(
                organization=form.cleaned_data["organization"],
                updated_by=_actor(request.user),
                **form.service_arguments(),
                **rows.arguments(),
            )
        except ValidationError as exc:
            form.add_service_error(exc)
        else:
            messages.success(request, _("The service has been added."))
            return redirect("directory:service_edit", service_id=service.pk)
    return render(
        request,
        "directory/edit_service.html",
        {"form": form, "service": None, **_rows_context(rows), **_area_context(form)},
    )


def _all_valid(form: ServiceForm, rows: ServiceRows) -> bool:
    # Both are checked, so every error shows at once.
    form_valid = form.is_valid()
    return rows.is_valid() and form_valid


def _rows_context(rows: ServiceRows) -> dict[str, Any]:
    return {"rows": rows, "row_errors": rows.summary_errors()}


def _display(field, value: Any) -> str:
    """A form value as the editor reads it: choice labels, yes/no, a dash for nothing."""
    if value in (None, "", [], ()):
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    choices = getattr(field, "choices", None)
    if choices:
        labels = {}
        for key, label in choices:
            if isinstance(label, list | tuple):
                labels.update({str(k): str(v) for k, v in label})
            else:
                labels[str(key)] = str(label)
        if isinstance(value, list | tuple):
            return ", ".join(labels.get(str(v), str(v)) for v in value)
        return labels.get(str(value), str(value))
    return str(value)


def _normalised(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return sorted(str(v) for v in value)
    if value is None:
        return ""
    return str(value)


def _conflicts(form: ServiceForm, *, current: dict[str, Any]) -> list[dict[str, str]]:
    """Fields where what is saved now differs from what the editor typed."""
    rows = []
    for name, field in form.fields.items():
        if name == "version" or name not in current:
            continue
        typed = form.cleaned_data.get(name, form[name].value())
        if _normalised(typed) != _normalised(current[name]):
            rows.append(
                {
                    "field": str(field.label),
                    "id": form[name].auto_id,
                    "saved": _display(field, current[name]),
                }
            )
    return rows


def _row_text(row: Any) -> str:
    """A saved phone, schedule, language or cost option as the editor reads it."""
    if isinstance(row, Phone):
        return f"{row.number} ({row.description})" if row.description else row.number
    if isinstance(row, Schedule):
        return selectors.schedule_text(row)
    if isinstance(row, Language):
        return selectors.language_label(code=row.code, name=row.name)
    if isinstance(row, CostOption):
        amount = f"€ {row.amount}" if row.amount is not None else ""
        return " ".join(p for p in (row.option, amount, row.amount_description) if p)
    return str(row)


def _row_conflicts(rows: ServiceRows) -> list[dict[str, str]]:
    """The phones, hours, languages and costs saved now that differ from what was typed."""
    if not rows.is_valid():
        return []
    differ = rows.arguments()
    return [
        {
            "field": str(rows.legends[kind]),
            "id": f"{kind}_fieldset",
            "saved": "\n".join(_row_text(r) for r in rows.saved[kind].values()),
        }
        for kind in rows.formsets
        if kind in differ
    ]


@editor_required
def service_edit(request: HttpRequest, service_id: UUID) -> HttpResponse:
    service = access.get_service_for_editor(request.user, service_id)
    initial = service_form_initial(service=service)
    organization = service.organization
    form_kwargs = {
        "service": service,
        "organizations": access.organizations_editable_by(user=request.user),
        "locations": access.locations_editable_by(user=request.user).filter(
            organization=organization
        ),
        "municipalities": area_municipalities(
            partner_ids=[organization.managed_by_id] if organization.managed_by_id else None,
            extra_codes=initial["areas"],
        ),
    }
    conflicts: list[dict[str, str]] = []
    status = 200
    if request.method == "POST":
        form = ServiceForm(request.POST, **form_kwargs)
        rows = ServiceRows(request.POST, service=service)
        if _all_valid(form, rows):
            try:
                service_update(
                    service=service,
                    expected_version=form.cleaned_data["version"],
                    updated_by=_actor(request.user),
                    **form.service_arguments(),
                    **rows.arguments(),
                )
            except StaleEditError as exc:
                # Keep everything the editor typed; only the version moves on, so saving again
                # knowingly replaces the other change.
                service.refresh_from_db()
                current = service_form_initial(service=service)
                data = request.POST.copy()
                data["version"] = str(service.version)
                form = ServiceForm(data, **form_kwargs)
                rows = ServiceRows(data, service=service)
                _all_valid(form, rows)
                conflicts = _conflicts(form, current=current) + _row_conflicts(rows)
                form.add_error(None, str(exc))
                status = 409
            except ValidationError as exc:
                form.add_service_error(exc)
            else:
                messages.success(request, _("Your changes have been saved."))
                return redirect("directory:service_edit", service_id=service.pk)
    else:
        form = ServiceForm(initial=initial, **form_kwargs)
        rows = ServiceRows(service=service)
    return render(
        request,
        "directory/edit_service.html",
        {
            "form": form,
            "service": service,
            "conflicts": conflicts,
            **_rows_context(rows),
            "verification_overdue": service.assured_date is None
            or service.assured_date < access.verification_cutoff(),
            **_area_context(form),
        },
        status=status,
    )


@require_POST
@editor_required
def service_verify_view(request: HttpRequest, service_id: UUID) -> HttpResponse:
    service = access.get_service_for_editor(request.user, service_id)
    service_verify(service=service, verified_by_email=_actor(request.user))
    messages.success(
        request,
        _("%(service)s is marked as checked today.") % {"service": service.name},
    )
    default = reverse("directory:service_edit", kwargs={"service_id": service.pk})
    return redirect(safe_next_url(request, default=default))


def _history_labels() -> dict[str, str]:
    labels = {f.name: capfirst(f.verbose_name) for f in Service._meta.concrete_fields}
    labels.update(
        {
            FIELD_THEMES: _("Themes"),
            FIELD_TARGET_GROUPS: _("Target groups"),
            FIELD_PHASES: _("Phases"),
            FIELD_AREAS: _("Where the service is offered"),
            FIELD_LOCATIONS: _("Locations"),
            FIELD_PHONES: _("Phone numbers"),
            FIELD_SCHEDULES: _("Opening hours"),
            FIELD_LANGUAGES: _("Languages"),
            FIELD_COST_OPTIONS: _("Costs"),
        }
    )
    return labels


def _term_names() -> dict[str, str]:
    return dict(TaxonomyTerm.objects.values_list("code", "name"))


def _region_names(codes: Iterable[str]) -> dict[str, str]:
    names = {}
    for code in codes:
        region = region_selectors.region_get_by_code(code=code)
        names[code] = f"{region.name} ({code})" if region is not None else code
    return names


def _history_value(field_name: str, value: str, *, names: dict[str, str]) -> str:
    if value == "":
        return "—"
    if field_name in (FIELD_THEMES, FIELD_TARGET_GROUPS, FIELD_PHASES, FIELD_AREAS):
        return ", ".join(names.get(code, code) for code in value.split(", "))
    try:
        field = Service._meta.get_field(field_name)
    except Exception:
        return value
    if getattr(field, "choices", None):
        return str(dict(field.choices).get(value, value))
    if field.get_internal_type() == "BooleanField":
        return _("Yes") if value == "true" else _("No")
    return value


def _history_rows(entries: list[Metadata]) -> list[dict[str, str]]:
    labels = _history_labels()
    area_codes = {
        code
        for entry in entries
        if entry.field_name == FIELD_AREAS
        for value in (entry.previous_value, entry.replacement_value)
        for code in value.split(", ")
        if code
    }
    names = _term_names() | _region_names(area_codes)
    actions = {"create": _("Added"), "update": _("Changed"), "delete": _("Removed")}
    return [
        {
            "date": entry.last_action_date,
            "action": actions.get(entry.last_action_type, entry.last_action_type),
            "by": entry.updated_by,
            "field": labels.get(entry.field_name, entry.field_name),
            "previous": _history_value(entry.field_name, entry.previous_value, names=names),
            "replacement": _history_value(entry.field_name, entry.replacement_value, names=names),
        }
        for entry in entries
    ]


@editor_required
def service_history_view(request: HttpRequest, service_id: UUID) -> HttpResponse:
    service = access.get_service_for_editor(request.user, service_id)
    entries = list(access.service_history(service=service)[:500])
    return render(
        request,
        "directory/history.html",
        {"service": service, "rows": _history_rows(entries)},
    )


@editor_required
def verification_overdue(request: HttpRequest) -> HttpResponse:
    services = access.services_verification_overdue(user=request.user)
    return render(
        request,
        "directory/verification_overdue.html",
        {
            "services": services,
            "max_age_days": settings.DIRECTORY_VERIFICATION_MAX_AGE_DAYS,
            "cutoff": access.verification_cutoff(),
        },
    )


def _location_neighbourhood_municipalities(*, user, organizations, location=None):
    extra = []
    if location is not None and location.municipality_id:
        extra = [location.municipality.code]
    return area_municipalities(
        partner_ids=_partner_ids(user=user, organizations=organizations), extra_codes=extra
    )


@editor_required
def location_create_view(request: HttpRequest) -> HttpResponse:
    organizations = access.organizations_editable_by(user=request.user)
    form = LocationForm(
        request.POST or None,
        organizations=organizations,
        neighbourhood_municipalities=_location_neighbourhood_municipalities(
            user=request.user, organizations=organizations
        ),
    )
    if request.method == "POST" and form.is_valid():
        try:
            location_create(
                organization=form.cleaned_data["organization"],
                updated_by=_actor(request.user),
                **form.location_arguments(),
            )
        except ValidationError as exc:
            form.add_service_error(exc)
        else:
            messages.success(request, _("The location has been added."))
            return redirect("directory:manage")
    return render(request, "directory/edit_location.html", {"form": form, "location": None})


@editor_required
def location_edit(request: HttpRequest, location_id: UUID) -> HttpResponse:
    location = access.get_location_for_editor(request.user, location_id)
    form_kwargs = {
        "neighbourhood_municipalities": _location_neighbourhood_municipalities(
            user=request.user,
            organizations=access.organizations_editable_by(user=request.user).filter(
                pk=location.organization_id
            ),
            location=location,
        )
    }
    if request.method == "POST":
        form = LocationForm(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                location_update(
                    location=location,
                    updated_by=_actor(request.user),
                    **form.location_arguments(),
                )
            except ValidationError as exc:
                form.add_service_error(exc)
            else:
                messages.success(request, _("Your changes have been saved."))
                return redirect("directory:manage")
    else:
        form = LocationForm(initial=location_form_initial(location=location), **form_kwargs)
    return render(
        request,
        "directory/edit_location.html",
        {
            "form": form,
            "location": location,
            "services": Service.objects.filter(service_at_locations__location=location),
        },
    )


urlpatterns = [
    path("beheer/", manage, name="manage"),
    path("beheer/diensten/nieuw/", service_create_view, name="service_create"),
    path("beheer/diensten/<uuid:service_id>/", service_edit, name="service_edit"),
    path(
        "beheer/diensten/<uuid:service_id>/gecontroleerd/",
        service_verify_view,
        name="service_verify",
    ),
    path(
        "beheer/diensten/<uuid:service_id>/geschiedenis/",
        service_history_view,
        name="service_history",
    ),
    path("beheer/controle/", verification_overdue, name="verification_overdue"),
    path("beheer/locaties/nieuw/", location_create_view, name="location_create"),
    path("beheer/locaties/<uuid:location_id>/", location_edit, name="location_edit"),
]
