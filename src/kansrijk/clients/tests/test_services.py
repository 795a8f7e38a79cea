"""Registering clients, changing her facts, and consent: record, withdraw, what it covers."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kansrijk.accounts.testing import make_organisation
from kansrijk.audit.selectors import audit_events_for_client
from kansrijk.clients import selectors, services
from kansrijk.clients.constants import (
    AUDIT_CLIENT_REGISTERED,
    AUDIT_CONSENT_RECORDED,
    AUDIT_CONSENT_WITHDRAWN,
    PSEUDONYM_ALPHABET,
    ConsentPurpose,
)
from kansrijk.clients.tests.factories import make_client, make_consent, zaanstad_neighbourhood
from kansrijk.regions import selectors as region_selectors

pytestmark = pytest.mark.django_db


def _actions(client):
    return [e.action for e in audit_events_for_client(client_id=str(client.uuid))]


def test_a_registered_client_gets_a_readable_pseudonym_and_her_care_team(
    professional, organisation
):
    client = make_client(user=professional, language="ti", interpreter_needed=True)
    assert re.fullmatch(rf"KS-[{PSEUDONYM_ALPHABET}]{{6}}", client.pseudonym)
    assert not set(client.pseudonym[3:]) & set("01OIL")
    assert client.organisation == organisation
    assert client.created_by == professional
    assert client.lock_version == 1
    assert _actions(client) == [AUDIT_CLIENT_REGISTERED]


def test_pseudonyms_differ_between_clients(professional):
    codes = {make_client(user=professional).pseudonym for _n in range(20)}
    assert len(codes) == 20


def test_it_refuses_a_client_without_due_date_or_birth_date(professional):
    with pytest.raises(ValidationError) as error:
        make_client(user=professional, due_date=None)
    assert "due_date" in error.value.message_dict


def test_it_refuses_an_implausible_year_of_birth(professional):
    with pytest.raises(ValidationError) as error:
        make_client(user=professional, year_of_birth=1900)
    assert "year_of_birth" in error.value.message_dict


def test_it_refuses_a_birth_date_in_the_future(professional):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        make_client(user=professional, due_date=None, child_birth_date=tomorrow)
    assert "child_birth_date" in error.value.message_dict


def test_it_refuses_a_neighbourhood_of_another_municipality(professional):
    with pytest.raises(ValidationError) as error:
        make_client(
            user=professional,
            municipality=region_selectors.municipality_get(code="GM0917"),
            neighbourhood=zaanstad_neighbourhood(),
        )
    assert "neighbourhood" in error.value.message_dict


def test_an_update_raises_the_version_and_records_which_fields_changed(professional, demo_client):
    updated = services.client_update(
        client=demo_client, expected_version=1, updated_by=professional, interpreter_needed=True
    )
    assert updated.interpreter_needed is True
    assert updated.lock_version == 2
    event = audit_events_for_client(client_id=str(demo_client.uuid)).first()
    assert event.detail == {"fields": ["interpreter_needed"]}


def test_an_update_based_on_an_old_version_is_refused_and_loses_nothing(professional, demo_client):
    services.client_update(
        client=demo_client, expected_version=1, updated_by=professional, language="ar"
    )
    with pytest.raises(services.StaleEditError):
        services.client_update(
            client=demo_client, expected_version=1, updated_by=professional, language="tr"
        )
    demo_client.refresh_from_db()
    assert demo_client.language == "ar"


def test_consent_covers_the_named_organisation_for_its_purpose_only(
    professional, demo_client, other_organisation, outsider_organisation
):
    consent = make_consent(
        client=demo_client, user=professional, organisations=[other_organisation]
    )
    referral = ConsentPurpose.REFERRAL
    assert selectors.consent_covers(demo_client.pk, other_organisation.pk, referral) == consent
    assert selectors.consent_covers(demo_client.uuid, other_organisation.uuid, referral) == consent
    assert (
        selectors.consent_covers(str(demo_client.uuid), other_organisation.pk, referral) == consent
    )
    assert selectors.consent_covers("nonsense", other_organisation.pk, referral) is None
    case = ConsentPurpose.CASE_CONSULTATION
    assert selectors.consent_covers(demo_client.pk, other_organisation.pk, case) is None
    assert selectors.consent_covers(demo_client.pk, outsider_organisation.pk, referral) is None
    assert consent.given_to_organisation == professional.organisation
    assert AUDIT_CONSENT_RECORDED in _actions(demo_client)


def test_withdrawal_stops_the_consent_covering_at_once(
    professional, demo_client, other_organisation
):
    consent = make_consent(
        client=demo_client, user=professional, organisations=[other_organisation]
    )
    services.consent_withdraw(consent=consent, withdrawn_by=professional, note="Telefonisch")
    assert (
        selectors.consent_covers(demo_client.pk, other_organisation.pk, ConsentPurpose.REFERRAL)
        is None
    )
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert consent.withdrawn_by == professional
    assert AUDIT_CONSENT_WITHDRAWN in _actions(demo_client)


def test_withdrawing_twice_is_refused_and_the_first_withdrawal_stands(
    professional, demo_client, other_organisation
):
    consent = make_consent(
        client=demo_client, user=professional, organisations=[other_organisation]
    )
    first = services.consent_withdraw(consent=consent, withdrawn_by=professional).withdrawn_at
    with pytest.raises(ValidationError):
        services.consent_withdraw(consent=consent, withdrawn_by=professional)
    consent.refresh_from_db()
    assert consent.withdrawn_at == first


def test_a_newer_consent_covers_after_an_older_one_was_withdrawn(
    professional, demo_client, other_organisation
):
    old = make_consent(client=demo_client, user=professional, organisations=[other_organisation])
    services.consent_withdraw(consent=old, withdrawn_by=professional)
    new = make_consent(client=demo_client, user=professional, organisations=[other_organisation])
    assert (
        selectors.consent_covers(demo_client.pk, other_organisation.pk, ConsentPurpose.REFERRAL)
        == new
    )


def test_consent_is_refused_for_an_organisation_outside_her_coalition(
    professional, demo_client, outsider_organisation
):
    with pytest.raises(ValidationError) as error:
        make_consent(client=demo_client, user=professional, organisations=[outsider_organisation])
    assert "organisations" in error.value.message_dict


def test_consent_is_refused_without_words_or_recipients(professional, demo_client):
    with pytest.raises(ValidationError) as error:
        make_consent(client=demo_client, user=professional, organisations=[], words="  ")
    assert set(error.value.message_dict) == {"organisations", "words"}


def test_the_recipients_are_the_partners_of_her_municipality_except_her_care_team(
    demo_client, organisation, other_organisation, outsider_organisation
):
    recipients = list(selectors.consent_recipient_choices(client=demo_client))
    assert recipients == [other_organisation]


def test_her_words_are_stored_as_shown(professional, demo_client, other_organisation):
    words = "Ik vind het goed.\r\nMaar alleen voor de kraamzorg."
    consent = make_consent(
        client=demo_client, user=professional, organisations=[other_organisation], words=words
    )
    assert consent.words == "Ik vind het goed.\nMaar alleen voor de kraamzorg."


@pytest.mark.parametrize("purpose", ConsentPurpose.values)
def test_the_standard_words_name_the_recipients_in_plain_dutch(purpose):
    words = selectors.consent_standard_words(
        purpose=purpose,
        recipient_names=["Sociaal Wijkteam Zaandam", "Kraamzorg Demo", "GGD Demo"],
        own_organisation_name="Verloskundigenpraktijk Demo",
    )
    assert words.startswith("Ik vind het goed dat Verloskundigenpraktijk Demo")
    assert "Sociaal Wijkteam Zaandam, Kraamzorg Demo en GGD Demo" in words
    assert "intrekken" in words
    # B1: short sentences (names aside).
    short = selectors.consent_standard_words(
        purpose=purpose, recipient_names=["Wijkteam"], own_organisation_name="GGD"
    )
    assert all(len(sentence.split()) <= 16 for sentence in short.split(". "))


def test_the_standard_words_stay_dutch_in_an_english_interface():
    from django.utils import translation

    with translation.override("en"):
        words = selectors.consent_standard_words(
            purpose=ConsentPurpose.REFERRAL,
            recipient_names=["Wijkteam Demo"],
            own_organisation_name="GGD Demo",
        )
    assert words.startswith("Ik vind het goed")


def test_touching_a_client_moves_her_retention_start(demo_client):
    later = timezone.now() + datetime.timedelta(days=3)
    services.client_touch(client_id=demo_client.pk, when=later)
    demo_client.refresh_from_db()
    assert demo_client.last_activity_at == later


def test_a_partner_added_to_her_coalition_can_receive_her_consent(professional, coalition):
    partner = make_organisation(name="Kraamzorg Demo")
    coalition.members.add(partner)
    client = make_client(user=professional)
    assert partner in selectors.consent_recipient_choices(client=client)
