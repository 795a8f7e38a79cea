"""Template context for the shared layout (navigation)."""

from django.http import HttpRequest

from kansrijk.accounts.constants import Role
from kansrijk.accounts.selectors import user_has_role

DIRECTORY_MANAGER_ROLES = (Role.DIRECTORY_EDITOR, Role.COORDINATOR, Role.ADMIN)


def navigation(request: HttpRequest) -> dict:
    user = request.user
    return {
        "nav_can_manage_directory": user.is_authenticated
        and user_has_role(user, *DIRECTORY_MANAGER_ROLES),
    }
