// Shows the "Print the summary" button; without JavaScript, the browser's own Print command does the same.
document.querySelectorAll("[data-print-summary]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
