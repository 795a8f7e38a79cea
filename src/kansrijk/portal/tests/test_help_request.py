""" "Ik wil hulp": a parent asks for help without an account; it lands on the intake's work
list at once, with her safe-contact choices first, and her status link follows it."""

import logging

from django.test import Client

from kansrijk.accounts import selectors as account_selectors
from kansrijk.accounts.testing import login_verified
from kansrijk.audit.models import AuditEvent
from kansrijk.portal.constants import RequestState
from kansrijk.portal.models import HelpRequest, ParentSite

FORM = "/ouders/heerlen/nl/ik-wil-hulp/"


def _answers(**changes):
    answers = {
        "first_name": "Demo Sanne",
        "phone": "06 1234 5678",
        "email": "",
        "safe_contact": ["text-only"],
        "best_time": "morning",
        "language": "nl",
        "municipality": "GM0917",
        "phase": "pregnancy",
        "topics": ["money"],
        "question": "Ik heb schulden en ben zwanger.",
        "sent_by": "parent",
        "consent": "on",
    }
    answers.update(changes)
    return {k: v for k, v in answers.items() if v is not None}


def _professional_client(username: str) -> Client:
    client = Client()
    login_verified(client, account_selectors.user_list().get(username=username))
    return client


def test_the_form_says_who_will_see_it_and_sets_no_cookie(demo, client):
    response = client.get(FORM)
    assert response.status_code == 200
    assert "Gemeente Heerlen" in response.text  # the intake partner is named before sending
    assert "binnen 5 werkdagen" in response.text  # the intake's own answer time
    assert "DigiD" in response.text
    assert not response.cookies
    assert response["Cache-Control"] == "no-store"


def test_a_request_lands_on_the_intake_work_list_with_safe_contact_first(demo, client):
    response = client.post(FORM, _answers())
    assert response.status_code == 303
    status_url = response["Location"]
    assert "/ouders/heerlen/nl/status/" in status_url
    assert not response.cookies

    request = HelpRequest.objects.get()
    assert request.state == RequestState.FORWARDED
    referral = request.referral
    assert referral.self_referral and referral.safe_contact == ["text-only"]
    assert referral.receiver_organisation.name == "Gemeente Heerlen"
    assert referral.consent.is_active and "Gemeente Heerlen" in referral.consent.words
    assert "debts-and-money" in referral.theme_codes
    # the secret is not stored
    token = status_url.split("/status/")[1].split("/")[0]
    assert token not in request.status_token_hash

    status = client.get(status_url)
    assert "Gemeente Heerlen heeft je aanvraag nog niet geopend" in status.text
    assert status["X-Robots-Tag"] == "noindex, nofollow"

    worker = _professional_client("wijkwerker.heerlen")
    work_list = worker.get("/verwijzingen/")
    assert work_list.status_code == 200
    row = work_list.text.split(referral.client.pseudonym)[0].rsplit("<tr", 1)[1]
    assert "Alleen sms" in row  # the safe-contact choice comes before the client's code

    api = worker.get(f"/api/referrals/{referral.uuid}")
    assert api.status_code == 200 and api.json()["safe_contact"] == ["text-only"]

    detail = worker.get(f"/verwijzingen/{referral.uuid}/")
    assert detail.status_code == 200
    assert detail.text.index("Alleen sms") < detail.text.index(referral.client.pseudonym)

    status = client.get(status_url)
    assert "Gemeente Heerlen heeft je aanvraag geopend" in status.text


def test_her_request_is_kept_when_forwarding_fails(demo, client):
    ParentSite.objects.filter(slug="heerlen").update(intake_service_id=None)
    response = client.post(FORM, _answers())
    assert response.status_code == 303
    request = HelpRequest.objects.get()
    assert request.state == RequestState.FAILED and request.referral is None
    assert request.first_name == "Demo Sanne"
    coordinator = _professional_client("coordinator.zuidlimburg")
    assert "Sjpruut" in coordinator.get("/verwijzingen/").text


def test_missing_contact_and_consent_are_explained_and_nothing_is_lost(demo, client):
    response = client.post(FORM, _answers(phone="", consent=None))
    assert response.status_code == 400
    assert HelpRequest.objects.count() == 0
    assert 'value="Demo Sanne"' in response.text
    assert "Ik heb schulden en ben zwanger." in response.text


def test_a_filled_honeypot_is_refused(demo, client):
    response = client.post(FORM, _answers(website_extra="http://spam.example"))
    assert response.status_code == 400
    assert HelpRequest.objects.count() == 0


def test_floods_from_one_address_are_held_off_in_her_language(demo, client, settings):
    settings.KANSRIJK_PORTAL_REQUESTS_PER_HOUR = 2
    for _ in range(2):
        assert client.post(FORM, _answers()).status_code == 303
    response = client.post("/ouders/heerlen/ar/ik-wil-hulp/", _answers())
    assert response.status_code == 429
    assert HelpRequest.objects.count() == 2
    assert 'lang="ar"' in response.text and 'dir="rtl"' in response.text


def test_the_status_link_can_be_switched_off(demo, client):
    status_url = client.post(FORM, _answers())["Location"].split("?")[0]
    revoke = client.post(status_url + "intrekken/")
    assert revoke.status_code == 200
    assert client.get(status_url).status_code == 410
    assert client.get(status_url.replace("/status/", "/status/x")).status_code == 404


def test_the_status_link_is_sent_through_the_pluggable_sender(demo, client, caplog):
    with caplog.at_level(logging.WARNING, logger="kansrijk.portal.senders"):
        client.post(FORM, _answers(send_status_link="on"))
    sent = [r.getMessage() for r in caplog.records if r.name == "kansrijk.portal.senders"]
    assert len(sent) == 1 and "/ouders/heerlen/nl/status/" in sent[0]
    assert "5678" not in sent[0]  # the number is masked in the log


def test_every_step_is_in_the_audit_log(demo, client):
    status_url = client.post(FORM, _answers())["Location"]
    client.get(status_url)
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "portal.help_request_received",
        "portal.help_request_forwarded",
        "portal.status_viewed",
        "clients.consent_recorded",
        "referrals.created",
    } <= actions


def test_what_she_wrote_goes_when_her_retention_ends(demo, client, settings):
    from datetime import timedelta

    from django.utils import timezone

    from kansrijk.clients.services import clients_pseudonymise_expired

    status_url = client.post(FORM, _answers())["Location"].split("?")[0]
    request = HelpRequest.objects.get()
    later = timezone.now() + timedelta(days=settings.KANSRIJK_RETENTION_DAYS + 1)
    clients_pseudonymise_expired(now=later)
    request.refresh_from_db()
    assert request.first_name == "" and request.phone == "" and request.question == ""
    assert request.pseudonymised_at is not None
    assert client.get(status_url).status_code == 410


def test_a_request_that_never_became_a_referral_expires(demo, client, settings):
    from datetime import timedelta

    from django.utils import timezone

    from kansrijk.portal.services import help_requests_expire

    ParentSite.objects.filter(slug="heerlen").update(intake_service_id=None)
    client.post(FORM, _answers())
    assert help_requests_expire() == 0  # still within the retention period
    later = timezone.now() + timedelta(days=settings.KANSRIJK_RETENTION_DAYS + 1)
    assert help_requests_expire(now=later) == 1
    assert HelpRequest.objects.get().first_name == ""


def test_a_waiting_request_is_forwarded_when_the_intake_is_fixed(demo, client):
    from kansrijk.portal.demo import SITES, _intake_service_id
    from kansrijk.portal.services import help_requests_forward_waiting

    ParentSite.objects.filter(slug="heerlen").update(intake_service_id=None)
    client.post(FORM, _answers())
    ParentSite.objects.filter(slug="heerlen").update(
        intake_service_id=_intake_service_id(SITES[0]["intake"])
    )
    assert help_requests_forward_waiting() == 1
    assert HelpRequest.objects.get().state == RequestState.FORWARDED


def test_someone_she_trusts_can_send_it_for_her(demo, client):
    missing = client.post(FORM, _answers(sent_by="volunteer"))
    assert missing.status_code == 400  # who helps must be named
    response = client.post(FORM, _answers(sent_by="volunteer", helper_name="Demo Maatje"))
    assert response.status_code == 303
    referral = HelpRequest.objects.get().referral
    assert "Demo Maatje" in referral.reason and "toestemming" in referral.reason


def test_a_language_a_coalition_added_shows_without_breaking(demo, client):
    ParentSite.objects.filter(slug="heerlen").update(extra_languages=["so", "xx"])
    response = client.get("/ouders/heerlen/so/ik-wil-hulp/")
    assert response.status_code == 200
    assert 'hreflang="xx"' in response.text


def _services(**filters):
    from kansrijk.directory.models import Service

    return Service.objects.filter(
        status="active", organization__managed_by__isnull=False, **filters
    )


def test_asking_for_help_at_a_chosen_service_goes_there(demo, client):
    chosen = (
        _services(name__endswith="Heerlen", self_referral=True)
        .exclude(name="Sociaal wijkteam Heerlen")
        .select_related("organization__managed_by")
        .first()
    )
    form = client.get(f"{FORM}?dienst={chosen.pk}")
    assert chosen.name in form.text
    assert chosen.organization.managed_by.name in form.text  # she reads who will see it
    assert client.post(FORM, _answers(service=str(chosen.pk))).status_code == 303
    referral = HelpRequest.objects.get().referral
    assert referral.service_name == chosen.name
    assert referral.receiver_organisation == chosen.organization.managed_by


def test_a_service_that_takes_no_requests_sends_her_to_the_intake(demo, client):
    other = _services(self_referral=False).first()
    assert client.post(FORM, _answers(service=str(other.pk))).status_code == 303
    assert HelpRequest.objects.get().referral.service_name == "Sociaal wijkteam Heerlen"


def test_the_fhir_export_carries_her_safe_contact_choices(demo, client):
    from fhir.resources.R4B.bundle import Bundle

    from kansrijk.referrals.fhir import SAFE_CONTACT_EXTENSION, referral_fhir_bundle

    client.post(FORM, _answers(safe_contact=["text-only", "no-voicemail"]))
    bundle = referral_fhir_bundle(HelpRequest.objects.get().referral_id)
    Bundle.model_validate(bundle)
    request = next(
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "ServiceRequest"
    )
    codes = [x["valueCode"] for x in request["extension"] if x["url"] == SAFE_CONTACT_EXTENSION]
    assert codes == ["text-only", "no-voicemail"]
    assert "Alleen sms-berichten" in request["note"][0]["text"]
    patient = next(
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"
    )
    assert "birthDate" not in patient  # she gave no year of birth


def test_a_coordinator_tries_the_waiting_requests_again_after_fixing_the_site(demo, client):
    from kansrijk.portal.demo import SITES, _intake_service_id

    ParentSite.objects.filter(slug="heerlen").update(intake_service_id=None)
    client.post(FORM, _answers())
    coordinator = _professional_client("coordinator.zuidlimburg")
    ParentSite.objects.filter(slug="heerlen").update(
        intake_service_id=_intake_service_id(SITES[0]["intake"])
    )
    response = coordinator.post("/ouders/wachtende-hulpvragen/opnieuw/", follow=True)
    assert response.status_code == 200
    assert HelpRequest.objects.get().state == RequestState.FORWARDED
    # Someone without coalitions to coordinate cannot trigger it.
    worker = _professional_client("wijkwerker.heerlen")
    assert worker.post("/ouders/wachtende-hulpvragen/opnieuw/").status_code == 404
