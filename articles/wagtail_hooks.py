from django.urls import reverse
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from articles.models import Person, Topic
from articles.reports import ReviewsDueMenuItem, ReviewsDueReportView, add_reviews_due_panel
from healthsite.admin_reports import report_urls


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "credentials"]
    search_fields = ["name", "credentials"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(PersonViewSet)
register_snippet(TopicViewSet)
hooks.register("construct_homepage_panels", add_reviews_due_panel)


@hooks.register("register_admin_urls")
def register_reviews_due_report_urls():
    return report_urls("reviews-due", ReviewsDueReportView, "reviews_due_report")


@hooks.register("register_reports_menu_item")
def register_reviews_due_report_menu_item():
    return ReviewsDueMenuItem(
        "Reviews due", reverse("reviews_due_report"), name="reviews-due", icon_name="time", order=1150
    )
