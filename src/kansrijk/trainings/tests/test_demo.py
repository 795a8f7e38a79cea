"""The demo training in Zuid-Limburg: accredited, with a past edition with attendance and a
public upcoming edition; loading twice adds nothing."""

from django.test import TestCase, override_settings
from django.utils import timezone

from kansrijk.accounts import selectors as account_selectors
from kansrijk.demo import services as demo_services
from kansrijk.demo.data.coalitions import PARTNERS
from kansrijk.organisations import selectors as organisation_selectors
from kansrijk.trainings import demo, selectors
from kansrijk.trainings.constants import AccreditationStatus, Register
from kansrijk.trainings.models import Course, Edition, Registration


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
class TrainingsDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        demo_services.demo_load()
        by_name = {o.name: o for o in organisation_selectors.organisation_list()}
        cls.organisations = {p.key: by_name[p.name] for p in PARTNERS}
        cls.users = {u.username: u for u in account_selectors.user_list()}
        demo.demo_load(organisations=cls.organisations, users=cls.users)

    def test_zuid_limburg_has_the_accredited_positive_health_training(self):
        course = Course.objects.get(uuid=demo.demo_uuid("positive-health"))
        self.assertEqual(course.coalition.slug, "zuid-limburg")
        coordinator = self.users["coordinator.zuidlimburg"]
        self.assertEqual(list(selectors.courses_for_coordinator(coordinator)), [course])
        granted = {
            a.register
            for a in selectors.accreditations_for_course(course=course)
            if a.status == AccreditationStatus.GRANTED
        }
        self.assertTrue({Register.VVN, Register.KNOV} <= granted)

    def test_the_past_edition_has_presence_lists_with_points(self):
        past = Edition.objects.get(uuid=demo.demo_uuid("positive-health-past"))
        knov = selectors.presence_list(edition=past, register=Register.KNOV)
        self.assertEqual([row.registration.register_number for row in knov], ["19012345601"])
        self.assertEqual(knov[0].points, 6)
        vvn = selectors.presence_list(edition=past, register=Register.VVN)
        self.assertEqual(len(vvn), 2)  # one present, one partly (no points)
        self.assertEqual(sorted(row.points for row in vvn), [0, 6])

    def test_the_upcoming_edition_is_public_for_the_agenda(self):
        coalition = organisation_selectors.coalition_get(slug="zuid-limburg")
        found = selectors.public_training_editions(coalition=coalition, since=timezone.now())
        self.assertEqual([e.uuid for e in found], [demo.demo_uuid("positive-health-next")])

    def test_the_social_worker_sees_her_registration_and_the_open_edition(self):
        worker = self.users["wijkwerker.heerlen"]
        self.assertEqual(selectors.registrations_for_user(user=worker).count(), 1)
        open_editions = selectors.editions_open_for(user=worker, now=timezone.now())
        self.assertEqual([e.uuid for e in open_editions], [demo.demo_uuid("positive-health-next")])

    def test_loading_twice_adds_nothing(self):
        before = Registration.objects.count()
        demo.demo_load(organisations=self.organisations, users=self.users)
        self.assertEqual(Registration.objects.count(), before)
        self.assertEqual(Course.objects.count(), 1)
