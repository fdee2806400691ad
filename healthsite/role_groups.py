"""Make each role's group hold exactly the permissions declared for it in healthsite.roles."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

from healthsite.roles import ROLES


def _permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(action):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


def role_root_page():
    """Where page permissions attach: the default site's root page, else the tree root."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site is not None else Page.get_first_root_node()


def sync_role_groups(**kwargs):
    """Create each role's group and give it exactly the permissions declared for it."""
    root_page = role_root_page()
    root_collection = Collection.get_first_root_node()
    for name, role in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set([_permission(p) for p in role.permissions])
        _set_rows(
            group.page_permissions,
            GroupPagePermission,
            "page",
            root_page,
            [_page_permission(action) for action in role.page_actions],
        )
        _set_rows(
            group.collection_permissions,
            GroupCollectionPermission,
            "collection",
            root_collection,
            [_permission(p) for p in role.collection_permissions],
        )


def _set_rows(existing, model, target_field, target, permissions):
    """Leave the group exactly the given permissions on `target` (none when there is no target yet)."""
    if target is None:
        existing.all().delete()
        return
    wanted = {permission.pk for permission in permissions}
    existing.exclude(**{target_field: target}, permission__in=wanted).delete()
    have = set(existing.filter(**{target_field: target}).values_list("permission", flat=True))
    model.objects.bulk_create(
        [model(group=existing.instance, permission_id=pk, **{target_field: target}) for pk in sorted(wanted - have)]
    )
