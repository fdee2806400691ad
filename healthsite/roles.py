"""The staff roles, as groups whose permissions are declared here and re-applied on every migrate
(healthsite.role_groups). No models are imported here, so features can grant from AppConfig.ready().

A role's permissions are exactly what it declares: whatever else a group holds is taken away,
including the page, image and document rights Wagtail's own migrations hand to its default
"Editors" and "Moderators" groups (Moderators may publish there). Change a role here, not in
the admin's group editor, which the next migrate would undo.
"""

from dataclasses import dataclass, field


@dataclass
class Role:
    # Model permissions, as "app_label.codename". Features add their own with grant().
    permissions: list[str] = field(default_factory=list)
    # Page actions ("add", "change", "lock", "publish", ...) on the default site's whole tree.
    page_actions: tuple[str, ...] = ()
    # Image and document permissions, as "app_label.codename", in every collection.
    collection_permissions: tuple[str, ...] = ()


ROLES = {
    # Write and edit pages and submit them for medical review; never publish.
    "Editors": Role(
        permissions=["wagtailadmin.access_admin"],
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
        permissions=["wagtailadmin.access_admin"],
        page_actions=("change",),
        collection_permissions=("wagtailimages.choose_image", "wagtaildocs.choose_document"),
    ),
    # Moderate comments (articles.comments grants what shows the Comments queue); no page rights.
    "Moderators": Role(permissions=["wagtailadmin.access_admin"]),
}


def grant(role_name, *permissions):
    """Give a role model permissions. Each feature grants its own, from its AppConfig.ready(), so a
    permission is named once, by the feature that defines it."""
    held = ROLES[role_name].permissions
    held.extend(permission for permission in permissions if permission not in held)
