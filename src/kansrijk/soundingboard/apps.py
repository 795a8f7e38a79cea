from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SoundingboardConfig(AppConfig):
    name = "kansrijk.soundingboard"
    verbose_name = _("Parents' sounding board")

    def ready(self) -> None:
        from kansrijk.core.worklist import register_section
        from kansrijk.soundingboard.selectors import work_list_section

        register_section(
            "soundingboard",
            "soundingboard/_work_section.html",
            work_list_section,
            order=300,
        )
