from .pages import (
    ArticleIndexPage,
    ArticlePage,
    ArticleReference,
    ContentPage,
    HomePage,
    HomePageFeaturedArticle,
    RelatedArticle,
)
from .snippets import Person, Topic
from .topics import TopicIndexPage

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "ArticleReference",
    "ContentPage",
    "HomePage",
    "HomePageFeaturedArticle",
    "Person",
    "RelatedArticle",
    "Topic",
    "TopicIndexPage",
]
