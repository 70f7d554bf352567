// The API reference page: Redoc reads the OpenAPI schema named on the page (no inline script, for the CSP).
const element = document.getElementById("redoc-ui");
Redoc.init(element.dataset.schemaUrl, { hideDownloadButton: false }, element);
