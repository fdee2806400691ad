# The article body's "Doctor-visit checklist" block (triage.blocks.DoctorVisitChecklistBlock).

import django.core.validators
import re
import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0004_related_names'),
    ]

    operations = [
        migrations.AlterField(
            model_name='articlepage',
            name='body',
            field=wagtail.fields.StreamField([('section_heading', 3), ('paragraph', 4), ('list', 8), ('image', 12), ('related_article', 14), ('care_card', 17), ('doctor_questions', 22), ('do_dont', 25), ('inset_text', 26), ('warning_callout', 28), ('table', 29), ('doctor_visit_checklist', 32)], block_lookup={0: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 1: ('wagtail.blocks.IntegerBlock', (), {'default': 2, 'help_text': '2 for a section, 3 or 4 for parts of a section.', 'max_value': 4, 'min_value': 2}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': 'The end of the link to this section (#…). Leave blank to make it from the heading.', 'max_length': 80, 'required': False, 'validators': [django.core.validators.RegexValidator(re.compile('^[-a-zA-Z0-9_]+\\Z'), 'Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.', 'invalid')]}), 3: ('wagtail.blocks.StructBlock', [[('heading', 0), ('level', 1), ('anchor', 2)]], {}), 4: ('articles.blocks.ParagraphBlock', (), {}), 5: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('bulleted', 'Bulleted'), ('numbered', 'Numbered')], 'help_text': 'Numbered for steps or ranked items, bulleted otherwise.'}), 6: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link']}), 7: ('wagtail.blocks.ListBlock', (6,), {'min_num': 1}), 8: ('wagtail.blocks.StructBlock', [[('style', 5), ('items', 7)]], {}), 9: ('articles.blocks.PrefetchedImageChooserBlock', (), {}), 10: ('wagtail.blocks.CharBlock', (), {'help_text': 'Describe what the image shows for people who cannot see it.', 'max_length': 250}), 11: ('wagtail.blocks.CharBlock', (), {'max_length': 250, 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('image', 9), ('alt_text', 10), ('caption', 11)]], {}), 13: ('wagtail.blocks.PageChooserBlock', (), {'page_type': ['articles.ArticlePage']}), 14: ('wagtail.blocks.StructBlock', [[('article', 13)]], {}), 15: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('non-urgent', 'Non-urgent'), ('urgent', 'Urgent'), ('emergency', 'Emergency')], 'help_text': 'Emergency cards tell readers to call their local emergency number.'}), 16: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul']}), 17: ('wagtail.blocks.StructBlock', [[('urgency', 15), ('heading', 0), ('body', 16)]], {}), 18: ('wagtail.blocks.CharBlock', (), {'default': 'Questions your doctor may ask', 'max_length': 120}), 19: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link'], 'required': False}), 20: ('wagtail.blocks.CharBlock', (), {'max_length': 250}), 21: ('wagtail.blocks.ListBlock', (20,), {'min_num': 1}), 22: ('wagtail.blocks.StructBlock', [[('heading', 18), ('intro', 19), ('questions', 21)]], {}), 23: ('wagtail.blocks.ListBlock', (20,), {'label': 'Do'}), 24: ('wagtail.blocks.ListBlock', (20,), {'label': 'Don’t'}), 25: ('wagtail.blocks.StructBlock', [[('do', 23), ('dont', 24)]], {}), 26: ('wagtail.blocks.StructBlock', [[('text', 6)]], {}), 27: ('wagtail.blocks.CharBlock', (), {'default': 'Important', 'max_length': 120}), 28: ('wagtail.blocks.StructBlock', [[('heading', 27), ('body', 16)]], {}), 29: ('articles.blocks.ArticleTableBlock', (), {}), 30: ('triage.blocks.ChecklistChooserBlock', (), {'page_type': ['triage.ChecklistPage']}), 31: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('warning_signs', 'Warning signs, as care cards by urgency'), ('questions', 'Questions your doctor may ask')]}), 32: ('wagtail.blocks.StructBlock', [[('checklist', 30), ('show', 31)]], {})}),
        ),
    ]
