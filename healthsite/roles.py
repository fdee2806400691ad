"""The staff roles, as groups whose permissions are declared here and re-applied on every migrate.

A role's permissions are exactly what it declares: whatever else a group holds is taken away,
including the page, image and document rights Wagtail's own migrations hand to its default
"Editors" and "Moderators" groups (Moderators may publish there). Change a role here, not in
the admin's group editor, which the next migrate would undo.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site


@dataclass(frozen=True)
class Role:
    # Model permissions, as "app_label.codename".
    permissions: tuple[str, ...] = ()
    # Page actions ("add", "change", "lock", "publish", ...) on the default site's whole tree.
    page_actions: tuple[str, ...] = ()
    # Image and document permissions, as "app_label.codename", in every collection.
    collection_permissions: tuple[str, ...] = ()


ROLES = {
    # Write and edit pages and submit them for medical review; never publish.
    "Editors": Role(
        permissions=(
            "wagtailadmin.access_admin",
            "articles.add_person",
            "articles.change_person",
            "articles.add_topic",
            "articles.change_topic",
            "triage.view_dailyoutcomecount",
        ),
        page_actions=("add", "change", "lock"),
        collection_permissions=(
            "wagtailimages.add_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.choose_document",
        ),
    ),
    # Approve articles in the "Medical review" workflow (articles/editorial.py), which publishes them.
    "Medical reviewers": Role(
        permissions=("wagtailadmin.access_admin",),
        page_actions=("change",),
        collection_permissions=("wagtailimages.choose_image", "wagtaildocs.choose_document"),
    ),
    # Moderate comments (the permission that shows the Comments queue); no page rights.
    "Moderators": Role(
        permissions=(
            "wagtailadmin.access_admin",
            "articles.view_comment",
            "articles.change_comment",
            "articles.delete_comment",
        )
    ),
}


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
