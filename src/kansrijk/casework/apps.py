from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "kansrijk.casework"
    verbose_name = _("Case consultation")

    def ready(self) -> None:
        from kansrijk.actions.contexts import register_context
        from kansrijk.casework import integration, selectors, services
        from kansrijk.casework.constants import ACTION_CONTEXT
        from kansrijk.clients import extensions
        from kansrijk.core.calendar import register_personal_source
        from kansrijk.core.worklist import register_section
        from kansrijk.pathways import extensions as pathway_extensions
        from kansrijk.pathways.constants import ActionKind

        register_context(
            ACTION_CONTEXT, may_dispose=integration.may_dispose, path=integration.agreement_path
        )
        extensions.register_export_section("case_consultations", selectors.cases_for_client_export)
        extensions.register_pseudonymiser(services.cases_pseudonymise)
        register_section(
            "casework.consultations",
            "casework/_worklist_section.html",
            integration.work_list_section,
            order=30,
        )
        register_personal_source("casework", integration.calendar_items)
        extensions.register_page_section(
            "casework/_client_section.html", integration.client_section, order=40
        )
        # A pathway's outcome "discuss in the case consultation" offers the submission.
        pathway_extensions.register_outcome_links(
            ActionKind.CASE_CONSULTATION, integration.pathway_outcome_links
        )

        from kansrijk.casework import selectors as casework_selectors
        from kansrijk.indicators.extract import register_source

        # Its facts for the monitoring extract (dates, area and yes/no only).
        register_source("case", casework_selectors.monitoring_case_facts)
