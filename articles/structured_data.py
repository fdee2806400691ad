"""schema.org data for search engines: what an article is about, who wrote and checked it, who publishes it."""

from django.templatetags.static import static

from healthsite.sites import base_url, current_site, site_name


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


def publisher(site):
    """The site as an organisation, named and addressed from the Wagtail Site."""
    return {
        "@type": "Organization",
        "name": site_name(site),
        "url": base_url(site) + "/",
        "logo": {"@type": "ImageObject", "url": base_url(site) + static("icons/icon-512.png")},
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
        "publisher": publisher(current_site(request)),
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
