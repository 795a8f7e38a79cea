from django.db import models
from django.utils.translation import gettext_lazy as _


class Domain(models.TextChoices):
    MEDICAL = "medical", _("Medical")
    SOCIAL = "social", _("Social")
    PUBLIC_HEALTH = "public_health", _("Public health")
    MUNICIPALITY = "municipality", _("Municipality")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    EDUCATION = "education", _("Education")
