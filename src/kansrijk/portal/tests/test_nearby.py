"""Help nearby, a service's page, groups and my list, on the demo's Heerlen and Zaanstad sites."""

import datetime
import uuid

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from kansrijk.core import calendar as core_calendar
from kansrijk.core.calendar import AUDIENCE_PARENTS, CalendarItem
from kansrijk.demo.services import demo_load
from kansrijk.directory import selectors as directory_selectors

HEERLEN = "GM0917"
ZAANSTAD = "GM0479"


def url(name, site="heerlen", lang="nl", **kwargs):
    return reverse(f"portal:{name}", kwargs={"site": site, "lang": lang, **kwargs})


def service(name):
    return directory_selectors.service_list().get(name=name)


class NearbyTests(TestCase):
    """One class: loading the demo is the slow part."""

    @classmethod
    def setUpTestData(cls):
        demo_load()

    def assertPrivate(self, response):
        self.assertNotIn("Set-Cookie", response.headers)
        self.assertEqual(response["Cache-Control"], "no-store")

    def test_filtered_by_phase_and_topic_it_lists_heerlen_help_only(self):
        response = self.client.get(
            url("help_list"), {"gemeente": HEERLEN, "fase": "pregnancy", "onderwerp": "money"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Schuldhulpverlening Heerlen")
        self.assertNotContains(response, "Zaanstad")
        self.assertNotContains(response, "Centering Pregnancy")  # another topic
        self.assertPrivate(response)

    def test_the_sites_one_municipality_is_chosen_without_asking(self):
        response = self.client.get(url("help_list"), {"onderwerp": "pregnancy-care"})
        self.assertContains(response, "Centering Pregnancy Zuid-Limburg")
        self.assertContains(response, f'<option value="{HEERLEN}" selected>')

    def test_a_municipality_of_another_site_gives_a_clear_message(self):
        response = self.client.get(url("help_list", lang="en"), {"gemeente": ZAANSTAD})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "This site does not know this municipality", status_code=400)
        self.assertNotContains(response, "Schuldhulpverlening Zaanstad", status_code=400)
        self.assertPrivate(response)

    def test_an_unknown_phase_or_neighbourhood_gives_400_not_500(self):
        for params in ({"fase": "teenager"}, {"wijk": "BU99999999"}, {"onderwerp": "x"}):
            with self.subTest(params=params):
                response = self.client.get(url("help_list"), params)
                self.assertEqual(response.status_code, 400)

    def test_a_card_shows_cost_languages_and_one_next_step(self):
        response = self.client.get(
            url("help_list", lang="en"), {"onderwerp": "money", "fase": "pregnancy"}
        )
        debt = service("Schuldhulpverlening Heerlen")
        self.assertContains(response, "Free")
        self.assertContains(response, "Arabic")
        self.assertContains(response, 'href="tel:0451234493"')  # the food bank: call them
        # Self-referral to a partner's service: ask for help through this site.
        self.assertContains(response, f"?dienst={debt.pk}&amp;onderwerp=money")

    def test_add_to_my_list_keeps_the_filters_and_adds_the_service(self):
        debt = service("Schuldhulpverlening Heerlen")
        response = self.client.get(url("help_list"), {"onderwerp": "money"})
        self.assertContains(response, f"lijst={debt.pk}")
        response = self.client.get(url("help_list"), {"onderwerp": "money", "lijst": str(debt.pk)})
        self.assertContains(response, url("my_list") + f"?lijst={debt.pk}")

    def test_on_a_page_in_arabic_directory_texts_are_marked_dutch(self):
        response = self.client.get(url("help_list", lang="ar"), {"onderwerp": "money"})
        debt = service("Schuldhulpverlening Heerlen")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, f'id="service-{debt.pk}" lang="nl"')
        self.assertContains(response, 'class="label-dutch"')

    def test_the_service_page_shows_the_full_card_and_the_check(self):
        debt = service("Schuldhulpverlening Heerlen")
        response = self.client.get(url("service", service_id=debt.pk))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Inwoners van Heerlen")
        self.assertContains(response, url("eligibility", service_id=debt.pk))
        self.assertPrivate(response)

    def test_a_service_outside_the_site_is_not_found(self):
        other = service("Schuldhulpverlening Zaanstad")
        self.assertEqual(self.client.get(url("service", service_id=other.pk)).status_code, 404)
        self.assertEqual(self.client.get(url("service", service_id=uuid.uuid4())).status_code, 404)

    def test_groups_show_date_place_and_the_coalition_feed(self):
        starts = timezone.now() + datetime.timedelta(days=3)

        def source(coalition, since):
            yield CalendarItem(
                uid="demo-moeders@example.nl",
                title="Demo Moederscafé",
                starts=starts,
                ends=starts + datetime.timedelta(hours=2),
                location="Buurthuis Demo, Heerlen",
                audience=AUDIENCE_PARENTS,
            )
            yield CalendarItem(uid="demo-training@example.nl", title="Demo training", starts=starts)
            yield CalendarItem(
                uid="demo-cancelled@example.nl",
                title="Demo afgelast",
                starts=starts,
                cancelled=True,
                audience=AUDIENCE_PARENTS,
            )

        core_calendar.register_public_source("test-groups", source)
        self.addCleanup(core_calendar._PUBLIC_SOURCES.pop, "test-groups")
        response = self.client.get(url("groups"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Demo Moederscafé")
        self.assertContains(response, "Buurthuis Demo, Heerlen")
        self.assertNotContains(response, "Demo afgelast")
        self.assertNotContains(response, "Demo training")  # for professionals
        self.assertContains(response, "webcal://testserver/agenda/zuid-limburg.ics?voor=ouders")
        self.assertPrivate(response)

    def test_my_list_shows_the_services_a_share_link_and_a_qr_code(self):
        debt = service("Schuldhulpverlening Heerlen")
        lijst = f"{debt.pk},{uuid.uuid4()},not-an-id"
        response = self.client.get(url("my_list"), {"lijst": lijst})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Schuldhulpverlening Heerlen")
        share = f"http://testserver{url('my_list')}?lijst={debt.pk}"
        self.assertContains(response, f'value="{share}"')
        self.assertContains(response, "sms:?&amp;body=http%3A%2F%2Ftestserver")
        self.assertContains(
            response, '<svg xmlns="http://www.w3.org/2000/svg" class="qr-code" role="img"'
        )
        self.assertContains(response, "data-print hidden")
        self.assertContains(response, 'class="notice"')  # unknown ids were left out
        self.assertPrivate(response)

    def test_at_most_ten_services(self):
        ids = [
            str(s.pk) for s in directory_selectors.service_search(municipality_code=HEERLEN)[:12]
        ]
        response = self.client.get(url("my_list"), {"lijst": ",".join(ids)})
        self.assertEqual(response.content.decode().count('class="nearby-card"'), 10)

    def test_a_neighbourhood_narrows_the_search(self):
        response = self.client.get(url("help_list"), {"wijk": "BU09171200", "onderwerp": "money"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Schuldhulpverlening Heerlen")
        self.assertContains(response, '<option value="BU09171200" selected>')

    def test_no_page_sets_a_cookie_or_may_be_cached(self):
        debt = service("Schuldhulpverlening Heerlen")
        for path in (
            url("help_list"),
            url("service", service_id=debt.pk),
            url("eligibility", service_id=debt.pk),
            url("groups"),
            url("my_list") + f"?lijst={debt.pk}",
            url("help_card") + f"?lijst={debt.pk}",
            url("reminders"),
        ):
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 200)
                self.assertPrivate(response)
        self.assertEqual(self.client.cookies, {})
