import { initAll } from "../scorecard/govuk-frontend.min.js";

// GOV.UK Frontend's components start only on a body marked as supported; a module script runs only in
// browsers that are. Done here, not inline, so the Content Security Policy need allow no inline script.
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
