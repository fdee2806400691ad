from wagtail import hooks

from healthsite.pagecache import depends_on, page_tag, section_tag


@hooks.register("before_serve_page")
def record_page_tags(page, request, serve_args, serve_kwargs):
    """Every page shows itself, and any listing of its children."""
    depends_on(page_tag(page.pk), section_tag(page.pk))
