"""The reader's forms, built from a checklist. What they accept is kept only in the reader's
encrypted answer cookie (triage/visit.py), never on the server."""

from django import forms
from django.utils import timezone

from healthsite.forms import ReaderForm
from triage.choices import AnswerType, SignAnswer

NUMBER_MAX = 99_999
SCALE_CHOICES = [(str(n), str(n)) for n in range(11)]
YES_NO_CHOICES = [("yes", "Yes"), ("no", "No")]


class NotInFutureDateField(forms.DateField):
    input_formats = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"]

    def validate(self, value):
        super().validate(value)
        if value and value > timezone.localdate():
            raise forms.ValidationError("The date must be today or in the past.", code="future")


class ChecklistForm(ReaderForm, forms.Form):
    """A step of the checklist. `raw_answers()` gives what the reader typed, to carry to later steps."""

    # Most questions are optional, and the error summary links to each question's group.
    mark_optional = True
    anchored = True

    def raw_answers(self):
        answers = {}
        for name, field in self.fields.items():
            value = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            if value not in (None, "", []):
                answers[name] = value
        return answers


class WarningSignsForm(ChecklistForm):
    def __init__(self, signs, subject, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for sign in signs:
            self.fields[sign.key] = forms.ChoiceField(
                label=f"{subject} {sign.text}",
                help_text=sign.hint,
                choices=SignAnswer.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Select yes, no or not sure for “{subject} {sign.text}”.",
                    "invalid_choice": f"Select yes, no or not sure for “{subject} {sign.text}”.",
                },
            )


def preparation_field(question):
    """The form field for one preparation question; sensitive ones carry why they are asked."""
    field = _answer_field(question)
    field.why_asked = question.why_asked if question.sensitive else ""
    return field


def _answer_field(question):
    """The field for the question's answer type, with messages that say what to fix."""
    label = question.prompt
    required = not question.skippable
    common = {"label": label, "help_text": question.hint, "required": required}
    messages = {"required": f"Answer “{label}”."}
    match question.answer_type:
        case AnswerType.YES_NO:
            messages["invalid_choice"] = f"Select yes or no for “{label}”."
            return forms.ChoiceField(
                choices=YES_NO_CHOICES, widget=forms.RadioSelect, error_messages=messages, **common
            )
        case AnswerType.CHOICE:
            messages["invalid_choice"] = f"Select one of the options for “{label}”."
            options = [(option, option) for option in question.option_list]
            return forms.ChoiceField(choices=options, widget=forms.RadioSelect, error_messages=messages, **common)
        case AnswerType.SCALE:
            messages["invalid_choice"] = f"Choose a number between 0 and 10 for “{label}”."
            return forms.ChoiceField(choices=SCALE_CHOICES, widget=forms.RadioSelect, error_messages=messages, **common)
        case AnswerType.DATE:
            messages["invalid"] = f"Enter a real date for “{label}”, for example 27/3/2024."
            return NotInFutureDateField(
                widget=forms.DateInput(attrs={"type": "date"}), error_messages=messages, **common
            )
        case AnswerType.NUMBER:
            messages["invalid"] = f"Enter a whole number for “{label}”, for example 3."
            messages["min_value"] = messages["max_value"] = f"Enter a number from 0 to 99,999 for “{label}”."
            return forms.IntegerField(min_value=0, max_value=NUMBER_MAX, error_messages=messages, **common)
        case AnswerType.LONG_TEXT:
            messages["max_length"] = f"Keep your answer to “{label}” under 2,000 characters."
            return forms.CharField(max_length=2000, widget=forms.Textarea, error_messages=messages, **common)
        case _:
            messages["max_length"] = f"Keep your answer to “{label}” under 200 characters."
            return forms.CharField(max_length=200, error_messages=messages, **common)


class PreparationForm(ChecklistForm):
    def __init__(self, questions, questions_to_ask, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in questions:
            self.fields[question.key] = preparation_field(question)
        if questions_to_ask:
            self.fields["ask"] = forms.MultipleChoiceField(
                label="Questions you may want to ask your doctor",
                help_text="Tick any you want on your summary. You can add your own in the notes.",
                required=False,
                choices=[(str(item.pk), item.text) for item in questions_to_ask],
                widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": "Select only questions from the list."},
            )
