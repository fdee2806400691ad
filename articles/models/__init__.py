from .comments import Comment, CommentSettings, CommentSubscription
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
    "Comment",
    "CommentSettings",
    "CommentSubscription",
    "HomePage",
    "HomePageFeaturedArticle",
    "MedicallyReviewed",
    "Person",
    "RelatedArticle",
    "Topic",
]
