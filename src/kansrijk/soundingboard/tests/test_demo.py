"""The Gelderland-Midden demo: a sounding board of six parents with inputs and what was done
with them."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_organisation, make_user
from kansrijk.organisations.services import coalition_create
from kansrijk.soundingboard import selectors
from kansrijk.soundingboard.demo import demo_load
from kansrijk.soundingboard.models import (
    AdviceRequest,
    Member,
    MemberIdentity,
    Session,
    SoundingBoard,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def gelderland():
    ggd = make_organisation(name="GGD Gelderland-Midden (test)")
    coalition_create(
        slug="gelderland-midden",
        name="Kansrijke Start Gelderland-Midden",
        municipality_codes=["GM0202", "GM0228", "GM0226"],
        member_organisations=[ggd],
    )
    return {"coordinator.gelderland": make_user(organisation=ggd, roles=[Role.COORDINATOR])}


def test_the_demo_loads_a_board_with_inputs_and_what_was_done(gelderland):
    demo_load(organisations={}, users=gelderland)

    board = SoundingBoard.objects.get()
    assert Member.objects.filter(board=board).count() == 6
    assert Session.objects.filter(board=board).count() == 3
    outcomes = sorted(AdviceRequest.objects.values_list("outcome", flat=True))
    assert outcomes == ["", "adopted", "partly_adopted"]
    # Ouder E withdrew, Ouder F never consented: four identities are stored.
    assert MemberIdentity.objects.count() == 4
    section = selectors.work_list_section(
        gelderland["coordinator.gelderland"], timezone.localdate()
    )
    assert [r.title for r in section["soundingboard_waiting"]] == [
        "Een ouderavond over de eerste 1000 dagen"
    ]
    page = Client().get(reverse("soundingboard:you_said_we_did", args=["gelderland-midden"]))
    assert "Advies deels overgenomen" in page.text and "Ouder A" not in page.text


def test_loading_the_demo_twice_adds_nothing_the_second_time(gelderland):
    demo_load(organisations={}, users=gelderland)
    demo_load(organisations={}, users=gelderland)
    assert SoundingBoard.objects.count() == 1
    assert Member.objects.count() == 6


def test_without_the_coalition_the_demo_loads_nothing(db):
    demo_load(organisations={}, users={})
    assert not SoundingBoard.objects.exists()
