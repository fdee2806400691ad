"""The staff roles, as groups whose permissions are declared here and re-applied on every migrate."""

from django.contrib.auth.models import Group, Permission

# Group name -> model permissions, as "app_label.codename".
ROLE_PERMISSIONS = {
    "Editors": ["wagtailadmin.access_admin", "triage.view_dailyoutcomecount"],
    "Moderators": ["wagtailadmin.access_admin"],
}


def sync_role_groups(**kwargs):
    """Create each role's group and give it at least the permissions declared for it."""
    for name, permissions in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for permission in permissions:
            app_label, codename = permission.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
