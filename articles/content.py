"""What can be read off an article body without rendering it."""

import math
from collections import Counter

from django.utils.html import strip_tags

WORDS_PER_MINUTE = 200


def section_headings(body):
    return [block.value for block in body if block.block_type == "section_heading"]


def table_of_contents(body):
    """The level-2 section headings, each with the id its heading carries on the page."""
    return [
        {"anchor": heading.anchor_id, "heading": heading["heading"]}
        for heading in section_headings(body)
        if heading["level"] == 2
    ]


def duplicate_anchors(body):
    """Anchors that more than one heading would use: the second link would never be reached."""
    counts = Counter(heading.anchor_id for heading in section_headings(body))
    return [anchor for anchor, count in counts.items() if count > 1]


def heading_level_jump(body):
    """The first heading that skips a level, with the deepest level allowed there; else None.

    The page title is the level 1 heading, so the body starts at level 2."""
    previous = 1
    for heading in section_headings(body):
        if heading["level"] > previous + 1:
            return heading, previous + 1
        previous = heading["level"]
    return None


def reading_minutes(article):
    """Minutes an average reader needs for the summary and body, at least one."""
    text = " ".join(
        [
            article.summary,
            *(strip_tags(chunk) for chunk in article.body.stream_block.get_searchable_content(article.body)),
        ]
    )
    return max(1, math.ceil(len(text.split()) / WORDS_PER_MINUTE))
