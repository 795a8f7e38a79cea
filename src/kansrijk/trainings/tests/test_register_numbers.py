"""Register numbers are checked against each register's format, with a clear Dutch message."""

import pytest
from django.core.exceptions import ValidationError

from kansrijk.trainings import services
from kansrijk.trainings.constants import Profession, Register


@pytest.mark.parametrize(
    ("register", "number", "stored"),
    [
        (Register.KNOV, "190 123 456 01", "19012345601"),
        (Register.GAIA, "19012345601", "19012345601"),
        (Register.KCKZ, "KCKZ-204518", "204518"),
        (Register.KCKZ, "204518", "204518"),
        (Register.VVN, "12345678", "12345678"),
        (Register.SKJ, "100.012.345", "100012345"),
    ],
)
def test_a_number_in_the_registers_format_is_kept_as_digits(register, number, stored):
    assert services.register_number_normalise(register=register, number=number) == stored


@pytest.mark.parametrize(
    ("register", "number", "message"),
    [
        (Register.KNOV, "1901234560", "Een BIG-nummer heeft 11 cijfers."),
        (Register.GAIA, "190123456012", "Een BIG-nummer heeft 11 cijfers."),
        (Register.GAIA, "1901234560A", "Een BIG-nummer heeft 11 cijfers."),
        (Register.KCKZ, "KCKZ-12", "Een KCKZ-registratienummer heeft 4 tot 8 cijfers"),
        (Register.VVN, "1234", "Een V&VN-registratienummer heeft 5 tot 11 cijfers."),
        (Register.SKJ, "12345", "Een SKJ-registratienummer heeft 6 tot 9 cijfers."),
        (Register.SKJ, "", "Vul het SKJ-registratienummer in."),
    ],
)
def test_a_number_in_another_format_is_refused_with_the_rule(register, number, message):
    with pytest.raises(ValidationError) as refused:
        services.register_number_normalise(register=register, number=number)
    assert message in refused.value.message_dict["register_number"][0]


def test_a_registration_with_a_short_big_number_is_refused_and_not_stored(edition):
    with pytest.raises(ValidationError) as refused:
        services.registration_create(
            edition=edition,
            name="Demo Verloskundige",
            profession=Profession.MIDWIFE,
            register=Register.KNOV,
            register_number="1234567890",
        )
    assert refused.value.message_dict["register_number"] == ["Een BIG-nummer heeft 11 cijfers."]
    assert not edition.registrations.exists()


def test_a_number_without_a_register_is_refused(edition):
    with pytest.raises(ValidationError) as refused:
        services.registration_create(
            edition=edition,
            name="Demo Verloskundige",
            profession=Profession.MIDWIFE,
            register_number="19012345601",
        )
    assert "register" in refused.value.message_dict
