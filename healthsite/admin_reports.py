from django.urls import path


def report_urls(address, view_class, name):
    """A Wagtail report's page and its results-only view, which its filters reload."""
    return [
        path(f"reports/{address}/", view_class.as_view(), name=name),
        path(f"reports/{address}/results/", view_class.as_view(results_only=True), name=f"{name}_results"),
    ]
