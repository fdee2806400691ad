"""The admin's view of checklist use: daily counts of outcomes, nothing about any reader."""

from django.urls import reverse
from django.utils.formats import date_format
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from healthsite.admin_reports import report_urls
from triage.models import DailyOutcomeCount

outcome_counts_permission = ModelPermissionPolicy(DailyOutcomeCount)


class OutcomeCountsReport(ReportView):
    page_title = "Checklist outcomes"
    header_icon = "tasks"
    index_url_name = "triage_outcome_counts"
    index_results_url_name = "triage_outcome_counts_results"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    permission_policy = outcome_counts_permission
    permission_required = "view"
    model = DailyOutcomeCount
    columns = [
        # A day, not an instant: Wagtail's DateColumn would say "13 hours ago" for today.
        Column("day", label="Day", accessor=lambda row: date_format(row.day, "j F Y")),
        Column("checklist", label="Checklist"),
        Column("outcome", label="Outcome", accessor="get_outcome_display"),
        Column("count", label="Readers"),
    ]
    list_export = ["day", "checklist", "outcome", "count"]

    def get_queryset(self):
        return DailyOutcomeCount.objects.select_related("checklist")


class OutcomeCountsMenuItem(MenuItem):
    def is_shown(self, request):
        return outcome_counts_permission.user_has_permission(request.user, "view")


@hooks.register("register_admin_urls")
def register_outcome_counts_urls():
    return report_urls("checklist-outcomes", OutcomeCountsReport, "triage_outcome_counts")


@hooks.register("register_reports_menu_item")
def register_outcome_counts_menu_item():
    return OutcomeCountsMenuItem(
        "Checklist outcomes", reverse("triage_outcome_counts"), name="checklist-outcomes", icon_name="tasks", order=800
    )
