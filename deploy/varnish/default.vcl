vcl 4.1;
# The front cache for anonymous readers, in front of gunicorn (`make serve`; VARNISH=0 leaves it out).
#
# - Pages are cached for as long as the site says (Cache-Control s-maxage) and purged by tag: every
#   response names what it shows in an `xkey` header (page:N, comments:N, section:N, ...), and the
#   site sends `PURGE` with `xkey-purge: <tags>` when those change (healthsite/pagecache).
# - Requests carrying a session or a pending message (signed-in users, a reader who has just
#   posted a comment and must see it) pass straight to the site.
# - Nothing per reader is in a cached page: the comment form asks /comments/<id>/token/ (passed,
#   never cached) for its token when the reader starts on it, so every read is a plain hit.
#
# The backend is in backend.vcl, written by scripts/varnish.py next to this file's search path.

import std;
import xkey;

include "backend.vcl";

# Only the site itself, on this machine, may purge.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            return (synth(200, "Purged " + xkey.purge(req.http.xkey-purge) + " objects"));
        }
        # Wagtail's frontend cache purges single addresses.
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|comments|documents)/") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Other cookies (analytics, the comment form's saved details) change nothing the site renders.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Long enough to answer while a new copy is fetched; a purge removes the object at once.
    set beresp.grace = 10s;
}

sub vcl_deliver {
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "hit";
    } else {
        set resp.http.X-Varnish-Cache = "miss";
    }
}
