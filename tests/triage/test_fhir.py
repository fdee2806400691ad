import json

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from tests.triage.conftest import question_answers, sign_answers

pytestmark = pytest.mark.django_db


def link_ids(items):
    for item in items:
        yield item["linkId"]
        yield from link_ids(item.get("item", []))


def test_each_checklist_is_a_valid_fhir_questionnaire_linked_from_its_page(client, checklist):
    """The checklist's page links its Questionnaire, which FHIR R4 models accept, with every
    sign and question and the outcome shown when a red flag is answered."""
    flag = checklist.preparation_questions.get(answer_type="scale")
    flag.warning_urgency, flag.warning_from, flag.warning_text = "urgent", 8, "You said 8 or more."
    flag.save()
    url = checklist.url + "questionnaire/"
    assert f'href="{url}"' in client.get(checklist.url).text
    response = client.get(url)
    assert response["Content-Type"] == "application/fhir+json"
    resource = response.json()
    Questionnaire.model_validate(resource)
    assert resource["url"] == "http://testserver" + url
    assert resource["version"] == str(checklist.live_revision_id)
    ids = set(link_ids(resource["item"]))
    assert {sign.key for sign in checklist.warning_signs.all()} <= ids
    assert {question.key for question in checklist.preparation_questions.all()} <= ids
    urgent = next(item for item in resource["item"] if item["linkId"] == "outcome-urgent")
    assert {"question": flag.key, "operator": ">=", "answerInteger": 8} in urgent["enableWhen"]
    assert urgent["enableBehavior"] == "any"


def test_the_reader_downloads_their_answers_as_a_valid_questionnaire_response(reader, checklist):
    """The answers, made in memory from the cookie, as a QuestionnaireResponse to the checklist."""
    reader.answer_signs(sign_answers(checklist, urgent="yes"))
    summary = reader.answer_questions(question_answers(checklist))
    assert f'href="{checklist.url}fhir-answers/"' in summary.text
    response = reader.client.get(checklist.url + "fhir-answers/")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    resource = json.loads(response.content)
    QuestionnaireResponse.model_validate(resource)
    questionnaire = reader.client.get(checklist.url + "questionnaire/").json()
    assert set(link_ids(resource["item"])) <= set(link_ids(questionnaire["item"]))
    text = json.dumps(resource)
    for expected in ["zebra-kite-417", "2019-03-17", "98713", '"valueBoolean": true', "What causes my cramp 0?"]:
        assert expected in text, expected
    assert resource["questionnaire"] == f"http://testserver{checklist.url}questionnaire/|{checklist.live_revision_id}"
