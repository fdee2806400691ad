"""Two-factor authentication for staff, end to end: an administrator requires it for a group; a
member sets up an authenticator app at their next visit and enters a code at every sign-in."""

import base64
import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django_otp.oath import totp

from healthsite.models import StaffSecuritySettings

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"  # noqa: S105


@pytest.fixture
def moderators():
    group = Group.objects.create(name="Night moderators")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return group


@pytest.fixture
def member(moderators):
    user = get_user_model().objects.create_user("nina", "nina@example.com", PASSWORD)
    user.groups.add(moderators)
    return user


def sign_in(client):
    client.post(reverse("wagtailadmin_login"), {"username": "nina", "password": PASSWORD})
    return client.get(reverse("wagtailadmin_home"))


def totp_at(secret, step):
    """The app's code `step` periods from now (the server accepts one period of clock drift)."""
    return totp(base64.b32decode(secret), t0=-30 * step, step=30, digits=6)


def require_for(group, admin_client):
    """What an administrator does in Settings → Staff security."""
    url = reverse("wagtailsettings:edit", args=["healthsite", "staffsecuritysettings"])
    page = admin_client.get(url, follow=True)
    assert "groups that must use two-factor authentication" in page.text.lower()
    assert admin_client.post(page.redirect_chain[-1][0], {"two_factor_groups": [group.pk]}).status_code == 302


def test_a_member_of_a_required_group_sets_up_an_app_then_enters_codes(client, admin_client, moderators, member):
    """Set-up on the first visit, a wrong code refused, a right one lets them in; next sign-in asks for a code."""
    require_for(moderators, admin_client)
    response = sign_in(client)
    assert response.status_code == 302 and response["Location"].startswith(reverse("two_factor_setup"))
    setup = client.get(response["Location"])
    secret = re.search(r"<code>([A-Z2-7=]+)</code>", setup.text).group(1)
    assert "otpauth://totp/" in setup.text

    wrong = client.post(response["Location"], {"code": f"{(totp_at(secret, 0) + 1) % 10**6:06d}"})
    assert "That code is not right" in wrong.text
    assert client.get(reverse("wagtailadmin_home")).status_code == 302

    time.sleep(1.1)  # django-otp refuses any code for a second after a wrong one (doubling each time)
    done = client.post(response["Location"], {"code": f"{totp_at(secret, 0):06d}"})
    assert done.status_code == 302 and done["Location"] == reverse("wagtailadmin_home")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    client.post(reverse("wagtailadmin_logout"))
    response = sign_in(client)
    assert response["Location"].startswith(reverse("two_factor_verify"))
    assert client.post(response["Location"], {"code": f"{totp_at(secret, 1):06d}"}).status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_staff_outside_the_required_groups_sign_in_with_a_password(client, admin_client, moderators, member):
    """Until a group is chosen, and for everyone outside the chosen groups, the password is enough."""
    assert sign_in(client).status_code == 200
    require_for(Group.objects.create(name="Someone else"), admin_client)
    client.post(reverse("wagtailadmin_logout"))
    assert sign_in(client).status_code == 200
    assert StaffSecuritySettings.load().two_factor_groups.count() == 1
