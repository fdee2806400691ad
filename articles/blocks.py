"""The blocks editors build an article body from. Each renders with its own template under
templates/articles/blocks/."""

from urllib.parse import urlparse

from django.core.validators import validate_slug
from django.utils.text import slugify
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

from healthsite.choices import Urgency
from healthsite.pagecache import depends_on, page_tag
from triage.blocks import DoctorVisitChecklistBlock

# The rendition sizes the image template asks for, fetched with the images in one query.
BODY_IMAGE_RENDITIONS = ("width-800", "width-1600")

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
INLINE_FEATURES = ["bold", "italic", "link"]


class PrefetchedImageChooserBlock(ImageChooserBlock):
    """An image chooser whose images arrive with their renditions, so a body with many images
    takes the same number of queries as one with a single image."""

    def bulk_to_python(self, values):
        images = self.model_class.objects.prefetch_renditions(*BODY_IMAGE_RENDITIONS).in_bulk(values)
        return [images.get(pk) for pk in values]


class SectionHeadingValue(blocks.StructValue):
    @property
    def anchor_id(self):
        """The id the heading carries and the table of contents links to."""
        return self.get("anchor") or slugify(self.get("heading"))


class SectionHeadingBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    level = blocks.IntegerBlock(
        min_value=2, max_value=4, default=2, help_text="2 for a section, 3 or 4 for parts of a section."
    )
    anchor = blocks.CharBlock(
        required=False,
        max_length=80,
        validators=[validate_slug],
        help_text="The end of the link to this section (#…). Leave blank to make it from the heading.",
    )

    class Meta:
        icon = "title"
        template = "articles/blocks/section_heading.html"
        value_class = SectionHeadingValue
        description = "A section heading. Level 2 headings appear in the table of contents."
        preview_value = {"heading": "When to see a doctor", "level": 2, "anchor": ""}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "articles/blocks/paragraph.html"
        description = "Paragraphs of text, with bold, italic, links and simple lists."
        preview_value = "<p>Muscle spasms usually go away on their own within a few minutes.</p>"


class ListBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=[("bulleted", "Bulleted"), ("numbered", "Numbered")],
        default="bulleted",
        help_text="Numbered for steps or ranked items, bulleted otherwise.",
    )
    items = blocks.ListBlock(blocks.RichTextBlock(features=INLINE_FEATURES), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "articles/blocks/list.html"
        description = "A bulleted or numbered list. Start an item with bold text to give it a title."
        preview_value = {
            "style": "numbered",
            "items": [
                "<p><b>Stretch.</b> Gently stretch the muscle.</p>",
                "<p><b>Rest.</b> Stop the activity.</p>",
            ],
        }


class FigureBlock(blocks.StructBlock):
    image = PrefetchedImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe what the image shows for people who cannot see it.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "articles/blocks/figure.html"
        description = "An image with alternative text and an optional caption."
        preview_value = {
            "alt_text": "A person stretching their calf against a wall",
            "caption": "Calf stretch",
        }


class RelatedArticleBlock(blocks.StructBlock):
    article = blocks.PageChooserBlock(page_type="articles.ArticlePage")

    def get_context(self, value, parent_context=None):
        if value["article"] is not None:
            # Its title, summary and whether it is live show here: the body kept per revision
            # (and any cached page) must follow the linked article's publishing too.
            depends_on(page_tag(value["article"].pk))
        return super().get_context(value, parent_context)

    class Meta:
        icon = "doc-full"
        template = "articles/blocks/related_article.html"
        description = "A card linking to another article, with its title and summary."


class UrgencyBlock(blocks.ChoiceBlock):
    """An urgency level, given to templates as `Urgency`, so they can name it in words."""

    def __init__(self, **kwargs):
        super().__init__(choices=Urgency.choices, default=Urgency.ROUTINE, **kwargs)

    def to_python(self, value):
        return Urgency(value)

    def clean(self, value):
        return Urgency(super().clean(value))


class CareCardBlock(blocks.StructBlock):
    urgency = UrgencyBlock(help_text="Emergency cards tell readers to call their local emergency number.")
    heading = blocks.CharBlock(max_length=120)
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "articles/blocks/care_card.html"
        description = "Tells readers when and how urgently to get medical help."
        preview_value = {
            "urgency": "urgent",
            "heading": "See a doctor if your muscle spasm:",
            "body": "<ul><li>causes severe discomfort</li><li>comes with muscle weakness</li></ul>",
        }


class DoctorQuestionsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Questions your doctor may ask")
    intro = blocks.RichTextBlock(features=INLINE_FEATURES, required=False)
    questions = blocks.ListBlock(blocks.CharBlock(max_length=250), min_num=1)

    class Meta:
        icon = "help"
        template = "articles/blocks/doctor_questions.html"
        description = "Questions to think about before an appointment."
        preview_value = {
            "heading": "Questions your doctor may ask",
            "questions": ["When did it start?", "Does stretching help?"],
        }


class DoDontBlock(blocks.StructBlock):
    do = blocks.ListBlock(blocks.CharBlock(max_length=250), label="Do")
    dont = blocks.ListBlock(blocks.CharBlock(max_length=250), label="Don’t")

    class Meta:
        icon = "tick"
        template = "articles/blocks/do_dont.html"
        description = "Side-by-side lists of things to do and things not to do."
        preview_value = {"do": ["drink plenty of fluids"], "dont": ["exercise hard in hot weather"]}


class InsetTextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=INLINE_FEATURES)

    class Meta:
        icon = "openquote"
        template = "articles/blocks/inset_text.html"
        description = "A short piece of text set apart from the content around it."
        preview_value = {"text": "<p>Most muscle spasms are harmless.</p>"}


class WarningCalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Important")
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "articles/blocks/warning_callout.html"
        description = "Something readers must not miss, such as a side effect or a risk."
        preview_value = {"heading": "Important", "body": "<p>Do not stop a prescribed medicine suddenly.</p>"}


class ArticleTableBlock(TableBlock):
    class Meta:
        icon = "table"
        template = "articles/blocks/table.html"
        description = "A table of data, with an optional header row and caption."
        preview_value = {
            "first_row_is_table_header": True,
            "table_caption": "Fluids a day",
            "data": [["Who", "Amount"], ["Adults", "6 to 8 glasses"]],
        }


# Sites readers know by name, with what the link offers there; any other is named by its host.
EMBED_PROVIDERS = {
    "youtube.com": ("YouTube", "Watch", "the video"),
    "youtu.be": ("YouTube", "Watch", "the video"),
    "vimeo.com": ("Vimeo", "Watch", "the video"),
    "tiktok.com": ("TikTok", "Watch", "the video"),
    "instagram.com": ("Instagram", "View", "the post"),
    "facebook.com": ("Facebook", "View", "the post"),
    "x.com": ("X", "View", "the post"),
    "twitter.com": ("X", "View", "the post"),
    "soundcloud.com": ("SoundCloud", "Listen to", "the recording"),
    "spotify.com": ("Spotify", "Listen to", "the recording"),
}


class EmbedValue(blocks.StructValue):
    def provider(self):
        """(site, verb, what) for the link's words: "Watch the video on YouTube"."""
        host = (urlparse(self["url"]).hostname or "").removeprefix("www.").removeprefix("m.")
        for domain, known in EMBED_PROVIDERS.items():
            if host == domain or host.endswith("." + domain):
                return known
        return host, "View", "the page"


class EmbedBlock(blocks.StructBlock):
    """A video or post from another site, shown as a link to it: the page loads nothing from that
    site (no player, no tracking) until the reader chooses to go there."""

    url = blocks.URLBlock(help_text="The address of the video or post, as you would share it.")
    title = blocks.CharBlock(
        max_length=200, required=False, help_text="What it is, e.g. “Three calf stretches, shown by a physiotherapist”."
    )
    caption = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        icon = "media"
        template = "articles/blocks/embed.html"
        value_class = EmbedValue
        description = "A video or post from another site, as a clearly labelled link: nothing loads from that site."
        preview_value = {
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "title": "Three calf stretches",
            "caption": "",
        }


class ArticleBodyBlock(blocks.StreamBlock):
    section_heading = SectionHeadingBlock()
    paragraph = ParagraphBlock()
    list = ListBlock()
    image = FigureBlock()
    related_article = RelatedArticleBlock()
    care_card = CareCardBlock()
    doctor_questions = DoctorQuestionsBlock()
    do_dont = DoDontBlock()
    inset_text = InsetTextBlock()
    warning_callout = WarningCalloutBlock()
    table = ArticleTableBlock()
    embed = EmbedBlock()
    doctor_visit_checklist = DoctorVisitChecklistBlock()
