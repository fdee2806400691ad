"""The moderators' screens beyond the queue: one-click row actions with Undo, the comment screen
with its staff reply form, and commenter data."""

import json

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

from articles.comments.models import Comment, CommentSettings, StaffProfile

from . import privacy
from .actions import STATUS_ACTIONS, UNDO_ACTIONS, delete_permanently, moderate, row_actions
from .admin import require_moderator
from .posting import post_staff_reply
from .threads import comment_location

QUEUE_URL_NAME = "wagtailsnippets_articles_comment:list"
CLINICIANS_GROUP = "Medical reviewers"


def back_to(request, fallback):
    """Where the moderator was (the queue with its tab, filters and page), if it is on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    # A path on this site only: a bare "foo" would resolve against the action's own URL.
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts=set(), require_https=False):
        return target
    return fallback


@require_POST
def comment_action(request, pk, action):
    """One row action on one comment, then back to where the moderator was, with an Undo."""
    require_moderator(request)
    comment = get_object_or_404(Comment, pk=pk)
    destination = back_to(request, reverse(QUEUE_URL_NAME))
    if action == "delete":
        description = f"Comment by {comment.name}"
        delete_permanently([comment], request.user)
        messages.success(request, f"{description} deleted permanently.")
        return redirect(destination)
    if action not in STATUS_ACTIONS:
        return HttpResponse("Unknown action.", status=404)
    previous = comment.status
    if moderate([comment], action, request.user):
        _, past = STATUS_ACTIONS[action]
        undo = {
            "url": reverse("articles_comment_action", args=[comment.pk, UNDO_ACTIONS[previous]]),
            "next": destination,
            "csrf_token": get_token(request),
        }
        message = render_to_string(
            "articles/comments/admin/undo_message.html", {"comment": comment, "past": past, "undo": undo}
        )
        messages.success(request, message)
    return redirect(destination)


class StaffReplyForm(forms.Form):
    body = forms.CharField(label="Your reply", widget=forms.Textarea(attrs={"rows": 6}), max_length=5000)
    sign_as = forms.ChoiceField(label="Sign as", widget=forms.RadioSelect, required=False)

    def __init__(self, *args, user, team_name, **kwargs):
        super().__init__(*args, **kwargs)
        self.signatures = staff_signatures(user, team_name)
        self.fields["sign_as"].choices = [(key, label) for key, (label, _, _) in self.signatures.items()]
        self.fields["sign_as"].initial = next(iter(self.signatures))

    def signature(self):
        """The name readers see, and whether it carries the Clinician badge."""
        _, name, clinician = self.signatures[self.cleaned_data["sign_as"] or "self"]
        return name, clinician


def staff_signatures(user, team_name):
    """How this user may sign a reply: key -> (choice label, public name, Clinician badge)."""
    own_name = user.get_full_name() or user.get_username()
    signatures = {"self": (f"{own_name} (your name)", own_name, False)}
    if team_name:
        signatures["team"] = (f"{team_name} (the team)", team_name, False)
    profile = StaffProfile.objects.filter(user=user).first()
    if profile and profile.credential and user.groups.filter(name=CLINICIANS_GROUP).exists():
        signatures["clinician"] = (f"{profile.credential} (Clinician badge)", profile.credential, True)
    return signatures


def reply_form(request, data=None):
    team_name = CommentSettings.load(request_or_site=request).staff_team_name
    return StaffReplyForm(data, user=request.user, team_name=team_name)


def comment_screen(request, pk, form=None, status=200):
    """Everything a moderator needs to decide about one comment, with its actions and a reply form."""
    require_moderator(request)
    comment = get_object_or_404(Comment.objects.select_related("article", "parent", "moderated_by"), pk=pk)
    others = Comment.objects.by_email(comment.email).exclude(pk=comment.pk)
    by_status = dict(others.order_by().values_list("status").annotate(n=Count("pk")))
    context = {
        "comment": comment,
        "public_url": (
            comment_location(
                comment, comment.article.url, per_page=CommentSettings.load(request_or_site=request).threads_per_page
            )
            if comment.article.url
            else ""
        ),
        "replies": comment.replies.order_by("created_at"),
        "other_counts": [(label, by_status.get(value, 0)) for value, label in Comment.Status.choices],
        "other_total": sum(by_status.values()),
        "others_url": reverse(QUEUE_URL_NAME) + "?" + f"status=all&q={comment.email}",
        "history": ModelLogEntry.objects.for_instance(comment).select_related("user").order_by("-timestamp"),
        "actions": row_actions(comment),
        "here": request.get_full_path(),
        "edit_url": reverse("wagtailsnippets_articles_comment:edit", args=[comment.pk]),
        "form": form or reply_form(request),
    }
    return TemplateResponse(request, "articles/comments/admin/comment_screen.html", context, status=status)


@require_POST
def staff_reply(request, pk):
    """Reply from the admin: published at once with the Staff badge, signed as the moderator chose."""
    require_moderator(request)
    parent = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    form = reply_form(request, request.POST)
    if not form.is_valid():
        return comment_screen(request, pk, form=form, status=400)
    name, clinician = form.signature()
    with transaction.atomic():  # never an approved parent without the reply, or the reverse
        if parent.status != Comment.Status.APPROVED:
            moderate([parent], "approve", request.user)
        post_staff_reply(parent, request.user, form.cleaned_data["body"], name=name, clinician=clinician)
    messages.success(request, f"Your reply to {parent.name} is published.")
    return redirect(back_to(request, reverse("articles_comment_screen", args=[parent.pk])))


class CommenterDataForm(forms.Form):
    email = forms.EmailField(label="Commenter's email address")
    action = forms.ChoiceField(
        choices=[("export", "Export everything stored (JSON)"), ("erase", "Erase")], widget=forms.RadioSelect
    )
    erase_mode = forms.ChoiceField(
        label="When erasing",
        required=False,
        choices=[
            ("anonymise", "Keep the comments, shown as “Anonymous”, with their text"),
            ("remove", "Remove the comments and their replies"),
        ],
        initial="anonymise",
        widget=forms.RadioSelect,
    )


def commenter_data_view(request):
    """Export or erase what is stored about one commenter's email address."""
    require_moderator(request)
    form = CommenterDataForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if form.cleaned_data["action"] == "export":
            response = HttpResponse(json.dumps(privacy.export(email), indent=2), content_type="application/json")
            response["Content-Disposition"] = 'attachment; filename="commenter-data.json"'
            return response
        result = privacy.erase(email, mode=form.cleaned_data["erase_mode"] or "anonymise", user=request.user)
        messages.success(
            request,
            f"Erased {email}: {result['comments']} comment(s) {result['mode']}, "
            f"{result['subscriptions']} reply subscription(s) deleted.",
        )
        return redirect("articles_commenter_data")
    return TemplateResponse(request, "articles/comments/admin/commenter_data.html", {"form": form})
