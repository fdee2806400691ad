"""How a signed-in user is loaded, and their permissions read, on each of their requests."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q


class UserWithProfileBackend(ModelBackend):
    """Django's own sign-in and permission rules in fewer queries: the user bar, on every page a
    signed-in user views, reads their Wagtail profile (admin theme) and asks whether they may use
    the admin at all."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        """Django's check, final when it fails: ModelBackend, listed after this backend for sessions
        signed in under it, would hash the same wrong password a second time."""
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            raise PermissionDenied
        return user

    def get_user(self, user_id):
        user = get_user_model()._default_manager.select_related("wagtail_userprofile").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        """The user's own permissions and their groups' in one query, where Django takes two."""
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            permissions = Permission.objects.all()
            if not user_obj.is_superuser:
                permissions = permissions.filter(Q(user=user_obj) | Q(group__user=user_obj))
            names = permissions.values_list("content_type__app_label", "codename").distinct()
            user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in names}
        return user_obj._perm_cache
