"""Emails about comments, sent by background tasks (django-tasks), never while a reader waits."""

from django_tasks import task

from . import notifications


@task()
def send_subscription_confirmation(subscription_id):
    notifications.send_subscription_confirmation(subscription_id)


@task()
def notify_moderators(comment_id):
    notifications.notify_moderators(comment_id)


@task()
def notify_subscribers(reply_id):
    notifications.notify_subscribers(reply_id)


@task()
def send_moderator_digests():
    notifications.send_moderator_digests()
