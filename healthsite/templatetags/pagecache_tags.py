from django import template

from healthsite.pagecache import comments_tag, depends_on, page_tag

register = template.Library()


@register.simple_tag
def shows_card(page):
    """A card shows the page's title, summary and comment count: the cached response depends on them."""
    depends_on(page_tag(page.pk), comments_tag(page.pk))
    return ""
