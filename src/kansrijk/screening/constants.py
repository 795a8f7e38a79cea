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
AUDIT_SCREENING_RECORDED = "screening.recorded"
AUDIT_SCREENING_VIEWED = "screening.viewed"
AUDIT_SCREENINGS_PSEUDONYMISED = "screening.pseudonymised"

# object_type of the audit events about a client's screenings.
AUDIT_OBJECT_SCREENING = "screening_response"
AUDIT_OBJECT_CLIENT = "client"

# Weeks of pregnancy (from the first day of the last period) at which the second and the third
# trimester start; a due date lies 40 weeks after that day.
SECOND_TRIMESTER_WEEK = 14
THIRD_TRIMESTER_WEEK = 28
PREGNANCY_DAYS = 280

# The theme of the pathway proposed when problems accumulate (e.g. Zaanstad's "Verwijzing
# Kwetsbare Zwangeren", which leads to the case consultation).
ACCUMULATION_THEME = "pregnancy-and-birth-care"

# How many services of the sociale kaart a proposal shows per theme.
PROPOSAL_SERVICES_PER_THEME = 5

# What to do now for a flag that asks for action today. No phone numbers here: contacts come
# from the sociale kaart.
URGENT_ACTIONS: dict[str, str] = {
    Flag.SELF_HARM: _(
        "Talk about it with the client right away, and consult the GP or crisis service. Do not "
        "wait for the next appointment."
    ),
    Flag.UNSAFE_HOME: _(
        "Talk about her safety today, when the partner is not there. Follow the reporting code "
        "for domestic violence and ask Veilig Thuis for advice."
    ),
}

# How many earlier screenings the overview lists.
SCREENING_HISTORY_LIMIT = 50
