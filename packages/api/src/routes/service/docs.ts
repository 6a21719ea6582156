/** The rendered API reference; its script is served by this server, no outside CDN. */
export function docsPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Relais API reference</title>
</head>
<body>
<noscript>The reference needs JavaScript. The raw contract is at <a href="/openapi.json">/openapi.json</a>.</noscript>
<script id="api-reference" data-url="/openapi.json"></script>
<script src="/docs/assets/standalone.js"></script>
</body>
</html>`
}
