import { initAll } from "../scorecard/govuk-frontend.min.js";

initAll();
