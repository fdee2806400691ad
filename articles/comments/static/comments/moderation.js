// The comments queue's bulk bar counts comments ("1 comment selected"), not snippets.
window.wagtailConfig.STRINGS.BULK_ACTIONS.COMMENT = {
  SINGULAR: "1 comment selected",
  PLURAL: "%(objects)s comments selected",
  ALL: "All %(objects)s comments on this screen selected",
  ALL_IN_LISTING: "All comments in listing selected",
};

// WordPress's single-key shortcuts, for those who turned keyboard shortcuts on (Account → Keyboard
// shortcuts): with focus in a row, a approve, u unapprove, s spam, d trash, z restore or not spam,
// r reply, q quick edit; j and k move to the next or previous comment.
const COMMENT_KEYS = {
  a: "approve",
  u: "unapprove",
  s: "spam",
  d: "trash",
  z: "restore",
  r: "reply",
  q: "quick-edit",
};

document.addEventListener("keydown", (event) => {
  if (!window.wagtailConfig.KEYBOARD_SHORTCUTS_ENABLED) return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target.closest("input, textarea, select, [contenteditable]")) return;
  const row = event.target.closest("tr");
  if (!row || !row.querySelector(".comment-row-actions")) return;
  if (event.key === "j" || event.key === "k") {
    const sibling = event.key === "j" ? row.nextElementSibling : row.previousElementSibling;
    const title = sibling && sibling.querySelector(".title-wrapper a");
    if (title) {
      title.focus();
      event.preventDefault();
    }
    return;
  }
  const control = COMMENT_KEYS[event.key] && row.querySelector(`[data-comment-action="${COMMENT_KEYS[event.key]}"]`);
  if (control) {
    event.preventDefault();
    control.click();
  }
});
