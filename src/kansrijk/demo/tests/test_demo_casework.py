"""The demo's casework in Zaanstad: the midwife's clients, their consent and referrals in each
state of the loop, the overdue alert, who may see them, and an intact audit log."""

import json

from django.test import TestCase, override_settings
from django.utils import timezone

from kansrijk.accounts import selectors as account_selectors
from kansrijk.audit.selectors import audit_chain_verify, audit_events, audit_events_for_client
from kansrijk.clients import selectors as client_selectors
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.demo.data import casework
from kansrijk.demo.services import demo_load, demo_logins
from kansrijk.referrals import selectors as referral_selectors
from kansrijk.referrals import services as referral_services
from kansrijk.referrals.constants import ReferralStatus as S
from kansrijk.screening import selectors as screening_selectors


def _user(username: str):
    return account_selectors.user_list().get(username=username)


# A fast hasher: the tests check what the demo holds, not how passwords are stored.
@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
class DemoCaseworkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        demo_load()
        cls.midwife = _user(casework.MIDWIFE)
        cls.team = _user(casework.SOCIAL_TEAM)
        cls.jgz = _user("jgz.zaanstad")
        cls.coordinator = _user("coordinator.zaanstad")

    def _clients(self):
        return list(client_selectors.clients_visible_to(self.midwife))

    def _referrals(self):
        return list(referral_selectors.referrals_visible_to(self.midwife))

    def test_the_midwife_has_a_referral_in_each_state_of_the_loop(self):
        referrals = {r.status: r for r in self._referrals()}
        self.assertEqual(
            set(referrals),
            {S.REQUESTED, S.RECEIVED, S.ACCEPTED, S.IN_PROGRESS, S.COMPLETED, S.REJECTED},
        )
        self.assertIn("verslavingszorg", referrals[S.REJECTED].status_reason)
        self.assertIn("Betalingsregeling", referrals[S.COMPLETED].outcome)
        self.assertIsNotNone(referrals[S.IN_PROGRESS].support_started_on)
        for referral in referrals.values():
            self.assertEqual(referral.sender_user, self.midwife)
            self.assertEqual(referral.receiver_organisation, self.team.organisation)

    def test_her_clients_live_in_zaanstad_and_consented_to_the_social_team(self):
        clients = self._clients()
        self.assertEqual(len(clients), len(casework.CASES))
        self.assertEqual(
            {c.neighbourhood.code for c in clients}, {case.neighbourhood for case in casework.CASES}
        )
        self.assertTrue(any(c.neighbourhood.district.name == "Poelenburg" for c in clients))
        for client in clients:
            self.assertEqual(client.municipality.code, casework.MUNICIPALITY)
            self.assertEqual(client.organisation, self.midwife.organisation)
            self.assertIsNotNone(
                client_selectors.consent_covers(
                    client.pk, self.team.organisation_id, ConsentPurpose.REFERRAL
                )
            )
        self.assertEqual(
            sum(client_selectors.client_has_identity(client=c) for c in clients),
            sum(case.identity is not None for case in casework.CASES),
        )

    def test_every_client_was_screened_with_the_signal_list(self):
        screenings = []
        for client in self._clients():
            found = list(screening_selectors.screenings_for_client(client))
            self.assertIn("signal-list", {s.instrument for s in found})
            screenings += found
        signal_lists = [s for s in screenings if s.instrument == "signal-list"]
        self.assertTrue(any("accumulation" in s.flags for s in signal_lists))
        epds = [(s.total, s.level, s.urgent) for s in screenings if s.instrument == "epds"]
        self.assertEqual(epds, [(11, "elevated", False)])

    def test_the_unanswered_referral_is_overdue_and_alerted_once(self):
        overdue = [r for r in self._referrals() if r.status == S.REQUESTED]
        self.assertEqual(len(overdue), 1)
        self.assertLess(overdue[0].answer_due, timezone.localdate())
        self.assertIsNotNone(overdue[0].alerted_at)

        # Loading again and a later run of the overdue check alert nobody twice.
        demo_load()
        referral_services.referrals_alert_overdue()

        work = referral_selectors.work_list_for_professional(self.midwife)
        self.assertEqual([a.referral_id for a in work.alerts], [overdue[0].pk])
        coordinator_alerts = referral_selectors.alerts_for_coordinator(self.coordinator)
        self.assertEqual([a.referral_id for a in coordinator_alerts], [overdue[0].pk])
        overview = referral_selectors.coordinator_overview(self.coordinator)
        self.assertEqual([row.service_name for row in overview.overdue], ["Wijkteam Poelenburg"])

    def test_loading_twice_adds_no_clients_or_referrals(self):
        clients, referrals = len(self._clients()), len(self._referrals())
        demo_load()
        self.assertEqual(len(self._clients()), clients)
        self.assertEqual(len(self._referrals()), referrals)

    def test_the_social_team_sees_the_incoming_referrals_on_her_work_list(self):
        work = referral_selectors.work_list_for_professional(self.team)
        self.assertEqual({r.status for r in work.incoming}, {S.REQUESTED, S.RECEIVED})
        self.assertEqual([r.is_overdue for r in work.incoming], [True, False])
        self.assertEqual({r.status for r in work.in_care}, {S.ACCEPTED, S.IN_PROGRESS})
        # She may open the clients of the referrals she receives.
        for client in self._clients():
            self.assertIsNotNone(client_selectors.client_get_for_user(self.team, client.uuid))

    def test_a_professional_of_an_uninvolved_organisation_cannot_see_the_clients(self):
        for client in self._clients():
            self.assertIsNone(client_selectors.client_get_for_user(self.jgz, client.uuid))
        for referral in self._referrals():
            self.assertIsNone(referral_selectors.referral_get_for_user(self.jgz, referral.uuid))
        self.assertFalse(client_selectors.clients_visible_to(self.jgz).exists())

    def test_the_audit_chain_is_intact_and_names_every_client(self):
        check = audit_chain_verify()
        self.assertTrue(check.ok, check)
        for client in self._clients():
            actions = set(
                audit_events_for_client(client_id=str(client.uuid)).values_list("action", flat=True)
            )
            self.assertLessEqual(
                {"clients.registered", "clients.consent_recorded", "referrals.created"}, actions
            )

    def test_no_identifying_detail_is_in_the_audit_log(self):
        logged = json.dumps(
            list(audit_events().values("detail", "object_id", "actor_display")),
            ensure_ascii=False,
        )
        values = [
            value
            for case in casework.CASES
            if case.identity is not None
            for value in (case.identity.name, case.identity.phone, case.identity.email)
            if value
        ]
        self.assertTrue(values)
        for value in values:
            self.assertNotIn(value, logged)
        self.assertNotIn("Demo Cliënt", logged)

    def test_the_new_log_ins_are_printed_with_a_second_factor(self):
        logins = {login.username: login for login in demo_logins()}
        for username in (casework.SOCIAL_TEAM, "jgz.zaanstad"):
            self.assertIsNotNone(logins[username].totp_secret)
        self.assertEqual(logins[casework.SOCIAL_TEAM].organisation, "Gemeente Zaanstad")
