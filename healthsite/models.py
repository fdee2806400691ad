from django import forms
from django.contrib.auth.models import Group
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="lock")
class StaffSecuritySettings(BaseGenericSetting):
    """Which staff must sign in with a code from an authenticator app as well as their password."""

    two_factor_groups = models.ManyToManyField(
        Group,
        blank=True,
        verbose_name="groups that must use two-factor authentication",
        help_text=(
            "Members of these groups set up an authenticator app the next time they open the admin, "
            "and enter a code from it at every sign-in."
        ),
    )

    panels = [FieldPanel("two_factor_groups", widget=forms.CheckboxSelectMultiple)]

    class Meta:
        verbose_name = "staff security"


class ThrottleCount(models.Model):
    """How often a client, or everyone, used a rate-limited view in the current window (healthsite/throttle.py)."""

    key = models.CharField(max_length=200, primary_key=True)
    window_start = models.BigIntegerField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.key}: {self.count}"
