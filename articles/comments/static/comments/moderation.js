// The comments queue's bulk bar counts comments ("1 comment selected"), not snippets.
window.wagtailConfig.STRINGS.BULK_ACTIONS.COMMENT = {
  SINGULAR: "1 comment selected",
  PLURAL: "%(objects)s comments selected",
  ALL: "All %(objects)s comments on this screen selected",
  ALL_IN_LISTING: "All comments in listing selected",
};
