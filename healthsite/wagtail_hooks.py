from axes.models import AccessAttempt
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from healthsite.staff_security import LockoutViewSet, UnlockOnlyPolicy

register_permission_policy(AccessAttempt, UnlockOnlyPolicy(AccessAttempt))


@hooks.register("register_admin_viewset")
def register_lockouts():
    return LockoutViewSet("lockouts")
