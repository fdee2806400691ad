"""A checklist as a FHIR R4 Questionnaire, and a reader's answers as a QuestionnaireResponse, so
health software can read them. Plain dictionaries, made in memory; the response is never kept.

The red-flag logic is carried by one display item per outcome, shown (`enableWhen`, behaviour
"any") when any answer reaching that level is given. FHIR cannot say "only the most urgent of
these", so software shows every level reached; the most urgent is the checklist's result.
"""

from django.utils import timezone

from triage.choices import AnswerType, OutcomeLevel, SignAnswer

SIGN_ANSWER_SYSTEM = "urn:x-healthsite:triage:sign-answer"
# The FHIR item type of each answer type, and the answer[x] a response uses for it.
ITEM_TYPES = {
    AnswerType.YES_NO: ("boolean", "valueBoolean"),
    AnswerType.SHORT_TEXT: ("string", "valueString"),
    AnswerType.LONG_TEXT: ("text", "valueString"),
    AnswerType.DATE: ("date", "valueDate"),
    AnswerType.NUMBER: ("integer", "valueInteger"),
    AnswerType.CHOICE: ("choice", "valueString"),
    AnswerType.SCALE: ("integer", "valueInteger"),
}
SIGNS_GROUP, PREPARATION_GROUP, ASK = "warning-signs", "preparation", "ask"


def _sign_coding(answer):
    return {"system": SIGN_ANSWER_SYSTEM, "code": answer.value, "display": answer.label}


def _sign_item(checklist, sign):
    return {
        "linkId": sign.key,
        "text": f"{checklist.page.subject} {sign.text}",
        "type": "choice",
        "required": True,
        "answerOption": [{"valueCoding": _sign_coding(answer)} for answer in SignAnswer],
    }


def _question_item(question):
    item_type, _ = ITEM_TYPES[question.answer_type]
    item = {"linkId": question.key, "text": question.prompt, "type": item_type, "required": not question.skippable}
    if question.answer_type == AnswerType.CHOICE:
        item["answerOption"] = [{"valueString": option} for option in question.option_list]
    if question.answer_type == AnswerType.SCALE:
        item["extension"] = [
            {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 0},
            {"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 10},
        ]
    return item


def _reaching(checklist, level):
    """The enableWhen conditions under which an answer reaches `level`."""
    conditions = []
    for sign in checklist.signs:
        if sign.urgency == level:
            answers = [SignAnswer.YES, SignAnswer.NOT_SURE] if sign.not_sure_counts else [SignAnswer.YES]
            conditions += [{"question": sign.key, "operator": "=", "answerCoding": _sign_coding(a)} for a in answers]
    for question in checklist.questions:
        if question.warning_urgency != level:
            continue
        match question.answer_type:
            case AnswerType.YES_NO:
                conditions.append({"question": question.key, "operator": "=", "answerBoolean": True})
            case AnswerType.CHOICE:
                conditions += [
                    {"question": question.key, "operator": "=", "answerString": option}
                    for option in question.warning_options
                ]
            case AnswerType.SCALE:
                conditions.append({"question": question.key, "operator": ">=", "answerInteger": question.warning_from})
    return conditions


def _outcome_items(checklist):
    items = []
    for level in OutcomeLevel:
        outcome = checklist.outcomes.get(level)
        conditions = _reaching(checklist, level)
        if outcome is None or not conditions:
            continue
        text = f"{outcome.heading}. {outcome.what_to_do} If it gets worse: {outcome.if_worse}"
        items.append(
            {
                "linkId": f"outcome-{level}",
                "text": text,
                "type": "display",
                "enableWhen": conditions,
                "enableBehavior": "any",
            }
        )
    return items


def questionnaire(checklist, url, site_name=""):
    """The checklist as a Questionnaire; `url` is its canonical address."""
    page = checklist.page
    resource = {
        "resourceType": "Questionnaire",
        "id": f"checklist-{page.pk}",
        "url": url,
        "version": str(page.live_revision_id or "draft"),
        "title": page.title,
        "status": "active" if page.live else "draft",
        "description": page.intro,
        "item": [
            {
                "linkId": SIGNS_GROUP,
                "text": "Warning signs",
                "type": "group",
                "item": [_sign_item(checklist, sign) for sign in checklist.signs],
            },
            *_outcome_items(checklist),
            {
                "linkId": PREPARATION_GROUP,
                "text": "Prepare for your appointment",
                "type": "group",
                "item": [_question_item(question) for question in checklist.questions],
            },
        ],
    }
    if page.last_published_at:
        resource["date"] = page.last_published_at.isoformat()
    if site_name:
        resource["publisher"] = site_name
    if checklist.questions_to_ask:
        resource["item"].append(
            {
                "linkId": ASK,
                "text": "Questions you may want to ask your doctor",
                "type": "choice",
                "repeats": True,
                "answerOption": [{"valueString": item.text} for item in checklist.questions_to_ask],
            }
        )
    return resource


def _answer(question, value):
    _, key = ITEM_TYPES[question.answer_type]
    match question.answer_type:
        case AnswerType.YES_NO:
            return {key: value == "yes"}
        case AnswerType.DATE:
            return {key: value.isoformat()}
        case AnswerType.SCALE:
            return {key: int(value)}
    return {key: value}


def questionnaire_response(checklist, questionnaire_url, signs_form, preparation_form):
    """The reader's answers, from the two checked forms: skipped questions are left out."""
    signs, prepared = signs_form.cleaned_data, preparation_form.cleaned_data
    version = checklist.page.live_revision_id or "draft"
    preparation = [
        {"linkId": question.key, "text": question.prompt, "answer": [_answer(question, prepared[question.key])]}
        for question in checklist.questions
        if prepared.get(question.key) not in (None, "")
    ]
    items = [
        {
            "linkId": SIGNS_GROUP,
            "item": [
                {
                    "linkId": sign.key,
                    "text": f"{checklist.page.subject} {sign.text}",
                    "answer": [{"valueCoding": _sign_coding(SignAnswer(signs[sign.key]))}],
                }
                for sign in checklist.signs
            ],
        }
    ]
    if preparation:
        items.append({"linkId": PREPARATION_GROUP, "item": preparation})
    chosen = set(prepared.get("ask", []))
    asked = [{"valueString": item.text} for item in checklist.questions_to_ask if str(item.pk) in chosen]
    if asked:
        items.append({"linkId": ASK, "answer": asked})
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{questionnaire_url}|{version}",
        "status": "completed",
        "authored": timezone.now().isoformat(),
        "item": items,
    }
