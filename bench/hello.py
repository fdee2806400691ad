"""The ceiling for any Python app on this machine: a bare WSGI "hello" under the same gunicorn."""


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "5")])
    return [b"hello"]
