"""Vocabulary of trainings: professions, the registers that accredit training (with the format
of their registration numbers, as data), and the states of editions, accreditations and
registrations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Profession(models.TextChoices):
    MIDWIFE = "midwife", _("midwife")
    MATERNITY_CARER = "maternity_carer", _("maternity carer")
    NURSE = "nurse", _("nurse")
    YOUTH_HEALTH_NURSE = "youth_health_nurse", _("youth health care nurse")
    DOCTOR = "doctor", _("doctor")
    YOUTH_PROFESSIONAL = "youth_professional", _("youth and family professional")
    SOCIAL_WORKER = "social_worker", _("social worker")
    OTHER = "other", _("other")


class Register(models.TextChoices):
    """The quality registers that accredit training; the first two through PE-online."""

    KNOV = "knov", _("KNOV Kwaliteitsregister Verloskundigen (PE-online)")
    KCKZ = "kckz", _("KCKZ Kwaliteitsregister Kraamverzorgenden (PE-online)")
    VVN = "vvn", _("V&VN Kwaliteitsregister")
    SKJ = "skj", _("SKJ Kwaliteitsregister Jeugd")
    GAIA = "gaia", _("GAIA (ABAN, doctors)")


@dataclass(frozen=True)
class RegisterRule:
    """How a register's number is written. `pattern` is matched against the number after
    spaces, dots and dashes (and an optional `prefix`) are taken out; `message` is the
    error a person sees."""

    register: str
    number_label: object
    pattern: str
    message: object
    example: str
    prefix: str = ""

    def normalise(self, raw: str) -> str:
        value = re.sub(r"[\s.\-]", "", raw or "").upper()
        if self.prefix and value.startswith(self.prefix):
            value = value[len(self.prefix) :]
        return value

    def matches(self, number: str) -> bool:
        return re.fullmatch(self.pattern, number) is not None


BIG_MESSAGE = _("A BIG number has 11 digits.")

# Decision (see the report / docs/decisions): midwives (KNOV) and doctors (GAIA/ABAN) are
# BIG-registered and their registers identify them by the BIG number; kraamverzorgenden are not
# in BIG and have a KCKZ number (their PE-online log-in is "KCKZ-<number>"); V&VN and SKJ give
# their own registration number. Exact lengths of the KCKZ, V&VN and SKJ numbers are not
# published, so those rules only ask for digits within a plausible length.
REGISTER_RULES: dict[str, RegisterRule] = {
    Register.KNOV: RegisterRule(
        Register.KNOV, _("BIG number"), r"\d{11}", BIG_MESSAGE, "19012345601"
    ),
    Register.KCKZ: RegisterRule(
        Register.KCKZ,
        _("KCKZ registration number"),
        r"\d{4,8}",
        _("A KCKZ registration number has 4 to 8 digits, with or without KCKZ- in front."),
        "KCKZ-123456",
        prefix="KCKZ",
    ),
    Register.VVN: RegisterRule(
        Register.VVN,
        _("V&VN registration number"),
        r"\d{5,11}",
        _("A V&VN registration number has 5 to 11 digits."),
        "12345678",
    ),
    Register.SKJ: RegisterRule(
        Register.SKJ,
        _("SKJ registration number"),
        r"\d{6,9}",
        _("An SKJ registration number has 6 to 9 digits."),
        "100012345",
    ),
    Register.GAIA: RegisterRule(
        Register.GAIA, _("BIG number"), r"\d{11}", BIG_MESSAGE, "19012345601"
    ),
}


class EditionStatus(models.TextChoices):
    OPEN = "open", _("open for registration")
    CLOSED = "closed", _("registration closed")
    CANCELLED = "cancelled", _("cancelled")


class AccreditationStatus(models.TextChoices):
    APPLIED = "applied", _("applied for")
    GRANTED = "granted", _("granted")
    REFUSED = "refused", _("refused")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("registered")
    WAITING = "waiting", _("on the waiting list")
    CANCELLED = "cancelled", _("registration cancelled")


class Attendance(models.TextChoices):
    NOT_RECORDED = "", _("not recorded")
    PRESENT = "present", _("present")
    PARTLY = "partly", _("partly present")
    ABSENT = "absent", _("absent")


# Registers give points only for the whole training: someone partly present gets their hours
# on the presence list, but no points (PE-online and the registers ask for full attendance).
POINTS_NEED_FULL_ATTENDANCE = True
