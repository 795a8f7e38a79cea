"""The demo's network events: `/agenda/zeist.ics` lists them, and loading twice adds nothing."""

import icalendar
from django.test import TestCase, override_settings

from kansrijk.accounts import selectors as account_selectors
from kansrijk.demo import services as demo_services
from kansrijk.demo.data.coalitions import PARTNERS
from kansrijk.network import demo
from kansrijk.network.models import Event
from kansrijk.organisations import selectors as organisation_selectors


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
class NetworkDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        demo_services.demo_load()
        by_name = {o.name: o for o in organisation_selectors.organisation_list()}
        cls.organisations = {p.key: by_name[p.name] for p in PARTNERS}
        cls.users = {u.username: u for u in account_selectors.user_list()}
        demo.demo_load(organisations=cls.organisations, users=cls.users)

    def test_the_zeist_feed_lists_the_demo_network_events(self):
        response = self.client.get("/agenda/zeist.ics")
        self.assertEqual(response.status_code, 200)
        calendar = icalendar.Calendar.from_ical(response.content)
        self.assertEqual(str(calendar["X-WR-CALNAME"]), "Kansrijke Start Zeist")
        titles = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
        network_events = {
            "Netwerkbijeenkomst Kansrijke Start Zeist",
            "Netwerkbijeenkomst: de eerste 1000 dagen in de wijk",
            "Netwerkcafé Kansrijke Start Zeist",
        }
        self.assertLessEqual(network_events, titles)
        # The group programmes' sessions are on the public agenda too (for parents).
        groups = titles - network_events
        self.assertTrue(groups and all(": bijeenkomst " in title for title in groups), groups)
        # The parent site's link holds the groups only.
        for_parents = icalendar.Calendar.from_ical(
            self.client.get("/agenda/zeist.ics?voor=ouders").content
        )
        self.assertEqual({str(e["SUMMARY"]) for e in for_parents.walk("VEVENT")}, groups)

    def test_the_zuid_limburg_feed_has_the_positive_health_training(self):
        response = self.client.get("/agenda/zuid-limburg.ics")
        calendar = icalendar.Calendar.from_ical(response.content)
        titles = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
        # Published by the trainings app through core.calendar's public sources.
        self.assertIn("Positieve Gezondheid in de eerste 1000 dagen", titles)
        page = self.client.get("/agenda/zuid-limburg/").content.decode()
        self.assertIn("Positieve Gezondheid in de eerste 1000 dagen", page)

    def test_loading_twice_adds_nothing(self):
        before = Event.objects.count()
        demo.demo_load(organisations=self.organisations, users=self.users)
        self.assertEqual(Event.objects.count(), before)
        self.assertEqual(before, len(demo.EVENTS))

    def test_zuid_limburg_has_a_past_meeting_with_attendance_decisions_and_agreements(self):
        from kansrijk.actions import selectors as action_selectors
        from kansrijk.network.constants import ACTION_CONTEXT_KIND

        event = Event.objects.get(uuid=demo.demo_event_uuid("zuid-limburg-core-past"))
        self.assertEqual(event.attendances.filter(present=True).count(), 3)
        self.assertEqual(event.decisions.count(), 2)
        items = action_selectors.action_items_for_context(
            context_kind=ACTION_CONTEXT_KIND, context_uuid=event.uuid
        )
        self.assertEqual([item.is_open for item in items.order_by("due_on")], [False, True])
        # The next meeting (the network meeting) asks for a disposition of the open one.
        from kansrijk.accounts.testing import login_verified

        login_verified(self.client, self.users["coordinator.zuidlimburg"])
        upcoming = demo.demo_event_uuid("zuid-limburg-network")
        page = self.client.get(f"/agenda/netwerk/{upcoming}/").content.decode()
        self.assertIn("Werkafspraak overdracht verloskundige-JGZ", page)

    def test_a_professionals_personal_feed_lists_her_meetings(self):
        from kansrijk.network import services

        token = services.feed_token_create(user=self.users["wijkwerker.heerlen"])
        response = self.client.get(f"/agenda/persoonlijk/{token.secret}.ics")
        calendar = icalendar.Calendar.from_ical(response.content)
        titles = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
        self.assertIn("Netwerkbijeenkomst Kansrijke Start Zuid-Limburg", titles)
        self.assertIn("Kernteamoverleg Kansrijke Start Zuid-Limburg", titles)
        # She said no to the managers' meeting.
        self.assertNotIn("Managersoverleg Kansrijke Start Zuid-Limburg", titles)

    def test_the_social_worker_is_asked_to_answer_the_network_meeting(self):
        from django.utils import timezone

        from kansrijk.network import integration

        section = integration.work_list_section(
            self.users["wijkwerker.heerlen"], timezone.localdate()
        )
        self.assertEqual(
            [i.event.title for i in section["invitations"]],
            ["Netwerkbijeenkomst Kansrijke Start Zuid-Limburg"],
        )
