// "Save my name, email, and website in this browser": kept in localStorage only, never sent
// anywhere. Everything else about commenting works without this script.
(function () {
  var form = document.querySelector("[data-comment-form]");
  if (!form || !window.localStorage) return;
  var KEY = "healthsite.commenter";
  var fields = ["name", "email", "website"];
  var box = form.querySelector("[name=save_details]");
  var saved = null;
  try { saved = JSON.parse(localStorage.getItem(KEY)); } catch (e) { saved = null; }
  if (saved) {
    fields.forEach(function (name) {
      var input = form.querySelector("[name=" + name + "]");
      if (input && !input.value && saved[name]) input.value = saved[name];
    });
    if (box) box.checked = true;
  }
  form.addEventListener("submit", function () {
    if (box && box.checked) {
      var details = {};
      fields.forEach(function (name) { details[name] = form.querySelector("[name=" + name + "]").value; });
      localStorage.setItem(KEY, JSON.stringify(details));
    } else {
      localStorage.removeItem(KEY);
    }
  });
})();
