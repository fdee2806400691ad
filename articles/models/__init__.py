from .pages import (
    ArticleIndexPage,
    ArticlePage,
    ArticleReference,
    HomePage,
    HomePageFeaturedArticle,
    RelatedArticle,
)
from .review import MedicallyReviewed
from .snippets import Person, Topic

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "ArticleReference",
    "HomePage",
    "HomePageFeaturedArticle",
    "MedicallyReviewed",
    "Person",
    "RelatedArticle",
    "Topic",
]
