from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kansrijk.accounts import services
from kansrijk.accounts.models import LoginThrottle, User, UserRole


class UserRoleInline(admin.TabularInline):
    model = UserRole
    extra = 1


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [UserRoleInline]
    list_display = ["username", "first_name", "last_name", "organisation", "roles_display"]
    list_filter = ["roles__role", "organisation", "is_active", "is_staff"]
    list_select_related = ["organisation"]
    search_fields = ["username", "first_name", "last_name", "email", "organisation__name"]
    autocomplete_fields = ["organisation"]
    readonly_fields = ["uuid", "last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["username", "password", "uuid"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "email"]}),
        (_("Organisation"), {"fields": ["organisation"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["username", "organisation", "usable_password", "password1", "password2"],
            },
        ),
    ]
    actions = ["reset_two_factor", "clear_lockout"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        return super().get_queryset(request).prefetch_related("roles")

    @admin.display(description=_("roles"))
    def roles_display(self, user: User) -> str:
        return ", ".join(str(role) for role in user.roles.all())

    @admin.action(description=_("Reset two-step verification (new phone)"))
    def reset_two_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            services.totp_devices_reset(user=user, by=request.user)
        count = len(queryset)
        self.message_user(
            request,
            ngettext(
                "Two-step verification was reset for %(count)d user. "
                "They set it up again at their next log-in.",
                "Two-step verification was reset for %(count)d users. "
                "They set it up again at their next log-in.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Lift the log-in lock-out"))
    def clear_lockout(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            services.login_lockout_clear(username=user.get_username())
        self.message_user(request, _("The lock-out was lifted."), messages.SUCCESS)


@admin.register(LoginThrottle)
class LoginThrottleAdmin(admin.ModelAdmin):
    list_display = ["username", "failures", "last_failure", "locked_until"]
    search_fields = ["username"]
    readonly_fields = ["username", "failures", "last_failure", "locked_until"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
