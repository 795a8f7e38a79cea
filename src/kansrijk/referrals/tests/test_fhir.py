"""A referral exports as a FHIR R4 Bundle that the fhir.resources R4B models accept, with the
codes Kansrijk allows (those models check structure only) and no identifying details."""

import json

import pytest
from fhir.resources.R4B.bundle import Bundle

from kansrijk.clients import services as client_services
from kansrijk.referrals.constants import ReferralStatus, transition_find
from kansrijk.referrals.fhir import SERVICE_REQUEST_STATUS, referral_fhir_bundle
from kansrijk.referrals.tests.factories import bring_to, move

S = ReferralStatus
TASK_STATUSES = set(S.values)
REQUEST_STATUSES = {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error"}


def _resources(bundle: dict) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for entry in bundle["entry"]:
        found.setdefault(entry["resource"]["resourceType"], []).append(entry["resource"])
    return found


def _references(value) -> list[str]:
    if isinstance(value, dict):
        refs = [value["reference"]] if isinstance(value.get("reference"), str) else []
        return refs + [r for v in value.values() for r in _references(v)]
    if isinstance(value, list):
        return [r for v in value for r in _references(v)]
    return []


@pytest.mark.parametrize("status", [S.REQUESTED, S.IN_PROGRESS, S.COMPLETED, S.REJECTED])
def test_the_bundle_is_valid_r4_and_uses_our_codes(status, referral, sender, receiver):
    referral = bring_to(referral, status, sender=sender, receiver=receiver)
    bundle = referral_fhir_bundle(referral.pk)

    Bundle.model_validate(bundle)  # raises on any structural error
    assert bundle["type"] == "collection"
    resources = _resources(bundle)
    assert set(resources) == {
        "Patient",
        "Organization",
        "HealthcareService",
        "PractitionerRole",
        "Consent",
        "ServiceRequest",
        "Task",
    }
    (task,) = resources["Task"]
    (request,) = resources["ServiceRequest"]
    assert task["status"] == status and task["status"] in TASK_STATUSES
    assert task["intent"] == request["intent"] == "order"
    assert request["status"] in REQUEST_STATUSES
    assert request["status"] == SERVICE_REQUEST_STATUS[status]
    full_urls = {entry["fullUrl"] for entry in bundle["entry"]}
    assert set(_references(bundle)) <= full_urls, "every reference resolves inside the bundle"
    assert task["focus"]["reference"] == f"urn:uuid:{referral.uuid}"
    assert task["owner"]["reference"] == f"urn:uuid:{referral.receiver_organisation.uuid}"
    assert task["for"]["reference"] == request["subject"]["reference"]


def test_the_task_follows_the_referral_through_its_states(referral, receiver):
    """Walking the referral, each exported Task.status is a step the table allows."""
    before = _resources(referral_fhir_bundle(referral.pk))["Task"][0]["status"]
    for step in (S.RECEIVED, S.ACCEPTED, S.IN_PROGRESS, S.ON_HOLD, S.IN_PROGRESS, S.COMPLETED):
        referral = move(referral, to=step, user=receiver)
        after = _resources(referral_fhir_bundle(referral.pk))["Task"][0]["status"]
        assert after == step
        assert transition_find(before, after) is not None, (before, after)
        before = after
    task = _resources(referral_fhir_bundle(referral.pk))["Task"][0]
    assert task["output"][0]["valueString"] == referral.outcome
    assert task["executionPeriod"]["start"] == referral.support_started_on.isoformat()


def test_a_rejection_carries_its_reason(referral, sender, receiver):
    referral = bring_to(referral, S.REJECTED, sender=sender, receiver=receiver)
    task = _resources(referral_fhir_bundle(referral.pk))["Task"][0]
    assert task["statusReason"]["text"] == referral.status_reason


def test_the_patient_is_pseudonymous(referral):
    client = referral.client
    client_services.identity_set(
        client=client, set_by=referral.sender_user, name="Demo Moeder", phone="06-12345678"
    )
    bundle = referral_fhir_bundle(referral.pk)
    (patient,) = _resources(bundle)["Patient"]
    assert patient["identifier"] == [
        {"system": "urn:kansrijk:client-pseudonym", "value": client.pseudonym}
    ]
    assert patient["birthDate"] == str(client.year_of_birth)
    assert "name" not in patient and "telecom" not in patient
    assert "Demo Moeder" not in json.dumps(bundle)
    assert "06-12345678" not in json.dumps(bundle)


def test_the_consent_shows_withdrawal(referral, consent, sender):
    client_services.consent_withdraw(consent=consent, withdrawn_by=sender, note="")
    (fhir_consent,) = _resources(referral_fhir_bundle(referral.pk))["Consent"]
    assert fhir_consent["status"] == "inactive"
    assert "end" in fhir_consent["provision"]["period"]
    assert fhir_consent["provision"]["actor"][0]["reference"]["reference"] == (
        f"urn:uuid:{referral.receiver_organisation.uuid}"
    )


def test_her_screening_before_the_referral_goes_along_without_item_texts(
    professional, service, demo_client, consent
):
    import datetime

    from django.utils import timezone

    from kansrijk.referrals.services import referral_create
    from kansrijk.screening import services as screening_services

    earlier = timezone.now() - datetime.timedelta(days=1)
    epds = {n: 0 for n in range(1, 11)}  # the first answer everywhere: high, item-10 flag
    screening = screening_services.screening_record(
        client=demo_client, instrument="epds", answers=epds, user=professional, now=earlier
    )
    referral = referral_create(
        client_id=demo_client.pk, service_id=service.id, user=professional, reason="Somber"
    )
    bundle = referral_fhir_bundle(referral.pk)

    Bundle.model_validate(bundle)
    resources = _resources(bundle)
    (response,) = resources["QuestionnaireResponse"]
    (request,) = resources["ServiceRequest"]
    assert f"urn:uuid:{screening.uuid}" in _references(request["supportingInfo"])
    assert response["questionnaire"].startswith("urn:kansrijk:questionnaire:epds|")
    items = {
        item["linkId"]: item["answer"][0] for item in response["item"] if item["linkId"] != "flag"
    }
    assert items["total"] == {"valueInteger": 21}
    assert items["level"]["valueCoding"]["code"] == "high"
    assert [
        i["answer"][0]["valueCoding"]["code"] for i in response["item"] if i["linkId"] == "flag"
    ] == ["self_harm"]
    assert "text" not in json.dumps(response["item"])  # no item wording, only positions
