"""The bilingual help card: Dutch beside her language, her own words, nothing stored."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kansrijk.demo.services import demo_load
from kansrijk.directory import selectors as directory_selectors


class HelpCardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        demo_load()
        cls.debt = directory_selectors.service_list().get(name="Schuldhulpverlening Heerlen")

    def url(self, lang):
        return reverse("portal:help_card", kwargs={"site": "heerlen", "lang": lang}) + (
            f"?lijst={self.debt.pk}"
        )

    def test_the_form_lists_the_chosen_help(self):
        response = self.client.get(self.url("en"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Schuldhulpverlening Heerlen")
        self.assertContains(response, 'name="vraag"')

    def test_the_card_has_a_dutch_and_an_arabic_column_with_her_own_words(self):
        question = "أحتاج مساعدة في الفواتير"
        with CaptureQueriesContext(connection) as queries:
            response = self.client.post(self.url("ar"), {"vraag": question})
        self.assertEqual(response.status_code, 200)
        content = response.content.decode()
        dutch = content.index('class="help-card__column" lang="nl" dir="ltr"')
        arabic = content.index('class="help-card__column" lang="ar" dir="rtl"')
        self.assertLess(dutch, arabic)  # Dutch first: at the start side
        self.assertEqual(content.count(question), 2)  # as she wrote it, in both columns
        self.assertEqual(content.count("Schuldhulpverlening Heerlen"), 2)
        self.assertNotIn("Set-Cookie", response.headers)
        writes = [
            q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
        ]
        self.assertEqual(writes, [])

    def test_on_a_dutch_page_the_card_has_one_column(self):
        response = self.client.post(self.url("nl"), {"vraag": ""})
        self.assertEqual(response.content.decode().count('class="help-card__column"'), 1)

    def test_a_question_that_is_too_long_gives_400(self):
        response = self.client.post(self.url("en"), {"vraag": "x" * 1001})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Your question is too long", status_code=400)
