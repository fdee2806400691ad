"""The demo site's reader-facing pages, one or more of each page type, for checks that visit them all."""

INDEXABLE_PAGES = [
    "/",
    "/health-a-z/",
    "/health-a-z/muscle-spasm/",
    "/health-a-z/scoliosis/",
    "/topics/",
    "/topics/back-spine/",
    "/about-us/",
    "/editorial-policy/",
    "/privacy/",
    "/accessibility/",
    "/contact/",
    "/checklists/",
    "/checklists/muscle-spasm/",
]
