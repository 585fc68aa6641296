// Small progressive enhancements; every page works without this file.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const field = document.querySelector(button.dataset.copy);
  if (!field) return;
  navigator.clipboard.writeText(field.value).then(() => {
    const label = button.textContent;
    button.textContent = button.dataset.copied || label;
    setTimeout(() => { button.textContent = label; }, 1500);
  });
});

// A submit button marked data-once is disabled after the first click (the server's
// idempotency key makes a second submission harmless anyway).
document.addEventListener("submit", (event) => {
  const button = event.target.querySelector("button[data-once]");
  if (button) setTimeout(() => { button.disabled = true; }, 0);
});

// An htmx request that fails is not swapped into the page, so what was typed stays; say
// so instead of doing nothing. The messages are translated in base.html's <body>.
function showFailure(text) {
  const main = document.getElementById("main");
  if (!main || !text) return;
  let list = main.querySelector(".messages--htmx");
  if (!list) {
    list = document.createElement("ul");
    list.className = "messages messages--htmx";
    list.setAttribute("role", "alert");
    main.prepend(list);
  }
  const item = document.createElement("li");
  item.className = "message message--error";
  item.textContent = text;
  list.replaceChildren(item);
  list.scrollIntoView({ block: "nearest" });
}
// A part that only redraws itself (data-refresh) changed nothing when it fails: no message.
document.addEventListener("htmx:responseError", (event) => {
  if (!event.detail.elt.hasAttribute("data-refresh")) showFailure(document.body.dataset.requestFailed);
});
document.addEventListener("htmx:sendError", (event) => {
  if (!event.detail.elt.hasAttribute("data-refresh")) showFailure(document.body.dataset.serverUnreachable);
});
document.addEventListener("htmx:afterRequest", (event) => {
  // A later request that worked clears the message.
  if (event.detail.successful) document.querySelector(".messages--htmx")?.remove();
});
