"""The work lists: the professional's "what needs me now", the receiving organisation's
"incoming, to accept", and the coordinator's counts and overdue referrals without any client
detail."""

import datetime
import re

from django.utils import timezone

from kansrijk.referrals import services
from kansrijk.referrals.constants import ReferralStatus
from kansrijk.referrals.models import Referral
from kansrijk.referrals.selectors import coordinator_overview, work_list_for_professional
from kansrijk.referrals.tests.factories import bring_to, move

S = ReferralStatus


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def _overdue(referral):
    Referral.objects.filter(pk=referral.pk).update(
        answer_due=timezone.localdate() - datetime.timedelta(days=3)
    )


def test_the_receiver_sees_an_incoming_referral_to_accept(referral, receiver, login_as):
    work = work_list_for_professional(receiver)
    assert work.incoming == [referral]
    page = _text(login_as(receiver).get("/verwijzingen/"))
    assert "Binnengekomen: accepteren of afwijzen" in page
    assert referral.client.pseudonym in page


def test_an_accepted_referral_moves_to_in_care(referral, receiver):
    move(referral, to=S.ACCEPTED, user=receiver)
    work = work_list_for_professional(receiver)
    assert work.incoming == []
    assert [r.pk for r in work.in_care] == [referral.pk]


def test_the_sender_sees_her_open_referrals_and_clients(referral, sender, demo_client, login_as):
    work = work_list_for_professional(sender)
    assert work.outgoing == [referral]
    assert work.incoming == []
    assert [c.pk for c in work.clients] == [demo_client.pk]
    assert work.clients[0].open_referrals == 1
    page = _text(login_as(sender).get("/verwijzingen/"))
    assert "Open verwijzingen van uw organisatie" in page
    assert "1 open verwijzing" in page


def test_a_question_back_waits_for_the_sender(referral, sender, receiver, login_as):
    services.referral_question_ask(referral_id=referral.pk, user=receiver, text="Tolk nodig?")
    work = work_list_for_professional(sender)
    assert [q.referral_id for q in work.questions] == [referral.pk]
    assert work.needs_me_count == 1
    assert "Vragen die op uw antwoord wachten" in _text(login_as(sender).get("/verwijzingen/"))
    assert work_list_for_professional(receiver).questions == []


def test_a_rejected_referral_asks_the_sender_for_another_service(referral, sender, receiver):
    bring_to(referral, S.REJECTED, sender=sender, receiver=receiver)
    assert [r.pk for r in work_list_for_professional(sender).need_new_service] == [referral.pk]


def test_an_overdue_referral_is_marked(referral, sender, login_as):
    _overdue(referral)
    work = work_list_for_professional(sender)
    assert work.outgoing[0].is_overdue
    assert "te laat" in _text(login_as(sender).get("/verwijzingen/"))


def test_others_see_nothing_of_it(referral, outsider):
    work = work_list_for_professional(outsider)
    assert (work.incoming, work.outgoing, work.clients, work.questions) == ([], [], [], [])


def test_the_coordinator_sees_counts_and_overdue_without_client_details(
    referral, coordinator, sender, receiver, login_as, service, demo_client, consent
):
    from kansrijk.referrals.tests.factories import make_referral

    second = make_referral(sender=sender, service=service, client=demo_client)
    move(second, to=S.ACCEPTED, user=receiver)
    _overdue(referral)

    overview = coordinator_overview(coordinator)
    counts = {code: count for code, _label, count in overview.counts}
    assert counts[S.REQUESTED] == 1 and counts[S.ACCEPTED] == 1 and overview.total == 2
    assert [row.service_name for row in overview.overdue] == [referral.service_name]
    assert overview.overdue[0].days_late == 3
    assert not hasattr(overview.overdue[0], "client")

    response = login_as(coordinator).get("/verwijzingen/overzicht/")
    page = _text(response)
    assert response.status_code == 200
    assert referral.service_name in page and sender.organisation.name in page
    assert demo_client.pseudonym not in page
    for item in (referral, second):
        assert str(item.uuid) not in page
    assert str(demo_client.uuid) not in page
    assert "/verwijzingen/" + str(referral.uuid) not in page


def test_the_coordinator_of_another_coalition_sees_none_of_it(referral, login_as):
    from kansrijk.accounts.constants import Role
    from kansrijk.accounts.testing import make_user

    elsewhere = make_user(roles=[Role.COORDINATOR])
    assert coordinator_overview(elsewhere).total == 0
