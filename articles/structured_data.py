"""schema.org data for search engines: what an article is about, who wrote and checked it."""


def person(person):
    if person is None:
        return None
    data = {"@type": "Person", "name": person.name}
    if person.credentials:
        data["honorificSuffix"] = person.credentials
    return data


def breadcrumb_list(pages, request):
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": page.title,
                "item": page.get_full_url(request),
            }
            for position, page in enumerate(pages, start=1)
        ],
    }


def medical_web_page(article, request, comments=(), comment_count=0):
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": article.seo_title or article.title,
        "headline": article.title,
        "description": article.search_description or article.summary,
        "url": article.get_full_url(request),
        "about": {"@type": "MedicalCondition", "name": article.condition_name or article.title},
        "lastReviewed": article.last_reviewed.isoformat() if article.last_reviewed else None,
        "reviewedBy": person(article.reviewer),
        "author": person(article.author),
        "datePublished": article.first_published_at.isoformat() if article.first_published_at else None,
        "dateModified": article.last_published_at.isoformat() if article.last_published_at else None,
        "commentCount": comment_count,
        "comment": list(comments) or None,
    }
    return {key: value for key, value in data.items() if value is not None}


def article_structured_data(article, breadcrumbs, request, comments=(), comment_count=0):
    """The JSON-LD items for an article page: the page itself, with its comments, and its breadcrumb trail."""
    return [
        medical_web_page(article, request, comments, comment_count),
        breadcrumb_list([*breadcrumbs, article], request),
    ]
