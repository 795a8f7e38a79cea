"""Vocabulary of screening: levels, flags, domains and the phases a cut-off can apply to.

The codes are plain strings in results (`ScreeningResult.level == "high"`); the TextChoices
give their Dutch labels.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    NORMAL = "normal", _("No raised score")
    ELEVATED = "elevated", _("Raised")
    HIGH = "high", _("High")


class Flag(models.TextChoices):
    SELF_HARM = "self_harm", _("Thoughts of self-harm")
    UNSAFE_HOME = "unsafe_home", _("Not safe at home")
    ACCUMULATION = "accumulation", _("Problems in several domains (accumulation)")


class Domain(models.TextChoices):
    """The domains of the seed stories, as the signal list asks about them."""

    PSYCHOSOCIAL = "psychosocial", _("Psychosocial problems")
    TEENAGE_PREGNANCY = "teenage_pregnancy", _("Teenage pregnancy")
    POVERTY_DEBTS = "poverty_debts", _("Stress from poverty or debts")
    RESIDENCE_STATUS = "residence_status", _("Stress from residence status")
    SUBSTANCE_USE = "substance_use", _("Alcohol or drug use")
    DOMESTIC_VIOLENCE = "domestic_violence", _("Domestic violence or an unsafe home")
    HEALTH_LITERACY = "health_literacy", _("Limited health literacy")
    LOW_LITERACY = "low_literacy", _("Difficulty reading, writing or speaking Dutch")
    DEPRIVED_NEIGHBOURHOOD = "deprived_neighbourhood", _("Deprived neighbourhood")
    SOCIAL_NETWORK = "social_network", _("Few people to turn to")


class Phase(models.TextChoices):
    """When a coalition's cut-off applies; ANY is the coalition's cut-off for every phase."""

    ANY = "", _("Every phase")
    FIRST_TRIMESTER = "first_trimester", _("First trimester")
    SECOND_TRIMESTER = "second_trimester", _("Second trimester")
    THIRD_TRIMESTER = "third_trimester", _("Third trimester")
    POSTPARTUM = "postpartum", _("After the birth")


# Flags that ask for action today, whatever the total.
URGENT_FLAGS = frozenset({Flag.SELF_HARM.value, Flag.UNSAFE_HOME.value})

# Problems accumulate (stapeling) from this many domains on.
ACCUMULATION_DOMAINS = 2

# The sociale kaart's theme codes (directory taxonomy) per domain, for finding help.
DOMAIN_THEMES: dict[str, tuple[str, ...]] = {
    Domain.PSYCHOSOCIAL: ("mental-health",),
    Domain.TEENAGE_PREGNANCY: ("pregnancy-and-birth-care",),
    Domain.POVERTY_DEBTS: ("debts-and-money",),
    Domain.RESIDENCE_STATUS: ("residence-status",),
    Domain.SUBSTANCE_USE: ("substance-use",),
    Domain.DOMESTIC_VIOLENCE: ("domestic-violence-and-safety",),
    Domain.HEALTH_LITERACY: ("language-and-literacy",),
    Domain.LOW_LITERACY: ("language-and-literacy",),
    Domain.DEPRIVED_NEIGHBOURHOOD: (),
    Domain.SOCIAL_NETWORK: ("social-network-and-loneliness",),
}

# The sociale kaart's target group codes per domain.
DOMAIN_TARGET_GROUPS: dict[str, tuple[str, ...]] = {
    Domain.TEENAGE_PREGNANCY: ("teenage-parents",),
}

# Boolean inputs of the demo's Zaanstad pathway ("Verwijzing Kwetsbare Zwangeren") that a
# domain answers; its decision "Aantal domeinen" counts them. Other pathways may reuse these.
DOMAIN_PATHWAY_VARIABLES: dict[str, str] = {
    Domain.PSYCHOSOCIAL: "Psychisch",
    Domain.TEENAGE_PREGNANCY: "Tienerzwangerschap",
    Domain.POVERTY_DEBTS: "Schulden",
    Domain.RESIDENCE_STATUS: "Verblijfsstatus",
    Domain.DOMESTIC_VIOLENCE: "Onveilig",
    Domain.HEALTH_LITERACY: "Taal",
    Domain.LOW_LITERACY: "Taal",
    Domain.SOCIAL_NETWORK: "Netwerk",
}

# Scoring rules an instrument can use.
SCORING_SUM = "sum"  # total = the sum of the answers' scores
SCORING_DOMAIN_COUNT = "domain_count"  # total = the number of domains with a scoring answer

# The largest file `kansrijk screening import-texts` reads.
TEXTS_FILE_MAX_BYTES = 1_000_000

# Audit actions written by this app.
AUDIT_CUTOFF_SET = "screening.cutoff_set"
AUDIT_CUTOFF_CLEARED = "screening.cutoff_cleared"
AUDIT_TEXTS_IMPORTED = "screening.texts_imported"

# Who sets a coalition's cut-offs: a coordinator (or administrator) of a member organisation.
CUTOFF_EDITOR_ROLES = ("coordinator", "admin")
