"""The network's pages: the public agenda and feeds, the personal feed and its link page,
answering an invitation, and the coordinators' meeting screens."""

from kansrijk.network.views.personal import feed_link, personal_feed
from kansrijk.network.views.public import agenda, agenda_event_ics, agenda_feed
from kansrijk.network.views.rsvp import event_page, invitation_answer
from kansrijk.network.views.staff import (
    action_item_add,
    attendance,
    attendance_csv,
    decision_add,
    event_cancel,
    event_create,
    event_detail,
    event_edit,
    event_list,
    invite,
)

__all__ = [
    "action_item_add",
    "agenda",
    "agenda_event_ics",
    "agenda_feed",
    "attendance",
    "attendance_csv",
    "decision_add",
    "event_cancel",
    "event_create",
    "event_detail",
    "event_edit",
    "event_list",
    "event_page",
    "feed_link",
    "invitation_answer",
    "invite",
    "personal_feed",
]
