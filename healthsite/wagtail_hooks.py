from axes.models import AccessAttempt
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.permissions import register_permission_policy

from healthsite.pagecache import depends_on, page_tag, section_tag
from healthsite.staff_security import LockoutViewSet, UnlockOnlyPolicy

register_permission_policy(AccessAttempt, UnlockOnlyPolicy(AccessAttempt))


@hooks.register("before_serve_page")
def record_page_tags(page, request, serve_args, serve_kwargs):
    """Every page shows itself, and any listing of its children."""
    depends_on(page_tag(page.pk), section_tag(page.pk))


@hooks.register("construct_wagtail_userbar")
def check_accessibility_in_previews(request, items, page):
    """The accessibility checker where editors change a page: its preview. On the live site the
    bar keeps its Edit link, without the checker's configuration serialised into every page a
    staff member reads."""
    if not getattr(request, "is_preview", False):
        items[:] = [item for item in items if not isinstance(item, ContentCheckerItem)]


@hooks.register("register_admin_viewset")
def register_lockouts():
    return LockoutViewSet("lockouts")
