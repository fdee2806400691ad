from axes.models import AccessAttempt
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from healthsite.pagecache import depends_on, page_tag, section_tag
from healthsite.staff_security import LockoutViewSet, UnlockOnlyPolicy

register_permission_policy(AccessAttempt, UnlockOnlyPolicy(AccessAttempt))


@hooks.register("before_serve_page")
def record_page_tags(page, request, serve_args, serve_kwargs):
    """Every page shows itself, and any listing of its children."""
    depends_on(page_tag(page.pk), section_tag(page.pk))


@hooks.register("register_admin_viewset")
def register_lockouts():
    return LockoutViewSet("lockouts")
