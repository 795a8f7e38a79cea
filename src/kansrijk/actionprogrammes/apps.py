from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionProgrammesConfig(AppConfig):
    name = "kansrijk.actionprogrammes"
    verbose_name = _("Action programmes")
