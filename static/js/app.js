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

// Buttons show that they are working, and a second click does nothing twice: a form being
// sent is marked busy (aria-busy, a spinner on its button) and refuses another submit until
// the answer arrives. htmx forms are released when their request ends; a plain post leaves
// the page, and coming back to it (the back button) releases it too.
function busy(form, on, submitter) {
  if (on) form.setAttribute("aria-busy", "true"); else form.removeAttribute("aria-busy");
  const button = submitter || form.querySelector("button[type=submit], button:not([type])");
  if (on && button) button.classList.add("is-busy");
  // A button outside the form (form="...") belongs to it too.
  if (!on) document.querySelectorAll(".is-busy").forEach((b) => { if (b.form === form || form.contains(b)) b.classList.remove("is-busy"); });
}
const isHtmx = (form) => form.matches("[hx-post], [hx-get], [data-hx-post], [data-hx-get]");
// In the capture phase, before htmx's own listener on the form sees a second submit (a
// second Enter, say).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form.getAttribute("aria-busy") === "true") {
    event.preventDefault();
    event.stopImmediatePropagation();
    return;
  }
  if (form.method.toLowerCase() !== "post" || isHtmx(form)) return;
  // After the submit event, so that the clicked button's own name and value are sent.
  setTimeout(() => {
    if (event.defaultPrevented) return;
    busy(form, true, event.submitter);
    // A post stopped before its answer (Esc, a lost connection) must not leave the form
    // refusing every submit until a reload.
    setTimeout(() => busy(form, false), 15000);
  }, 0);
}, true);
window.addEventListener("pageshow", () => {
  document.querySelectorAll("form[aria-busy]").forEach((form) => busy(form, false));
});
document.addEventListener("htmx:beforeRequest", (event) => {
  // Only a form's own request (a part of the page that redraws itself is not a submit).
  const form = event.detail.elt;
  if (form.tagName !== "FORM" || event.detail.requestConfig?.verb === "get") return;
  if (form.getAttribute("aria-busy") === "true") { event.preventDefault(); return; }
  busy(form, true, event.detail.requestConfig?.triggeringEvent?.submitter);
});
["htmx:afterRequest", "htmx:sendError", "htmx:sendAbort", "htmx:onLoadError"].forEach((name) => {
  document.addEventListener(name, (event) => {
    const form = event.detail.elt;
    if (form?.tagName === "FORM" && form.isConnected) busy(form, false);
  });
});

// After a failed save the user sees why, where they are looking: the first invalid field
// takes the focus and is scrolled into view (the summary at the top of the form links to
// every one); a form error with no field of its own (an edit conflict) focuses the summary.
function focusFirstError(root) {
  const summary = root.querySelector("[data-error-summary]");
  if (!summary) return;
  const form = summary.closest("form") || root;
  const field = form.querySelector('[aria-invalid="true"], .field--invalid :is(input, select, textarea)');
  const target = summary.hasAttribute("data-focus-summary") || !field ? summary : field;
  reveal(target);
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: "center" });
}
document.addEventListener("DOMContentLoaded", () => {
  setUpTabs(document);
  focusFirstError(document);
});
document.addEventListener("htmx:afterSettle", (event) => focusFirstError(event.detail.elt));
// A link of the summary focuses its field, not only scrolls to it.
document.addEventListener("click", (event) => {
  const link = event.target.closest("[data-error-summary] a[href^='#']");
  const field = link && document.getElementById(link.getAttribute("href").slice(1));
  if (!field) return;
  event.preventDefault();
  reveal(field);
  field.focus({ preventScroll: true });
  field.scrollIntoView({ block: "center" });
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

// Quantity steppers: − and + beside a quantity field change it by one (never below its
// minimum); without this file the field itself still takes a number.
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-step]");
  if (!button) return;
  const field = document.getElementById(button.getAttribute("aria-controls"));
  if (!field) return;
  const min = Number(field.min || 1);
  const max = Number(field.max || 10000);
  const value = Math.round(field.value === "" ? 0 : Number(field.value) || 0) + Number(button.dataset.step);
  field.value = String(Math.min(max, Math.max(min, value)));
  field.dispatchEvent(new Event("change", { bubbles: true }));
});

// Tabs (the languages of a product's name): without this file every panel shows, one under
// another, each with its heading. With it, one panel at a time: the first with an error,
// else the business's own language. A field that must take the focus opens its panel.
function selectTab(tabs, tab) {
  tabs.querySelectorAll("[role=tab]").forEach((each) => {
    const on = each === tab;
    each.setAttribute("aria-selected", on ? "true" : "false");
    each.tabIndex = on ? 0 : -1;
    document.getElementById(each.getAttribute("aria-controls")).hidden = !on;
  });
}
function setUpTabs(root) {
  root.querySelectorAll("[data-tabs]").forEach((tabs) => {
    const list = tabs.querySelector("[role=tablist]");
    if (!list || list.classList.contains("is-ready")) return;
    list.classList.add("is-ready");
    const all = [...tabs.querySelectorAll("[role=tab]")];
    const first = all.find((t) => t.querySelector(".tabs__error")) || all.find((t) => t.dataset.default === "true") || all[0];
    selectTab(tabs, first);
    list.addEventListener("click", (event) => {
      const tab = event.target.closest("[role=tab]");
      if (tab) selectTab(tabs, tab);
    });
    list.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      const rtl = getComputedStyle(list).direction === "rtl";
      const index = all.indexOf(document.activeElement);
      const next = all[(index + (rtl ? -step : step) + all.length) % all.length];
      selectTab(tabs, next);
      next.focus();
    });
  });
}
// An element about to take the focus opens the tab panel it is in.
function reveal(element) {
  const panel = element.closest("[role=tabpanel][hidden]");
  if (!panel) return;
  const tabs = panel.closest("[data-tabs]");
  setUpTabs(tabs.parentElement);
  selectTab(tabs, tabs.querySelector(`[aria-controls="${panel.id}"]`));
}

// Photos chosen for upload are shown before they are sent.
document.addEventListener("change", (event) => {
  const input = event.target;
  if (input.type !== "file") return;
  const preview = document.querySelector(`[data-photo-preview="${input.id}"]`);
  if (!preview) return;
  preview.replaceChildren(...[...input.files].map((file) => {
    const item = document.createElement("li");
    item.className = "photo-list__item";
    const img = document.createElement("img");
    img.alt = "";
    img.src = URL.createObjectURL(file);
    img.addEventListener("load", () => URL.revokeObjectURL(img.src), { once: true });
    const name = document.createElement("span");
    name.className = "muted small";
    name.textContent = file.name;
    item.append(img, name);
    return item;
  }));
});

// A product photo opens larger in a dialog over the page (without this file, the link
// opens the photo itself). Closed by its button, Escape or a tap outside it.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-zoom]");
  if (!link || !window.HTMLDialogElement) return;
  event.preventDefault();
  const dialog = document.createElement("dialog");
  dialog.className = "zoom";
  const img = document.createElement("img");
  img.src = link.href;
  img.alt = link.getAttribute("aria-label") || "";
  const close = document.createElement("button");
  close.type = "button";
  close.className = "zoom__close";
  close.textContent = "✕";
  close.setAttribute("aria-label", document.body.dataset.closeLabel || "Close");
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("click", (e) => { if (e.target === dialog) dialog.close(); });
  dialog.addEventListener("close", () => dialog.remove());
  dialog.append(img, close);
  document.body.append(dialog);
  dialog.showModal();
});

// Filtering a long table as one types (the staff's New order page): rows whose text or
// category does not match are hidden; nothing typed in them is lost, and the form still
// sends them. Without this file every row shows.
function filterRows(table) {
  const search = document.querySelector(`[data-filter-rows="#${table.id}"]`);
  const category = document.querySelector(`[data-filter-category="#${table.id}"]`);
  const lang = document.documentElement.lang;
  const term = (search?.value || "").trim().toLocaleLowerCase(lang);
  const chosen = category?.value || "";
  let shown = 0;
  table.querySelectorAll("tbody tr").forEach((row) => {
    const text = row.dataset.search.toLocaleLowerCase(lang);
    const match = (!term || text.includes(term)) && (!chosen || row.dataset.category === chosen);
    row.hidden = !match;
    if (match) shown += 1;
  });
  const empty = table.parentElement.querySelector("[data-filter-empty]");
  if (empty) empty.hidden = shown > 0;
}
document.addEventListener("input", (event) => {
  const selector = event.target.dataset?.filterRows;
  if (selector) filterRows(document.querySelector(selector));
});
document.addEventListener("change", (event) => {
  const selector = event.target.dataset?.filterCategory;
  if (selector) filterRows(document.querySelector(selector));
});

// A Print button (the page's own print styles leave out the navigation).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});

// Date shortcuts ("Tomorrow", "Next week"): they fill the date field they name. Without
// JavaScript they stay hidden and the date field is used as it is.
function showShortcuts(root) {
  root.querySelectorAll("[data-set-date][hidden]").forEach((button) => { button.hidden = false; });
}
document.addEventListener("DOMContentLoaded", () => showShortcuts(document));
document.addEventListener("htmx:load", (event) => showShortcuts(event.detail.elt));
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-set-date]");
  if (!button) return;
  const input = document.getElementById(button.dataset.for);
  if (!input) return;
  input.value = button.dataset.setDate;
  button.parentElement.querySelectorAll("[data-set-date]").forEach((each) => {
    each.setAttribute("aria-pressed", each === button ? "true" : "false");
  });
});

// "Save view" keeps the list as shown now: after filtering with htmx the address bar holds
// the current search and filters (hx-push-url), which the page's form may not.
document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-current-query]");
  if (!form) return;
  const params = new URLSearchParams(window.location.search);
  ["saved", "view", "section"].forEach((name) => params.delete(name));
  [...params.keys()].filter((name) => name.startsWith("after")).forEach((name) => params.delete(name));
  form.querySelector("input[name=query]").value = params.toString();
}, true);

// The bulk bar shows the input its chosen action needs (all of them without JavaScript),
// and the table's head ticks every row of the page.
function showBulkInputs(form) {
  const action = form.querySelector("[data-bulk-action]").value;
  form.querySelectorAll("[data-bulk-input]").forEach((input) => {
    input.hidden = !input.dataset.bulkInput.split(" ").includes(action);
  });
}
document.addEventListener("change", (event) => {
  if (event.target.matches("[data-bulk-action]")) showBulkInputs(event.target.form);
  if (event.target.matches("[data-select-all]")) {
    const table = event.target.closest("table");
    table.querySelectorAll("input[name=ids]").forEach((box) => { box.checked = event.target.checked; });
  }
});
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("#bulk-form").forEach(showBulkInputs);
  document.querySelectorAll("[data-select-all][hidden]").forEach((box) => { box.hidden = false; });
});
document.addEventListener("htmx:load", (event) => {
  event.detail.elt.querySelectorAll("[data-select-all][hidden]").forEach((box) => { box.hidden = false; });
});
