import pytest

from tests.triage.factories import ChecklistIndexPageFactory, build_checklist


@pytest.fixture
def checklist_index(home_page):
    return ChecklistIndexPageFactory(parent=home_page)


@pytest.fixture
def checklist(checklist_index):
    """A published checklist with a warning sign per urgency and a question of every answer type."""
    return build_checklist(checklist_index)


class Reader:
    """A reader going through a checklist with the test client, which keeps the answer cookie."""

    def __init__(self, client, page):
        self.client, self.page, self.url = client, page, page.url

    def start(self):
        return self.client.get(self.url)

    def answer_signs(self, answers, follow=True):
        return self.client.post(self.url, answers, follow=follow)

    def answer_questions(self, answers, follow=True):
        return self.client.post(self.url + "prepare/", answers, follow=follow)

    def see_result(self):
        return self.client.get(self.url + "result/")

    def see_summary(self):
        return self.client.get(self.url + "summary/", follow=True)

    def download_pdf(self, paper="a4"):
        return self.client.get(self.url + "pdf/", {"paper": paper})

    def start_again(self):
        return self.client.post(self.url, {"action": "restart"}, follow=True)


def sign_answers(page, default="no", **by_urgency):
    """Every warning sign answered `default`, except the first of each urgency given."""
    answers = {sign.key: default for sign in page.warning_signs.all()}
    for urgency, answer in by_urgency.items():
        answers[page.warning_signs.filter(urgency=urgency).first().key] = answer
    return answers


# Distinctive answers, so any copy of them on the server can be found.
TYPED_ANSWERS = {
    "yes_no": "yes",
    "short_text": "zebra-kite-417",
    "long_text": "quokka lantern 88\nsecond line",
    "date": "2019-03-17",
    "number": "98713",
    "choice": "Sometimes",
    "scale": "7",
}
SECRETS = ["zebra-kite-417", "quokka lantern 88", "2019-03-17", "98713"]


def question_answers(page, **overrides):
    answers = {}
    for question in page.preparation_questions.all():
        if not question.sensitive:
            answers[question.key] = TYPED_ANSWERS[question.answer_type]
    answers["ask"] = [str(page.questions_to_ask.first().pk)]
    answers.update(overrides)
    return answers


@pytest.fixture
def reader(client, checklist):
    return Reader(client, checklist)
