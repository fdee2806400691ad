from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Person(index.Indexed, models.Model):
    """An author or medical reviewer, credited on the pages they wrote or checked."""

    name = models.CharField(max_length=100)
    credentials = models.CharField(
        max_length=100, blank=True, help_text="Shown after the name, e.g. “MD, FRCP” or “Registered nurse”."
    )
    bio = models.TextField("short bio", max_length=500, blank=True)
    photo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    panels = [FieldPanel("name"), FieldPanel("credentials"), FieldPanel("bio"), FieldPanel("photo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class Topic(models.Model):
    """A subject readers browse by, e.g. “Muscles, bones and joints”."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True, help_text="Used in the address of the topic’s listing.")
    description = models.TextField(
        "introduction", blank=True, help_text="One or two sentences at the top of the topic’s page."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
