"""How a signed-in user is loaded on each of their requests."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UserWithProfileBackend(ModelBackend):
    """Django's own sign-in rules; a signed-in user is loaded with their Wagtail profile in the
    same query, as the user bar reads the profile (admin theme) on every page staff view."""

    def get_user(self, user_id):
        user = get_user_model()._default_manager.select_related("wagtail_userprofile").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
