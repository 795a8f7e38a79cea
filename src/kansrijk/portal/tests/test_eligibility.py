"""'Is this for me?': the demo's DMN checks, her answers, and what she sees."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kansrijk.demo.services import demo_load
from kansrijk.directory import selectors as directory_selectors
from kansrijk.portal import demo_checks
from kansrijk.portal.models import EligibilityCheck, ParentSite


class EligibilityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        demo_load()
        cls.debt = directory_selectors.service_list().get(name="Schuldhulpverlening Heerlen")
        cls.centering = directory_selectors.service_list().get(
            name="Centering Pregnancy Zuid-Limburg"
        )

    def url(self, service, lang="en"):
        return reverse(
            "portal:eligibility",
            kwargs={"site": "heerlen", "lang": lang, "service_id": service.pk},
        )

    def test_the_demo_has_checks_for_debt_help_and_centering_on_both_sites(self):
        heerlen = ParentSite.objects.get(slug="heerlen")
        ids = set(
            EligibilityCheck.objects.filter(site=heerlen).values_list("service_id", flat=True)
        )
        self.assertEqual(ids, {self.debt.pk, self.centering.pk})
        self.assertEqual(EligibilityCheck.objects.filter(site__slug="zaanstad").count(), 2)
        demo_checks.demo_load(site=heerlen)  # again: nothing new
        self.assertEqual(EligibilityCheck.objects.filter(site=heerlen).count(), 2)

    def test_the_questions_are_yes_no_radio_buttons_in_her_language(self):
        response = self.client.get(self.url(self.debt))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<legend>Do you live in Heerlen?</legend>", html=True)
        self.assertContains(response, 'type="radio" name="heeft_schulden" value="ja"')
        response = self.client.get(self.url(self.debt, lang="nl"))
        self.assertContains(response, "Woon je in Heerlen?")

    def test_a_language_without_the_question_falls_back_to_dutch(self):
        response = self.client.get(self.url(self.debt, lang="ti"))
        self.assertContains(response, '<legend lang="nl">Woon je in Heerlen?</legend>', html=True)

    def test_yes_to_both_the_help_fits_with_the_next_step(self):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.post(
                self.url(self.debt), {"woont_hier": "ja", "heeft_schulden": "ja"}
            )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This help fits you")
        self.assertContains(response, f"?dienst={self.debt.pk}")
        self.assertNotIn("Set-Cookie", response.headers)
        writes = [
            q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
        ]
        self.assertEqual(writes, [])

    def test_no_debts_the_help_does_not_fit_with_the_reason_and_alternatives(self):
        response = self.client.post(
            self.url(self.debt), {"woont_hier": "ja", "heeft_schulden": "nee"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This help is probably not for you")
        self.assertContains(response, "This help is for people with debts")
        self.assertContains(response, "Other help for the same topic")
        self.assertContains(response, "Budgetcoaching Heerlen")
        self.assertNotContains(response, "Budgetcoaching Zaanstad")

    def test_more_than_28_weeks_centering_does_not_fit(self):
        response = self.client.post(
            self.url(self.centering), {"zwanger": "ja", "minder_dan_28_weken": "nee"}
        )
        self.assertContains(response, "The group starts early in pregnancy")

    def test_an_unanswered_question_gives_400_and_keeps_the_answers(self):
        response = self.client.post(self.url(self.debt), {"woont_hier": "ja"})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Please answer every question", status_code=400)
        self.assertContains(response, 'aria-describedby="error_heeft_schulden"', status_code=400)
        self.assertContains(response, 'name="woont_hier" value="ja" checked', status_code=400)

    def test_a_broken_table_gives_a_friendly_message_not_500(self):
        EligibilityCheck.objects.filter(service_id=self.debt.pk).update(dmn_xml="<niet-af")
        response = self.client.post(
            self.url(self.debt), {"woont_hier": "ja", "heeft_schulden": "ja"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "we cannot check this right now")

    def test_a_table_named_like_a_file_is_not_read_from_disk(self):
        EligibilityCheck.objects.filter(service_id=self.debt.pk).update(dmn_xml="/etc/passwd")
        response = self.client.post(
            self.url(self.debt), {"woont_hier": "ja", "heeft_schulden": "ja"}
        )
        self.assertContains(response, "we cannot check this right now")

    def test_a_service_without_a_check_has_no_check_page(self):
        other = directory_selectors.service_list().get(name="Budgetcoaching Heerlen")
        self.assertEqual(self.client.get(self.url(other)).status_code, 404)
