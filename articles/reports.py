"""The admin's "Reviews due" report: articles whose medical review is overdue or coming up."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from articles.models import ArticlePage

REVIEW_WINDOW_DAYS = 30
# Whoever may edit pages may see which ones need a review: Editors, Medical reviewers, superusers.
REPORT_PAGE_ACTIONS = ["add", "change", "publish"]


def review_status(next_review_due: datetime.date, today: datetime.date) -> str:
    """The status in words, so it never depends on colour alone."""
    days = (next_review_due - today).days
    if days < 0:
        return "Overdue"
    if days == 0:
        return "Due today"
    return f"Due in {days} day{'s' if days != 1 else ''}"


def may_see_reviews(user):
    return policy_registry.get_by_type(Page).user_has_any_permission(user, REPORT_PAGE_ACTIONS)


class ReviewsDueReportView(ReportView):
    page_title = "Reviews due"
    header_icon = "time"
    index_url_name = "reviews_due_report"
    index_results_url_name = "reviews_due_report_results"
    model = ArticlePage
    any_permission_required = REPORT_PAGE_ACTIONS
    no_results_message = f"No article is due for medical review in the next {REVIEW_WINDOW_DAYS} days."
    columns = [
        TitleColumn("title", label="Title", url_name="wagtailadmin_pages:edit"),
        Column("reviewer", label="Medical reviewer", accessor=lambda page: page.reviewer or "None named"),
        Column("last_reviewed", label="Last reviewed", accessor=lambda page: page.last_reviewed or "Never"),
        Column("next_review_due", label="Next review due"),
        StatusTagColumn("review_status", label="Status", primary=lambda page: page.review_overdue),
    ]
    list_export = ["title", "reviewer", "last_reviewed", "next_review_due", "review_status"]
    export_headings = {"review_status": "Status"}
    export_filename = "reviews-due"

    @cached_property
    def permission_policy(self):
        # The rows are article pages, but seeing them is a matter of page permissions.
        return policy_registry.get_by_type(Page)

    def get_queryset(self):
        self.queryset = ArticlePage.objects.review_due(within_days=REVIEW_WINDOW_DAYS).select_related("reviewer")
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        today = timezone.localdate()
        for page in object_list:
            page.review_status = review_status(page.next_review_due, today)
            page.review_overdue = page.next_review_due < today
        return object_list


class ReviewsDueMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_reviews(request.user)


class ReviewsDuePanel(Component):
    """The dashboard's short list of the report: the articles whose review comes soonest."""

    name = "reviews_due"
    template_name = "articles/admin/reviews_due_panel.html"
    order = 230  # after Wagtail's "awaiting your review" and "your pages in a workflow"
    shown = 5

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        due = ArticlePage.objects.review_due(within_days=REVIEW_WINDOW_DAYS).select_related("reviewer")
        pages = list(due[: self.shown])
        for page in pages:
            page.review_status = review_status(page.next_review_due, today)
        return {"pages": pages, "total": due.count(), "report_url": reverse("reviews_due_report")}


def add_reviews_due_panel(request, panels):
    if may_see_reviews(request.user):
        panels.append(ReviewsDuePanel())
