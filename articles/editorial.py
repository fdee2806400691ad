"""The editorial workflow: editors write, a medical reviewer approves, and approval publishes.

Safe to run again: what exists is left alone, so an administrator's changes to the workflow in
the admin survive; only articles sections without a workflow of their own get this one.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from articles.models import ArticleIndexPage
from healthsite.role_groups import sync_role_groups

WORKFLOW_NAME = "Medical review"
REVIEWERS_GROUP = "Medical reviewers"
# Made by Wagtail's migrations for the whole tree; its approvers, the Moderators, would publish pages.
WAGTAIL_DEFAULT_WORKFLOW_NAME = "Moderators approval"


@transaction.atomic
def set_up_editorial_workflow():
    """Re-apply the roles to the site as it now stands and give every articles section medical review."""
    sync_role_groups()
    return ensure_medical_review_workflow()


@transaction.atomic
def ensure_medical_review_workflow():
    """Create the "Medical review" workflow once and assign it to every articles section that has none."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
        task.groups.set([Group.objects.get_or_create(name=REVIEWERS_GROUP)[0]])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        for default in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW_NAME, active=True):
            default.deactivate()
    for section in ArticleIndexPage.objects.exclude(pk__in=WorkflowPage.objects.values("page")):
        WorkflowPage.objects.create(page=section, workflow=workflow)
    return workflow


def cover_new_section(sender, instance, created, raw=False, **kwargs):
    """A section added in the admin gets medical review too, like those the demo loader set up."""
    if created and not raw:
        ensure_medical_review_workflow()
