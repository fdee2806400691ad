from wagtail.models import Page


class HomePage(Page):
    """The site's root page."""

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
