"""Two-factor authentication for staff (django-otp, TOTP): members of the groups chosen in
Settings → Staff security must enter a code from an authenticator app, after their password,
before any admin page. The first time, they set the app up."""

import base64
from urllib.parse import quote

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from healthsite.forms import ReaderForm
from healthsite.models import StaffSecuritySettings

ADMIN_PREFIX = "/admin/"


def must_use_two_factor(user):
    return StaffSecuritySettings.two_factor_groups.through.objects.filter(group__user=user).exists()


class TwoFactorRequiredMiddleware:
    """Sends staff who must use two-factor and have not entered a code this session to do so."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path_info.startswith(ADMIN_PREFIX)
            and user.is_authenticated
            and not user.is_verified()
            and request.path_info not in {reverse(name) for name in ("two_factor_setup", "two_factor_verify")}
            and request.path_info != reverse("wagtailadmin_logout")
            and must_use_two_factor(user)
        ):
            step = "two_factor_verify" if user_has_device(user) else "two_factor_setup"
            return redirect(f"{reverse(step)}?next={quote(request.get_full_path())}")
        return self.get_response(request)


class CodeForm(ReaderForm, forms.Form):
    code = forms.CharField(
        label="6-digit code from your authenticator app",
        max_length=6,
        min_length=6,
        error_messages={"required": "Enter the 6-digit code", "min_length": "Enter all 6 digits of the code"},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _next(request):
    target = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure())
    return target if safe and target.startswith(ADMIN_PREFIX) else ADMIN_PREFIX


WRONG_CODE = "That code is not right. Check the time on your phone is correct, and enter the newest code."


@login_required(login_url="wagtailadmin_login")
def setup(request):
    """Show a new secret for the authenticator app; the first right code from it turns it on."""
    if user_has_device(request.user):
        return redirect(reverse("two_factor_verify") + f"?next={quote(_next(request))}")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="Authenticator app", confirmed=False)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("code", WRONG_CODE)
    context = {"form": form, "secret": base64.b32encode(device.bin_key).decode(), "setup_url": device.config_url}
    return TemplateResponse(request, "two_factor/setup.html", context)


@login_required(login_url="wagtailadmin_login")
def verify(request):
    """Ask for a code from the app set up earlier."""
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("code", WRONG_CODE)
    return TemplateResponse(request, "two_factor/verify.html", {"form": form})
