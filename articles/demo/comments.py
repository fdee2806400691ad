"""A realistic demo thread under the muscle-spasm article, so a moderator has a queue to work on."""

import datetime

from django.utils import timezone

from articles.comments.models import Comment, CommentSettings
from articles.comments.moderation import CommentPolicy

from .content import SITE_NAME

HOLD_WORDS = "miracle cure\nguaranteed"

# (key, reply to key or None, name, body). Replies nest to three levels.
APPROVED = [
    (
        "maria",
        None,
        "Maria",
        "I get these in my calves at night, usually after a long day on my feet. Stretching my calf against the wall helps within a minute.",
    ),
    ("tom", "maria", "Tom", "Same here. Drinking a glass of water before bed made a difference for me."),
    ("maria2", "tom", "Maria", "Thanks Tom, I'll try that tonight."),
    ("ade", None, "Ade", "Is it normal to still feel sore the next day after a bad cramp?"),
    ("sam", "ade", "Sam", "I often do. The muscle feels bruised for a day or so."),
    ("lin", None, "Lin", "Useful list of questions for the doctor. I printed it before my appointment."),
    (
        "jo",
        None,
        "Jo",
        "My cramps started when I began a new blood pressure tablet. My GP changed it and they stopped.",
    ),
    ("pat", "jo", "Pat", "Interesting, I'm on a water tablet too. I'll mention it at my next review."),
    ("kim", "pat", "Kim", "Worth asking the pharmacist as well, they were very helpful for me."),
    ("alex", None, "Alex", "Cramps in my foot when swimming: is that the same thing?"),
    ("rae", None, "Rae", "Warm bath before bed works better for me than ice."),
    ("noor", "rae", "Noor", "Agreed, heat helps me too."),
]
STAFF_REPLY = (
    "alex",
    "Yes: cramps in the foot while swimming are common and are muscle spasms too. Stretch the foot gently, and see a doctor if they happen often or do not settle with home care.",
)
PENDING = [
    ("Chris", "I found more here https://example.com/cramps and here https://example.org/legs"),
    ("Dana", "This miracle cure fixed my cramps overnight, message me for details."),
    ("Eli", "Does magnesium help? My friend swears by it."),
]


def load_demo_comments(article, staff_user=None):
    """Once: the thread is loaded only while the article has no comments."""
    if article.comments.exists():
        return
    settings = CommentSettings.load()
    if not settings.hold_words:
        settings.hold_words = HOLD_WORDS
        settings.save()
    start = timezone.now() - datetime.timedelta(days=20)
    posted = {}
    for offset, (key, parent_key, name, body) in enumerate(APPROVED):
        comment = Comment(
            article=article,
            name=name,
            email=f"{name.lower()}@example.com",
            body=body,
            status=Comment.Status.APPROVED,
            created_at=start + datetime.timedelta(hours=9 * offset),
        )
        if parent_key:
            comment.place_under(posted[parent_key])
        comment.save()
        posted[key] = comment
    parent_key, body = STAFF_REPLY
    reply = Comment(
        article=article,
        name=f"{SITE_NAME} team",
        email="team@example.com",
        body=body,
        status=Comment.Status.APPROVED,
        staff_reply=True,
        moderated_by=staff_user,
        created_at=posted[parent_key].created_at + datetime.timedelta(hours=3),
    )
    reply.place_under(posted[parent_key])
    reply.save()
    policy = CommentPolicy(settings)
    for name, body in PENDING:
        screening = policy.screen(name=name, email=f"{name.lower()}@example.com", website="", body=body)
        Comment.objects.create(
            article=article,
            name=name,
            email=f"{name.lower()}@example.com",
            body=body,
            status=screening.status,
            hold_reasons=screening.reasons,
        )
