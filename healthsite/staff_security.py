"""Staff sign-in protection: the page shown when django-axes locks a sign-in out, and the admin
screen where an administrator lists lockouts and unlocks them."""

from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.template.response import TemplateResponse
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy


def lockout_response(request, original_response, credentials):
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "username": get_client_username(request, credentials) or "",
        "minutes": round(settings.AXES_COOLOFF_TIME.total_seconds() / 60),
    }
    return TemplateResponse(request, "lockout.html", context, status=429).render()


class UnlockOnlyPolicy(ModelPermissionPolicy):
    """Lockouts are made by failed sign-ins, never by hand: administrators may only remove them."""

    def user_has_permission(self, user, action):
        return action == "delete" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "delete" in actions and self.user_has_permission(user, "delete")

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(["delete"] if "delete" in actions else [])


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = "Sign-in lockouts"
    add_to_settings_menu = True
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    form_fields = ["username"]  # required by ModelViewSet; no one may add or edit (UnlockOnlyPolicy)
