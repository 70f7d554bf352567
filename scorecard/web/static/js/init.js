import { initAll } from "../scorecard/govuk-frontend.min.js";

// GOV.UK Frontend's components start only on a body marked as supported; a module script runs only in
// browsers that are. Done here, not inline, so the Content Security Policy need allow no inline script.
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// Publishing lays out every report in every format, which can take a minute or two: say so while the page waits
// for the answer (which lists what was kept), and do not send it twice.
for (const form of document.querySelectorAll("form[data-scorecard-publishing]")) {
  form.addEventListener("submit", (event) => {
    if (form.dataset.sent) {
      event.preventDefault();
      return;
    }
    form.dataset.sent = "true";
    const status = form.querySelector("[data-scorecard-publishing-status]");
    status.textContent = status.dataset.scorecardPublishingStatus;
    form.querySelector("button[type=submit]").setAttribute("aria-disabled", "true");
  });
}
