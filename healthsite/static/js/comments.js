// Comments. Everything about them works without this script; it adds three things.
(function () {
  // 1. A link to a comment (#comment-N, such as an old WordPress one) whose comment is on another
  // page of threads: the site knows which, so ask it, once.
  var thread = document.querySelector("[data-find-comment]");
  var sought = /^#comment-(\d+)$/.exec(location.hash);
  if (thread && sought) {
    var ASKED = "healthsite.sought-comment";  // asked once: a comment no longer shown is not asked for again
    var session = null;
    try { session = window.sessionStorage; } catch (e) { session = null; }
    if (document.getElementById(location.hash.slice(1))) {
      if (session) session.removeItem(ASKED);
    } else if (session && session.getItem(ASKED) !== sought[1]) {
      session.setItem(ASKED, sought[1]);
      location.replace(thread.dataset.findComment.replace(/0\/$/, sought[1] + "/"));
      return;
    }
  }

  var form = document.querySelector("[data-comment-form]");
  if (!form) return;

  // 2. The form's token. The page is the same for every reader (and cached as such), so it holds no
  // token; one is asked for when the reader starts on the form, which also starts its timer. Should
  // that fail, the form is sent without one and the server sends it back, text kept, with a token.
  var token = form.querySelector("input[name=token]");
  var asking = null;
  function askForToken() {
    if (!asking && !token.value && token.dataset.tokenUrl && window.fetch) {
      asking = fetch(token.dataset.tokenUrl, { credentials: "same-origin", cache: "no-store" })
        .then(function (response) {
          if (!response.ok) throw new Error("token: " + response.status);
          return response.json();
        })
        .then(function (data) { token.value = data.token; })
        .catch(function () { asking = null; });
    }
    return asking || Promise.resolve();
  }
  form.addEventListener("focusin", askForToken);

  // 3. "Save my name, email, and website in this browser": kept in localStorage only, never sent.
  var KEY = "healthsite.commenter";
  var fields = ["name", "email", "website"];
  var box = form.querySelector("[name=save_details]");
  var saved = null;
  var local = null;
  try { local = window.localStorage; } catch (e) { local = null; }
  try { saved = local && JSON.parse(local.getItem(KEY)); } catch (e) { saved = null; }
  if (saved) {
    fields.forEach(function (name) {
      var input = form.querySelector("[name=" + name + "]");
      if (input && !input.value && saved[name]) input.value = saved[name];
    });
    if (box) box.checked = true;
  }
  function rememberDetails() {
    if (!local) return;
    if (box && box.checked) {
      var details = {};
      fields.forEach(function (name) { details[name] = form.querySelector("[name=" + name + "]").value; });
      local.setItem(KEY, JSON.stringify(details));
    } else {
      local.removeItem(KEY);
    }
  }

  var sending = false;
  form.addEventListener("submit", function (event) {
    rememberDetails();
    if (token.value) return;
    // Sent before the token arrived (a quick reader, a pasted comment): wait for it, then send once.
    event.preventDefault();
    if (sending) return;
    sending = true;
    askForToken().then(function () { form.submit(); });
  });
})();
