"""A referral as FHIR R4 (R4B) resources, as the HL7 SDOH Clinical Care guide uses them
(../shared/spec/fhir-referral.md): a Bundle of type collection with the Patient
(pseudonymous), the Organizations, the HealthcareService, the referrer's PractitionerRole, the
Consent, the ServiceRequest (what is asked) and the Task (the workflow state).

The Patient carries her pseudonym and year of birth only: no name, no contact details, no date
of birth. References between entries are `urn:uuid:` full URLs. The screenings known when
she was referred (the latest per instrument) go along as QuestionnaireResponses, referenced
from ServiceRequest.supportingInfo: item numbers and the chosen answer positions, the total and
the level — never the item texts (the EPDS wording is copyrighted).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.utils import timezone, translation

from kansrijk.directory import selectors as directory_selectors
from kansrijk.referrals.constants import FHIR_SYSTEM_BASE, ReferralStatus
from kansrijk.referrals.models import Referral
from kansrijk.screening import selectors as screening_selectors

S = ReferralStatus

# ServiceRequest.status (http://hl7.org/fhir/request-status) for each Task.status.
SERVICE_REQUEST_STATUS = {
    S.REQUESTED: "active",
    S.RECEIVED: "active",
    S.ACCEPTED: "active",
    S.IN_PROGRESS: "active",
    S.ON_HOLD: "on-hold",
    S.COMPLETED: "completed",
    S.REJECTED: "revoked",
    S.CANCELLED: "revoked",
    S.FAILED: "revoked",
    S.ENTERED_IN_ERROR: "entered-in-error",
}

SYSTEM_PSEUDONYM = f"{FHIR_SYSTEM_BASE}:client-pseudonym"
SYSTEM_ORGANISATION = f"{FHIR_SYSTEM_BASE}:organisation"
SYSTEM_USER = f"{FHIR_SYSTEM_BASE}:user"
SYSTEM_ROLE = f"{FHIR_SYSTEM_BASE}:role"
SYSTEM_HSDS_SERVICE = f"{FHIR_SYSTEM_BASE}:hsds-service"
SYSTEM_THEME = f"{FHIR_SYSTEM_BASE}:theme"
SYSTEM_CAPACITY = f"{FHIR_SYSTEM_BASE}:capacity"
SYSTEM_REFERRAL = f"{FHIR_SYSTEM_BASE}:referral"
SYSTEM_BUSINESS_STATUS = f"{FHIR_SYSTEM_BASE}:referral-step"
SYSTEM_CONSENT_PURPOSE = f"{FHIR_SYSTEM_BASE}:consent-purpose"
QUESTIONNAIRE_BASE = f"{FHIR_SYSTEM_BASE}:questionnaire"
SYSTEM_SCREENING_LEVEL = f"{FHIR_SYSTEM_BASE}:screening-level"
SYSTEM_SCREENING_FLAG = f"{FHIR_SYSTEM_BASE}:screening-flag"
INTERPRETER_EXTENSION = "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired"
# How the family may be contacted safely (SafeContact codes) and when (ContactTime).
SAFE_CONTACT_EXTENSION = f"{FHIR_SYSTEM_BASE}:safe-contact"
CONTACT_TIME_EXTENSION = f"{FHIR_SYSTEM_BASE}:contact-time"
TASK_CODE_SYSTEM = "http://hl7.org/fhir/CodeSystem/task-code"
CONSENT_SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope"
LOINC = "http://loinc.org"
ACT_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
PARTICIPATION_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
LANGUAGE_SYSTEM = "urn:ietf:bcp:47"


def _urn(value: uuid.UUID | str) -> str:
    return f"urn:uuid:{value}"


def _derived(referral: Referral, kind: str) -> uuid.UUID:
    """A stable id for a resource that has no UUID of its own (the Task, the Bundle)."""
    return uuid.uuid5(referral.uuid, kind)


def _ref(url: str, display: str | None = None) -> dict[str, str]:
    reference = {"reference": url}
    if display:
        reference["display"] = display
    return reference


def _instant(value) -> str:
    return value.astimezone(timezone.get_fixed_timezone(0)).isoformat(timespec="seconds")


def _patient(referral: Referral) -> dict[str, Any]:
    client = referral.client
    patient: dict[str, Any] = {
        "resourceType": "Patient",
        "id": str(client.uuid),
        "identifier": [{"system": SYSTEM_PSEUDONYM, "value": client.pseudonym}],
        "communication": [
            {
                "language": {"coding": [{"system": LANGUAGE_SYSTEM, "code": client.language}]},
                "preferred": True,
            }
        ],
        "extension": [{"url": INTERPRETER_EXTENSION, "valueBoolean": client.interpreter_needed}],
    }
    if client.year_of_birth:  # not known yet when a parent asked for help herself
        patient["birthDate"] = f"{client.year_of_birth:04d}"
    if client.municipality_id:
        patient["address"] = [{"district": client.municipality.name, "country": "NL"}]
    return patient


def _organization(organisation) -> dict[str, Any]:
    return {
        "resourceType": "Organization",
        "id": str(organisation.uuid),
        "identifier": [{"system": SYSTEM_ORGANISATION, "value": str(organisation.uuid)}],
        "active": True,
        "name": organisation.name,
    }


def _healthcare_service(referral: Referral) -> dict[str, Any]:
    service = directory_selectors.service_get(service_id=referral.service_id)
    resource: dict[str, Any] = {
        "resourceType": "HealthcareService",
        "id": str(referral.service_id),
        "identifier": [{"system": SYSTEM_HSDS_SERVICE, "value": str(referral.service_id)}],
        "providedBy": _ref(
            _urn(referral.receiver_organisation.uuid), referral.receiver_organisation.name
        ),
        "name": referral.service_name,
        "active": service is not None and service.status == "active",
    }
    if referral.theme_codes:
        resource["category"] = [
            {"coding": [{"system": SYSTEM_THEME, "code": code}]} for code in referral.theme_codes
        ]
    if service is not None:
        resource["characteristic"] = [
            {"coding": [{"system": SYSTEM_CAPACITY, "code": service.capacity_status}]}
        ]
        if service.description:
            resource["comment"] = service.description[:1000]
        resource["appointmentRequired"] = not service.self_referral
    return resource


def _practitioner_role(referral: Referral) -> dict[str, Any]:
    user = referral.sender_user
    return {
        "resourceType": "PractitionerRole",
        "id": str(user.uuid),
        "identifier": [{"system": SYSTEM_USER, "value": str(user.uuid)}],
        "active": user.is_active,
        "organization": _ref(
            _urn(referral.sender_organisation.uuid), referral.sender_organisation.name
        ),
        "code": [{"coding": [{"system": SYSTEM_ROLE, "code": "professional"}]}],
    }


def _consent(referral: Referral, patient_url: str) -> dict[str, Any]:
    consent = referral.consent
    provision: dict[str, Any] = {
        "type": "permit",
        "period": {"start": _instant(consent.given_at)},
        "actor": [
            {
                "role": {"coding": [{"system": PARTICIPATION_TYPE_SYSTEM, "code": "IRCP"}]},
                "reference": _ref(_urn(organisation.uuid), organisation.name),
            }
            for organisation in consent.organisations.order_by("name", "pk")
        ],
        "purpose": [{"system": SYSTEM_CONSENT_PURPOSE, "code": consent.purpose}],
    }
    if consent.withdrawn_at:
        provision["period"]["end"] = _instant(consent.withdrawn_at)
    resource: dict[str, Any] = {
        "resourceType": "Consent",
        "id": str(consent.uuid),
        "status": "active" if consent.withdrawn_at is None else "inactive",
        "scope": {"coding": [{"system": CONSENT_SCOPE_SYSTEM, "code": "patient-privacy"}]},
        "category": [{"coding": [{"system": LOINC, "code": "59284-0"}]}],
        "patient": _ref(patient_url),
        "dateTime": _instant(consent.given_at),
        "policyRule": {"coding": [{"system": ACT_CODE_SYSTEM, "code": "OPTIN"}]},
        "provision": provision,
    }
    if consent.given_to_organisation_id:
        resource["organization"] = [
            _ref(_urn(consent.given_to_organisation.uuid), consent.given_to_organisation.name)
        ]
    return resource


def _screenings(referral: Referral) -> list:
    """Her latest screening per instrument from before the referral."""
    latest = {}
    for response in screening_selectors.screenings_for_client(referral.client):
        if response.screened_at <= referral.created_at and response.instrument not in latest:
            latest[response.instrument] = response
    return list(latest.values())


def _questionnaire_response(response, patient_url: str) -> dict[str, Any]:
    system = f"{QUESTIONNAIRE_BASE}:{response.instrument}"
    items = [
        {
            "linkId": str(number),
            "answer": [{"valueCoding": {"system": f"{system}:answer", "code": str(position)}}],
        }
        for number, position in sorted(response.answers.items(), key=lambda kv: int(kv[0]))
    ]
    items.append({"linkId": "total", "answer": [{"valueInteger": response.total}]})
    items.append(
        {
            "linkId": "level",
            "answer": [{"valueCoding": {"system": SYSTEM_SCREENING_LEVEL, "code": response.level}}],
        }
    )
    for flag in response.flags:
        items.append(
            {
                "linkId": "flag",
                "answer": [{"valueCoding": {"system": SYSTEM_SCREENING_FLAG, "code": flag}}],
            }
        )
    return {
        "resourceType": "QuestionnaireResponse",
        "id": str(response.uuid),
        "questionnaire": f"{system}|{response.instrument_version}",
        "status": "completed",
        "subject": _ref(patient_url),
        "authored": _instant(response.screened_at),
        "item": items,
    }


def referral_fhir_bundle(referral_id: int) -> dict[str, Any]:
    """The referral as a FHIR R4 Bundle (type collection), as plain JSON data. Check access
    and audit the export before calling."""
    referral = Referral.objects.select_related(
        "client__municipality",
        "consent__given_to_organisation",
        "sender_organisation",
        "sender_user",
        "receiver_organisation",
    ).get(pk=referral_id)

    patient = _patient(referral)
    patient_url = _urn(referral.client.uuid)
    receiver_url = _urn(referral.receiver_organisation.uuid)
    service_url = _urn(referral.service_id)
    consent_url = _urn(referral.consent.uuid)
    request_url = _urn(referral.uuid)
    task_url = _urn(_derived(referral, "task"))

    entries: list[tuple[str, dict[str, Any]]] = [(patient_url, patient)]
    organisations = {referral.receiver_organisation.pk: referral.receiver_organisation}
    if referral.sender_organisation:
        organisations.setdefault(referral.sender_organisation.pk, referral.sender_organisation)
    for organisation in referral.consent.organisations.all():
        organisations.setdefault(organisation.pk, organisation)
    if referral.consent.given_to_organisation:
        organisation = referral.consent.given_to_organisation
        organisations.setdefault(organisation.pk, organisation)
    for organisation in organisations.values():
        entries.append((_urn(organisation.uuid), _organization(organisation)))
    entries.append((service_url, _healthcare_service(referral)))
    if referral.sender_user and referral.sender_organisation:
        requester = _ref(_urn(referral.sender_user.uuid))
        entries.append((requester["reference"], _practitioner_role(referral)))
    else:  # a self-referral: she asks herself
        requester = _ref(patient_url)
    entries.append((consent_url, _consent(referral, patient_url)))
    screening_urls = []
    for response in _screenings(referral):
        screening_urls.append(_urn(response.uuid))
        entries.append((screening_urls[-1], _questionnaire_response(response, patient_url)))

    created = _instant(referral.created_at)
    service_request: dict[str, Any] = {
        "resourceType": "ServiceRequest",
        "id": str(referral.uuid),
        "identifier": [{"system": SYSTEM_REFERRAL, "value": str(referral.uuid)}],
        "status": SERVICE_REQUEST_STATUS[ReferralStatus(referral.status)],
        "intent": "order",
        "code": {"text": referral.service_name},
        "subject": _ref(patient_url),
        "authoredOn": created,
        "requester": requester,
        "performer": [
            _ref(service_url, referral.service_name),
            _ref(receiver_url, referral.receiver_organisation.name),
        ],
        "reasonCode": [{"text": referral.reason}],
        "supportingInfo": [_ref(consent_url)] + [_ref(url) for url in screening_urls],
    }
    contact = [{"url": SAFE_CONTACT_EXTENSION, "valueCode": code} for code in referral.safe_contact]
    if referral.contact_time:
        contact.append({"url": CONTACT_TIME_EXTENSION, "valueCode": referral.contact_time})
    if contact:
        # Coded for systems, and in words for the person who reads it first.
        service_request["extension"] = contact
        with translation.override("nl"):
            words = [*referral.safe_contact_labels]
            if referral.contact_time:
                words.append(str(referral.get_contact_time_display()))
            service_request["note"] = [{"text": "Veilig contact: " + "; ".join(words)}]
    if referral.theme_codes:
        service_request["category"] = [
            {"coding": [{"system": SYSTEM_THEME, "code": code}]} for code in referral.theme_codes
        ]
    entries.append((request_url, service_request))

    task: dict[str, Any] = {
        "resourceType": "Task",
        "id": str(_derived(referral, "task")),
        "identifier": [{"system": SYSTEM_REFERRAL, "value": str(referral.uuid)}],
        "status": referral.status,
        "intent": "order",
        "code": {"coding": [{"system": TASK_CODE_SYSTEM, "code": "fulfill"}]},
        "focus": _ref(request_url),
        "for": _ref(patient_url),
        "authoredOn": created,
        "lastModified": _instant(referral.updated_at),
        "requester": requester,
        "owner": _ref(receiver_url, referral.receiver_organisation.name),
        "restriction": {"period": {"end": referral.answer_due.isoformat()}},
    }
    if referral.business_status:
        task["businessStatus"] = {
            "coding": [{"system": SYSTEM_BUSINESS_STATUS, "code": referral.business_status}]
        }
    if referral.status_reason:
        task["statusReason"] = {"text": referral.status_reason}
    if referral.support_started_on:
        task["executionPeriod"] = {"start": referral.support_started_on.isoformat()}
    if referral.outcome:
        task["output"] = [{"type": {"text": "outcome"}, "valueString": referral.outcome}]
    entries.append((task_url, task))

    return {
        "resourceType": "Bundle",
        "id": str(_derived(referral, "bundle")),
        "type": "collection",
        "timestamp": _instant(timezone.now()),
        "entry": [{"fullUrl": url, "resource": resource} for url, resource in entries],
    }
