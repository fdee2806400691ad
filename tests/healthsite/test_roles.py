import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from healthsite.role_groups import sync_role_groups
from healthsite.roles import ROLES

pytestmark = pytest.mark.django_db


def page_rights(group_name):
    return {
        (row.page_id, row.permission.codename)
        for row in GroupPagePermission.objects.filter(group__name=group_name).select_related("permission")
    }


def snapshot():
    return (
        {(g.name, p.codename) for g in Group.objects.all() for p in g.permissions.all()},
        set(GroupPagePermission.objects.values_list("group__name", "page", "permission__codename")),
        set(GroupCollectionPermission.objects.values_list("group__name", "collection", "permission__codename")),
    )


def test_roles_are_reapplied_idempotently(home_page):
    """Syncing the roles again changes nothing and duplicates nothing."""
    sync_role_groups()
    first = snapshot()
    sync_role_groups()
    assert snapshot() == first
    assert set(Group.objects.values_list("name", flat=True)) >= set(ROLES)


def test_page_rights_start_at_the_sites_home_page(home_page):
    """Once the site has a home page, editors' and reviewers' page rights attach to it, not the tree root."""
    sync_role_groups()
    assert page_rights("Editors") == {
        (home_page.pk, "add_page"),
        (home_page.pk, "change_page"),
        (home_page.pk, "lock_page"),
    }
    assert page_rights("Medical reviewers") == {(home_page.pk, "change_page")}
    assert not GroupPagePermission.objects.filter(page=Page.get_first_root_node()).exists()


def test_nobody_but_superusers_publishes_and_moderators_do_not_edit_pages(home_page):
    """Wagtail's default page rights for Moderators (publish included) are taken away."""
    sync_role_groups()
    assert not GroupPagePermission.objects.filter(permission__codename="publish_page").exists()
    assert page_rights("Moderators") == set()
    assert set(Group.objects.get(name="Moderators").permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "view_comment",
        "change_comment",
        "delete_comment",
    }


def test_editors_may_add_images_and_documents_and_edit_people_and_topics(home_page):
    """Editors choose and upload images and documents and keep the People and Topics snippets."""
    sync_role_groups()
    editors = Group.objects.get(name="Editors")
    assert set(editors.collection_permissions.values_list("permission__codename", flat=True)) == {
        "add_image",
        "choose_image",
        "add_document",
        "choose_document",
    }
    assert {"add_person", "change_person", "add_topic", "change_topic"} <= set(
        editors.permissions.values_list("codename", flat=True)
    )
