"""Loading the demo: coalitions, log-ins and the sociale kaart, and loading it again."""

from io import StringIO

from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import TestCase, override_settings

from kansrijk.accounts import selectors as account_selectors
from kansrijk.accounts import services as account_services
from kansrijk.demo.data.coalitions import COALITIONS, USERS
from kansrijk.demo.data.pathways import PATHWAYS
from kansrijk.demo.hsds import demo_uuid
from kansrijk.demo.services import DEMO_PASSWORD, demo_load, demo_logins
from kansrijk.directory import selectors as directory_selectors
from kansrijk.directory import services as directory_services
from kansrijk.directory.confidentiality import address_visible
from kansrijk.directory.constants import THEME_TAXONOMY
from kansrijk.directory.kansrijke_start_taxonomy import TAXONOMIES
from kansrijk.directory.models import Location, Metadata, Organization, Service
from kansrijk.organisations import selectors as organisation_selectors
from kansrijk.pathways import selectors as pathway_selectors

THEMES = [code for code, _name, _description in TAXONOMIES[THEME_TAXONOMY][2]]
ZAANSTAD = "GM0479"


def _counts() -> dict[str, int]:
    return {
        "organisations": organisation_selectors.organisation_list().count(),
        "coalitions": organisation_selectors.coalition_list().count(),
        "users": account_selectors.user_list().count(),
        "services": directory_selectors.service_list().count(),
        "directory organisations": Organization.objects.count(),
        "locations": Location.objects.count(),
    }


# A fast hasher: the tests check which password works, not how it is stored.
@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
class DemoLoadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.result = demo_load()

    def test_loading_twice_adds_nothing(self):
        before = _counts()
        history = Metadata.objects.count()
        demo_load()
        self.assertEqual(_counts(), before)
        # Unchanged records write no new history either.
        self.assertEqual(Metadata.objects.count(), history)

    def test_refreshing_the_directory_twice_adds_nothing(self):
        demo_load(refresh_directory=True)
        before = _counts()
        demo_load(refresh_directory=True)
        self.assertEqual(_counts(), before)

    def test_edits_made_in_the_demo_survive_a_restart(self):
        service = directory_selectors.service_get(service_id=demo_uuid("service:GM0479:taalhuis"))
        directory_services.service_update(
            service=service,
            expected_version=service.version,
            updated_by="redacteur.zaanstad",
            description="Aangepast in de demo.",
        )
        demo_load()
        service.refresh_from_db()
        self.assertEqual(service.description, "Aangepast in de demo.")

    def test_it_creates_the_four_seed_coalitions_with_their_municipalities(self):
        zuid_limburg = organisation_selectors.coalition_get(slug="zuid-limburg")
        self.assertEqual(zuid_limburg.municipalities.count(), 16)
        self.assertIn("GM0917", {m.code for m in zuid_limburg.municipalities.all()})
        for slug in ("zaanstad", "gelderland-midden", "zeist"):
            self.assertIsNotNone(organisation_selectors.coalition_get(slug=slug))
        self.assertEqual(self.result.coalitions, len(COALITIONS))

    def test_every_theme_has_services_in_every_demo_municipality(self):
        codes = {code for coalition in COALITIONS for code in coalition.municipalities}
        missing = [
            (code, theme)
            for code in sorted(codes)
            for theme in THEMES
            if directory_selectors.service_search(
                municipality_code=code, theme_codes=[theme]
            ).count()
            < 2
        ]
        self.assertEqual(missing, [])

    def test_searching_schulden_in_zaanstad_finds_debt_help(self):
        found = [
            s.name
            for s in directory_selectors.service_search(
                query="schulden", municipality_code=ZAANSTAD
            )
        ]
        self.assertIn("Schuldhulpverlening Zaanstad", found)
        self.assertIn("Budgetcoaching Zaanstad", found)
        self.assertGreaterEqual(len(found), 8)
        self.assertNotIn("Schuldhulpverlening Heerlen", found)

    def test_zaanstad_focus_neighbourhood_services_reach_only_their_district(self):
        poelenburg = "BU04791213"  # Poelenburg Zuid, a buurt of wijk WK047912
        found = {
            s.name
            for s in directory_selectors.service_search(
                municipality_code=ZAANSTAD, neighbourhood_code=poelenburg
            )
        }
        self.assertIn("Wijkteam Poelenburg", found)
        self.assertNotIn("Wijkteam Rosmolenwijk", found)
        self.assertIn("Schuldhulpverlening Zaanstad", found)

    def test_demo_users_log_in_with_the_demo_password(self):
        for spec in USERS:
            user = authenticate(username=spec.username, password=DEMO_PASSWORD)
            self.assertIsNotNone(user, spec.username)
            self.assertEqual(set(user.role_codes), set(spec.roles))

    def test_users_who_need_a_second_factor_have_a_working_authenticator_key(self):
        logins = {login.username: login for login in demo_logins()}
        for spec in USERS:
            user = account_selectors.user_list().get(username=spec.username)
            device = account_selectors.totp_device_get(user=user)
            if not user.requires_2fa:
                self.assertIsNone(logins[spec.username].totp_secret)
                continue
            self.assertEqual(
                logins[spec.username].totp_secret, account_selectors.totp_secret_text(device)
            )
            code = account_services.totp_current_code(device)
            self.assertIsNotNone(account_services.totp_verify(user=user, code=code))

    def test_demo_code_prints_a_code_that_the_log_in_accepts(self):
        out = StringIO()
        call_command("demo_code", "verloskundige.zaanstad", stdout=out)
        user = account_selectors.user_list().get(username="verloskundige.zaanstad")
        self.assertIsNotNone(account_services.totp_verify(user=user, code=out.getvalue().strip()))

    def test_the_shelter_address_is_confidential_except_for_the_shelter_itself(self):
        shelter = Location.objects.select_related("organization").get(
            pk=demo_uuid("location:shelter:zaanstad:GM0479")
        )
        self.assertTrue(shelter.is_confidential)
        blijf = account_selectors.user_list().get(username="hulpverlener.blijf").organisation
        midwives = account_selectors.user_list().get(username="verloskundige.zaanstad")
        self.assertTrue(address_visible(location=shelter, organisation_id=blijf.pk))
        self.assertFalse(
            address_visible(location=shelter, organisation_id=midwives.organisation_id)
        )
        self.assertFalse(address_visible(location=shelter, organisation_id=None))

    def test_directory_editors_organisation_manages_entries(self):
        editor = account_selectors.user_list().get(username="redacteur.zaanstad")
        managed = Service.objects.filter(organization__managed_by=editor.organisation)
        self.assertTrue(managed.filter(name="Schuldhulpverlening Zaanstad").exists())


POELENBURG = "BU04791212"  # Poelenburg Noord, in the wijk Poelenburg
SIGNALS = ("Schulden", "Wonen", "Stress", "Psychisch", "Onveilig", "Netwerk", "Taal",
           "Tienerzwangerschap", "Verblijfsstatus")  # fmt: skip


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
class DemoPathwayTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        demo_load()

    def test_walking_zaanstad_for_poelenburg_with_debts_and_stress_ends_at_named_services(self):
        pathway = pathway_selectors.pathway_get_by_slug(slug="verwijzing-kwetsbare-zwangeren")
        version = pathway_selectors.version_current(pathway=pathway)
        answers = {name: "false" for name in SIGNALS}
        answers.update(Schulden="true", Stress="true", Toestemming="true")

        result = pathway_selectors.walk(
            definition=version.definition,
            answers=answers,
            municipality_code=ZAANSTAD,
            neighbourhood_code=POELENBURG,
        )

        self.assertTrue(result.finished, result.stuck or result.question)
        self.assertIn("Steunpunt Kwetsbare Zwangeren", result.outcome.step["title"])
        names = {card.service.name for card in result.outcome.services}
        self.assertTrue({"Wijkteam Poelenburg", "Schuldhulpverlening Zaanstad"} <= names, names)
        decisions = [entry for entry in result.path if entry.matched_rules]
        self.assertTrue(decisions, "the walk says which rule fired")

    def test_every_demo_pathway_is_approved_by_all_its_partners(self):
        for spec in PATHWAYS:
            pathway = pathway_selectors.pathway_get_by_slug(slug=spec.slug)
            version = pathway_selectors.version_current(pathway=pathway)
            self.assertIsNotNone(version, spec.slug)
            state = pathway_selectors.approval_state(version=version)
            self.assertEqual(state.waiting_for, [], spec.slug)

    def test_the_second_zaanstad_version_waits_for_three_partners(self):
        pathway = pathway_selectors.pathway_get_by_slug(slug="verwijzing-kwetsbare-zwangeren")
        open_version = pathway_selectors.version_open(pathway=pathway)
        self.assertEqual(open_version.number, 2)
        state = pathway_selectors.approval_state(version=open_version)
        self.assertEqual(
            sorted(o.name for o in state.waiting_for),
            ["Blijf Groep", "Gemeente Zaanstad", "Humanitas Zaanstreek"],
        )

    def test_loading_again_adds_no_pathway_or_version(self):
        before = [p.versions.count() for p in pathway_selectors.pathway_list()]
        demo_load()
        after = [p.versions.count() for p in pathway_selectors.pathway_list()]
        self.assertEqual(before, after)
