// The builder's text mode: an error in the preview takes the coach to its word in the text.
// Each error is a link to the textarea carrying its line, column and word; following it
// selects that word (or puts the caret at the column), so a phone keyboard opens right there.
// Without this script the link still moves the focus to the textarea.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-line]");
  const text = document.getElementById("week-text");
  if (!link || !text) return;
  event.preventDefault();
  const lines = text.value.split("\n");
  const line = Math.min(Number(link.dataset.line), lines.length) - 1;
  let start = Number(link.dataset.column) - 1;
  for (let i = 0; i < line; i += 1) start += lines[i].length + 1;
  text.focus();
  text.setSelectionRange(start, start + (link.dataset.word || "").length);
});
