"""gunicorn's settings, read from the working directory by `make serve` and any `gunicorn` run there.

Left to itself, gunicorn believes X-Forwarded-Proto from 127.0.0.1 and ::1, and so turns requests
into https ones, whatever Django was told. Here it follows Django's own variables: the header is
believed only with TRUST_X_FORWARDED_PROTO=true, and only from the TRUSTED_PROXY_NETWORKS."""

import os

trust_forwarded_proto = os.environ.get("TRUST_X_FORWARDED_PROTO", "").lower() in {"1", "true", "yes", "on"}
if trust_forwarded_proto:
    forwarded_allow_ips = os.environ.get("TRUSTED_PROXY_NETWORKS", "127.0.0.1/32,::1/128")
    secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
else:
    forwarded_allow_ips = ""
    secure_scheme_headers = {}
