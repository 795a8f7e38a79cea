"""The demo agreements on top of the demo's coalitions and log-ins."""

import datetime

from django.test import TestCase, override_settings
from django.utils import timezone

from kansrijk.accounts import selectors as account_selectors
from kansrijk.agreements import integration, selectors
from kansrijk.agreements.constants import AgreementStatus
from kansrijk.agreements.demo import COVENANT_TITLE, MANIFEST_TITLE, demo_load
from kansrijk.agreements.models import AgreementDocument, AgreementVersion
from kansrijk.demo.services import demo_load as demo_load_all


def _users() -> dict:
    return {u.username: u for u in account_selectors.user_list()}


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
class DemoAgreementsTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        demo_load_all()
        demo_load(organisations={}, users=_users())

    def test_the_zaanstad_covenant_has_v1_adopted_and_v2_half_signed(self):
        document = AgreementDocument.objects.get(title=COVENANT_TITLE)
        current = selectors.version_current(document=document)
        self.assertEqual(current.number, 1)
        summary = selectors.version_summary(version=current)
        self.assertEqual((summary.signed, summary.total), (6, 6))
        open_version = selectors.version_open(document=document)
        self.assertEqual(open_version.status, AgreementStatus.CONSULTATION)
        summary = selectors.version_summary(version=open_version)
        self.assertEqual((summary.signed, summary.total), (3, 6))
        self.assertIn("Gemeente Zaanstad", [o.name for o in summary.waiting_for])
        self.assertTrue(selectors.version_compare(a=current, b=open_version))

    def test_the_zaanstad_signatory_has_the_covenant_to_sign(self):
        user = _users()["akkoord.gemeente-zaanstad"]
        section = integration.to_sign_section(user, timezone.localdate())
        self.assertEqual([v.document.title for v in section["versions"]], [COVENANT_TITLE])

    def test_the_zaanstad_coordinator_sees_the_evaluation_due(self):
        user = _users()["coordinator.zaanstad"]
        section = integration.evaluation_section(user, timezone.localdate())
        self.assertEqual([i["version"].document.title for i in section["items"]], [COVENANT_TITLE])

    def test_the_zuid_limburg_manifest_is_adopted_by_three_of_four(self):
        document = AgreementDocument.objects.get(title=MANIFEST_TITLE)
        summary = selectors.version_summary(version=selectors.version_current(document=document))
        self.assertEqual((summary.signed, summary.total), (3, 4))
        self.assertGreater(
            selectors.version_current(document=document).evaluation_due,
            timezone.localdate() + datetime.timedelta(days=30),
        )

    def test_loading_again_adds_nothing(self):
        before = AgreementVersion.objects.count()
        demo_load(organisations={}, users=_users())
        self.assertEqual(AgreementVersion.objects.count(), before)
