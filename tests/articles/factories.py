import wagtail_factories

from articles.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Health Guide"
    slug = "home"

    class Meta:
        model = HomePage
