from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseForbidden, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.defaultfilters import linebreaksbr
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from articles.comments.models import Comment, CommentSettings, CommentSubscription, commented_articles
from healthsite.outage import keeps_the_post_when_the_database_is_down
from healthsite.requestargs import form_data

from . import notifications
from .display import reader_comment_ids, remember_for_reader
from .forms import CommentForm, form_token
from .moderation import CommentPolicy
from .posting import RateLimited, submit_comment
from .threads import comment_location, visible_to


def article_with_form(request, article, form, status):
    """The article again, with the reader's form, its errors and everything they typed."""
    response = article.serve(request, comment_form=form)
    response.status_code = status
    return response


def from_this_site(request):
    """The form was sent from one of our pages: the browser's Origin (or Referer) names this site."""
    sent_from = request.META.get("HTTP_ORIGIN") or request.META.get("HTTP_REFERER")
    if not sent_from:
        return True  # nothing to compare; the signed form token still has to be valid
    parts = urlsplit(sent_from)
    return f"{parts.scheme}://{parts.netloc}" in {request.build_absolute_uri("/")[:-1], *settings.CSRF_TRUSTED_ORIGINS}


# Article pages are cached for every anonymous reader alike, so the form cannot carry a CSRF token
# tied to one of them. A comment needs no login; the origin check and the signed, timed form token
# stand in for the token.
@csrf_exempt
@require_POST
@keeps_the_post_when_the_database_is_down("articles/comments/unavailable.html")
def post_comment(request, article_id):
    article = get_object_or_404(commented_articles().published(), pk=article_id)
    if not from_this_site(request):
        return HttpResponseForbidden("Comments can only be sent from this site's own pages.")
    policy = CommentPolicy(CommentSettings.load(request_or_site=request))
    if not policy.is_open(article):
        messages.error(request, "Comments are closed on this article.")
        return HttpResponseRedirect(article.url + "#comments")
    data, readable = form_data(request)
    form = CommentForm(data, article=article, unreadable=not readable)
    if not form.is_valid():
        return article_with_form(request, article, form, status=400)
    try:
        comment = submit_comment(form, request, policy)
    except RateLimited as limited:
        minutes = max(1, round((limited.retry_at - timezone.now()).total_seconds() / 60))
        local = timezone.localtime(limited.retry_at)
        form.add_error(
            None,
            f"You have posted several comments in a short time. Please try again after {local:%H:%M} "
            f"(in about {minutes} minute{'s' if minutes != 1 else ''}). Your comment is kept below.",
        )
        response = article_with_form(request, article, form, status=429)
        response["Retry-After"] = str(max(1, int((limited.retry_at - timezone.now()).total_seconds())))
        return response
    remember_for_reader(request, comment)
    messages.success(request, "Thank you. Your comment is awaiting moderation.")
    if comment.urgent:
        # Only the poster sees this, at once; nothing public says their comment matched the safety list.
        messages.warning(request, linebreaksbr(policy.settings.safety_resources))
    return HttpResponseRedirect(
        comment_location(
            comment,
            article.url,
            per_page=policy.settings.threads_per_page,
            reader_comment_ids=reader_comment_ids(request),
        )
    )


@require_GET
def find_comment(request, comment_id):
    """Where a comment is shown, on whichever page of threads holds it. A link ending `#comment-N`
    (an old WordPress one, say) whose comment is on a later page is sent here by comments.js."""
    comment = get_object_or_404(
        Comment.objects.filter(article__in=commented_articles().published()).select_related("article"), pk=comment_id
    )
    mine = reader_comment_ids(request)
    if not Comment.objects.filter(visible_to(mine), pk=comment.pk).exists():
        return HttpResponseRedirect(comment.article.url + "#comments")  # no longer shown: the thread instead
    per_page = CommentSettings.load(request_or_site=request).threads_per_page
    return HttpResponseRedirect(
        comment_location(comment, comment.article.url, per_page=per_page, reader_comment_ids=mine)
    )


@never_cache
@require_GET
def form_token_field(request, article_id):
    """A fresh token for the comment form, asked for by the page's script when the reader starts on
    the form, so the page itself can be shared by every reader and every cache. Needs no database."""
    return JsonResponse({"token": form_token(article_id)})


def confirm_subscription(request, token):
    subscription = notifications.subscription_from_token(token, "confirm", max_age=notifications.CONFIRMATION_MAX_AGE)
    if subscription is not None:
        notifications.confirm(subscription)
    return render(
        request,
        "articles/comments/subscription.html",
        {"subscription": subscription, "confirmed": subscription is not None},
        status=200 if subscription else 400,
    )


# Mail scanners open every link in an email: a GET only asks. The reader's button, and a mail
# client's one-click unsubscribe (RFC 8058, “List-Unsubscribe=One-Click”), POST without a CSRF
# token; the signed, expiring token in the address is what authorises them.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscription_id = notifications.token_subscription_id(
        token, "unsubscribe", max_age=notifications.UNSUBSCRIBE_MAX_AGE
    )
    if subscription_id is not None and request.method == "POST":
        CommentSubscription.objects.filter(pk=subscription_id).delete()
    return render(
        request,
        "articles/comments/unsubscribed.html",
        {
            "valid": subscription_id is not None,
            "done": request.method == "POST",
            "days": notifications.UNSUBSCRIBE_MAX_AGE.days,
        },
        status=200 if subscription_id is not None else 400,
    )
