"""Template context for the shared layout (navigation): which sections this user may open."""

from django.conf import settings
from django.http import HttpRequest

from kansrijk.accounts.constants import Role
from kansrijk.accounts.selectors import user_has_role
from kansrijk.casework import selectors as casework_selectors
from kansrijk.clients import selectors as client_selectors
from kansrijk.monitoring import selectors as monitoring_selectors
from kansrijk.network import selectors as network_selectors
from kansrijk.portal import selectors as portal_selectors
from kansrijk.referrals import selectors as referral_selectors
from kansrijk.soundingboard import selectors as soundingboard_selectors
from kansrijk.trainings import selectors as training_selectors

DIRECTORY_MANAGER_ROLES = (Role.DIRECTORY_EDITOR, Role.COORDINATOR, Role.ADMIN)


def navigation(request: HttpRequest) -> dict:
    user = request.user
    return {
        "staff_languages": settings.KANSRIJK_STAFF_LANGUAGES,
        "nav_can_manage_directory": user.is_authenticated
        and user_has_role(user, *DIRECTORY_MANAGER_ROLES),
        "nav_clients": client_selectors.user_works_with_clients(user),
        # Coordinators have work-list sections too (volunteers, groups, agreements).
        "nav_work_list": referral_selectors.user_works_with_referrals(user)
        or (user.is_authenticated and user_has_role(user, Role.COORDINATOR)),
        "nav_programmes": client_selectors.user_works_with_clients(user),
        "nav_casework": casework_selectors.user_works_with_consultations(user),
        "nav_trainings": training_selectors.user_sees_trainings(user),
        "nav_soundingboard": soundingboard_selectors.user_coordinates_a_board(user),
        "nav_network": network_selectors.may_manage_meetings(user),
        # Coordinators and policy advisers: the dashboard and the action programme.
        "nav_monitoring": monitoring_selectors.user_sees_dashboards(user),
        "nav_my_families": user.is_authenticated and user_has_role(user, Role.VOLUNTEER),
        "nav_volunteers": user.is_authenticated and user_has_role(user, Role.COORDINATOR),
        # Coordinators and directory editors: the pages of their coalition's parent sites.
        "nav_parent_sites": portal_selectors.editor_sites_for_user(user=user)
        if user.is_authenticated and user_has_role(user, *DIRECTORY_MANAGER_ROLES)
        else [],
        "nav_referral_overview": user.is_authenticated
        and not referral_selectors.user_works_with_referrals(user)
        and referral_selectors.user_sees_overview(user),
    }
