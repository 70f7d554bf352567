// The API reference page: Redoc reads the OpenAPI schema named on the page (no inline script, for the CSP).
// Its colours are chosen to pass WCAG 2.2 AA contrast (4.5:1 for text), on the light page and the dark panel.
const dark = "#0b0c0c";
const theme = {
  colors: {
    primary: { main: "#144e81" },
    success: { main: "#00703c" },
    error: { main: "#b3261e" },
    warning: { main: "#6f4e00" },
    text: { primary: dark, secondary: "#484949" },
    http: {
      get: "#00703c", post: "#1d70b8", put: "#6f4e00", options: "#484949",
      patch: "#6f4e00", delete: "#b3261e", basic: "#484949", link: "#1d70b8", head: "#484949",
    },
    responses: {
      success: { color: "#00703c", backgroundColor: "#e6f2ec", tabTextColor: "#85e0b0" },
      error: { color: "#b3261e", backgroundColor: "#fbeaea", tabTextColor: "#ff9c94" },
      redirect: { color: "#6f4e00", backgroundColor: "#fff7d6", tabTextColor: "#ffd866" },
      info: { color: "#1d70b8", backgroundColor: "#e8f1f8", tabTextColor: "#9cc9f0" },
    },
  },
  typography: {
    code: { color: "#942514", backgroundColor: "#f4f5f5" },
    links: { color: "#1d70b8", visited: "#4c2c92", hover: "#003078" },
  },
  sidebar: { backgroundColor: "#f3f2f1", textColor: dark, activeTextColor: "#1d70b8" },
  rightPanel: { backgroundColor: "#263238", textColor: "#ffffff" },
  // Redoc draws its section headings ("Authorizations:", "Path parameters") in a fixed half-transparent grey.
  extensionsHook: (name) => (name === "UnderlinedHeader" ? "color: #484949;" : ""),
};
const element = document.getElementById("redoc-ui");
Redoc.init(element.dataset.schemaUrl, { hideDownloadButton: false, theme }, element);
