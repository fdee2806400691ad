"""What a reader gets when the database cannot be reached mid-request."""

import functools

from django.db import InterfaceError, OperationalError
from django.shortcuts import render

RETRY_AFTER_SECONDS = 30


def keeps_the_post_when_the_database_is_down(template):
    """A view decorator for forms: when the database is down, answer 503 with `template`, which gets
    what the reader sent as `sent` to offer it back, instead of a 500 that loses it. The template
    must not touch the database (no user, messages or settings)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except (OperationalError, InterfaceError):
                response = render(request, template, {"sent": request.POST}, status=503)
                response["Retry-After"] = str(RETRY_AFTER_SECONDS)
                return response

        return wrapper

    return decorator
