"""Client pages under /clienten/ (professionals). Every client comes through
access.client_view; every page that reads or writes her data writes an audit event."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from kansrijk.clients import extensions, selectors, services
from kansrijk.clients.access import audit_context, client_view
from kansrijk.clients.constants import (
    AUDIT_CLIENT_LISTED,
    AUDIT_CLIENT_VIEWED,
    AUDIT_IDENTITY_VIEWED,
)
from kansrijk.clients.forms import (
    ClientForm,
    ConsentForm,
    IdentityForm,
    WithdrawForm,
    client_form_initial,
    identity_form_initial,
)
from kansrijk.clients.models import Client

# How many clients the list shows; search comes with the work lists.
LIST_LIMIT = 200


def _audit_read(request: HttpRequest, client: Client | None, action: str, **detail: Any) -> None:
    services.client_audit_record(
        action=action,
        user=request.user,
        client_uuid=str(client.uuid) if client is not None else "",
        detail=detail,
        audit_context=audit_context(request),
    )


@client_view
def client_list(request: HttpRequest) -> HttpResponse:
    clients = list(selectors.clients_visible_to(request.user)[:LIST_LIMIT])
    _audit_read(request, None, AUDIT_CLIENT_LISTED, count=len(clients))
    return render(request, "clients/list.html", {"clients": clients, "limit": LIST_LIMIT})


@client_view
def client_register(request: HttpRequest) -> HttpResponse:
    organisation = request.user.organisation
    form = ClientForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            client = services.client_register(
                organisation=organisation,
                created_by=request.user,
                audit_context=audit_context(request),
                **form.facts(),
            )
        except ValidationError as exc:
            form.add_service_error(exc)
        else:
            messages.success(
                request,
                _("The client has been registered with code %(code)s.")
                % {"code": client.pseudonym},
            )
            return redirect("clients:detail", client_id=client.uuid)
    return render(request, "clients/register.html", {"form": form})


@client_view
def client_detail(request: HttpRequest, client: Client) -> HttpResponse:
    consents = list(selectors.consents_for_client(client=client))
    _audit_read(request, client, AUDIT_CLIENT_VIEWED, page="client")
    context = {
        "client": client,
        "consents": consents,
        "has_identity": selectors.client_has_identity(client=client),
    }
    # Screening and referrals add their sections (extensions.py): clients imports neither.
    sections = []
    for template, section_context in extensions.page_sections():
        context.update(section_context(request, client))
        sections.append(template)
    context["sections"] = sections
    return render(request, "clients/detail.html", context)


@client_view
def client_edit(request: HttpRequest, client: Client) -> HttpResponse:
    status = 200
    form_kwargs = {"organisation": request.user.organisation}
    if request.method == "POST":
        form = ClientForm(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                services.client_update(
                    client=client,
                    expected_version=form.cleaned_data["version"] or 0,
                    updated_by=request.user,
                    audit_context=audit_context(request),
                    **form.facts(),
                )
            except services.StaleEditError as exc:
                # Keep what she typed; the version moves on, so saving again is a choice.
                client.refresh_from_db()
                data = request.POST.copy()
                data["version"] = str(client.lock_version)
                form = ClientForm(data, **form_kwargs)
                form.is_valid()
                form.add_error(None, str(exc))
                status = 409
            except ValidationError as exc:
                form.add_service_error(exc)
            else:
                messages.success(request, _("Your changes have been saved."))
                return redirect("clients:detail", client_id=client.uuid)
    else:
        form = ClientForm(initial=client_form_initial(client=client), **form_kwargs)
    _audit_read(request, client, AUDIT_CLIENT_VIEWED, page="edit")
    return render(request, "clients/edit.html", {"client": client, "form": form}, status=status)


@never_cache
@client_view
def identity_edit(request: HttpRequest, client: Client) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = IdentityForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.identity_set(
                    client=client,
                    set_by=request.user,
                    name=data["name"],
                    phone=data["phone"],
                    email=data["email"],
                    address=data["address"],
                    expected_version=data["version"] if data["version"] is not None else 0,
                    audit_context=audit_context(request),
                )
            except services.StaleEditError as exc:
                data = request.POST.copy()
                data["version"] = str(
                    identity_form_initial(identity=selectors.client_identity_get(client=client))[
                        "version"
                    ]
                )
                form = IdentityForm(data)
                form.is_valid()
                form.add_error(None, str(exc))
                status = 409
            except ValidationError as exc:
                form.add_service_error(exc)
            else:
                messages.success(request, _("Her name and contact details have been saved."))
                return redirect("clients:detail", client_id=client.uuid)
    else:
        identity = selectors.client_identity_get(client=client)
        form = IdentityForm(initial=identity_form_initial(identity=identity))
    _audit_read(request, client, AUDIT_IDENTITY_VIEWED)
    return render(request, "clients/identity.html", {"client": client, "form": form}, status=status)


def _own_organisation_name(request: HttpRequest) -> str:
    organisation = request.user.organisation
    return organisation.name if organisation is not None else _("my care provider")


@client_view
def consent_record(request: HttpRequest, client: Client) -> HttpResponse:
    recipients = selectors.consent_recipient_choices(client=client)
    recording = request.POST.get("action") == ConsentForm.ACTION_RECORD
    form = ConsentForm(
        request.POST or None,
        recipients=recipients,
        words_required=recording or request.method != "POST",
    )
    if request.method == "POST" and form.is_valid():
        if recording:
            if form.check_record():
                try:
                    services.consent_record(
                        client=client,
                        purpose=form.cleaned_data["purpose"],
                        organisations=form.cleaned_data["organisations"],
                        words=form.cleaned_data["words"],
                        given_to=request.user,
                        audit_context=audit_context(request),
                    )
                except ValidationError as exc:
                    form.add_service_error(exc)
                else:
                    messages.success(request, _("Her consent has been recorded."))
                    return redirect("clients:detail", client_id=client.uuid)
        else:
            # Fill in the standard words for this purpose and these recipients.
            data = request.POST.copy()
            data["words"] = selectors.consent_standard_words(
                purpose=form.cleaned_data["purpose"],
                recipient_names=[o.name for o in form.cleaned_data["organisations"]],
                own_organisation_name=_own_organisation_name(request),
            )
            data["confirmed"] = ""
            form = ConsentForm(data, recipients=recipients)
            form.is_valid()
            messages.info(
                request, _("Read these words with her. You may change them before you record.")
            )
    _audit_read(request, client, AUDIT_CLIENT_VIEWED, page="consent")
    return render(
        request,
        "clients/consent_record.html",
        {"client": client, "form": form, "has_recipients": recipients.exists()},
    )


@client_view
def consent_withdraw(request: HttpRequest, client: Client, consent_id: Any) -> HttpResponse:
    consent = selectors.consent_get(client=client, uuid=consent_id)
    if consent is None:
        raise Http404
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.consent_withdraw(
                consent=consent,
                withdrawn_by=request.user,
                note=form.cleaned_data["note"],
                audit_context=audit_context(request),
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _(
                    "Her consent has been withdrawn. From now on nothing is shared on the basis of "
                    "it."
                ),
            )
        return redirect("clients:detail", client_id=client.uuid)
    _audit_read(request, client, AUDIT_CLIENT_VIEWED, page="withdraw")
    return render(
        request,
        "clients/consent_withdraw.html",
        {"client": client, "consent": consent, "form": form},
    )


@never_cache
@client_view
def client_export(request: HttpRequest, client: Client) -> HttpResponse:
    document = services.client_export(
        client.pk, exported_by=request.user, audit_context=audit_context(request)
    )
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="kansrijk-{client.pseudonym}.json"'
    return response
