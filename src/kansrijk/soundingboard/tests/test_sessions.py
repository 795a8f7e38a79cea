"""Sessions with attendance per member, and expenses per member per session with the
coordinator's totals."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kansrijk.soundingboard import selectors, services
from kansrijk.soundingboard.constants import ExpenseKind
from kansrijk.soundingboard.models import Expense

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("amount", ["0", "-5", "0.00"])
def test_an_expense_of_zero_or_less_is_refused_in_dutch(member, session, amount):
    with pytest.raises(ValidationError) as error:
        services.expense_record(
            member=member, session=session, kind=ExpenseKind.TRAVEL, amount=amount
        )
    assert error.value.message_dict["amount"] == ["Een onkostenvergoeding is meer dan € 0."]


def test_the_expense_form_reads_a_dutch_comma_and_refuses_zero(
    login_as, coordinator, member, session
):
    client = login_as(coordinator)
    url = reverse("soundingboard:expense_add", args=[session.uuid])
    refused = client.post(url, {"member": str(member.uuid), "kind": "travel", "amount": "0"})
    assert refused.status_code == 400
    assert "Een onkostenvergoeding is meer dan € 0." in refused.text
    saved = client.post(url, {"member": str(member.uuid), "kind": "travel", "amount": "4,60"})
    assert saved.status_code == 302
    assert Expense.objects.get().amount == Decimal("4.60")


def test_the_expense_list_totals_per_member_and_what_is_still_to_pay(
    login_as, coordinator, board, member, session
):
    services.expense_record(member=member, session=session, kind="travel", amount="4.60")
    services.expense_record(
        member=member,
        session=session,
        kind="fee",
        amount=Decimal("20"),
        paid_on=session.date,
    )
    totals = selectors.board_expense_totals(board=board)
    assert totals.total == Decimal("24.60")
    assert totals.unpaid == Decimal("4.60")
    assert totals.rows[0].by_kind_list == [Decimal("4.60"), Decimal("0.00"), Decimal("20.00")]
    response = login_as(coordinator).get(reverse("soundingboard:expense_list", args=[board.uuid]))
    assert response.status_code == 200
    assert "€ 24,60" in response.text


def test_attendance_is_recorded_per_member(login_as, coordinator, board, member, session):
    other = services.member_register(board=board, pseudonym="Ouder B", joined_on=member.joined_on)
    response = login_as(coordinator).post(
        reverse("soundingboard:session_attendance", args=[session.uuid]),
        {"version": str(session.lock_version), "attended": [str(member.uuid)]},
    )
    assert response.status_code == 302
    rows = {
        row.member.pseudonym: row.attended for row in selectors.session_attendance(session=session)
    }
    assert rows == {"Ouder A": True, "Ouder B": False}
    assert other.pk


def test_a_stale_attendance_save_is_refused(login_as, coordinator, member, session):
    stale = session.lock_version
    services.session_attendance_set(session=session, attended=[member], lock_version=stale)
    response = login_as(coordinator).post(
        reverse("soundingboard:session_attendance", args=[session.uuid]),
        {"version": str(stale), "attended": []},
    )
    assert response.status_code == 409
    assert selectors.session_attendance(session=session)[0].attended is True
