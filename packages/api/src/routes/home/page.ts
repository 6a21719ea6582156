import { styles } from './styles.js'

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${styles}</style>
</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<header>
  <p class="brand">Relais</p>
  <nav aria-label="Documentation">
    <ul>
      <li><a href="/docs">Référence de l’API</a></li>
      <li><a href="/openapi.json">Contrat OpenAPI</a></li>
    </ul>
  </nav>
</header>
${body}
<footer>
  <p>Relais : adhérents, groupes et initiatives d’un parti ou d’une campagne, par une API et des widgets à intégrer.</p>
</footer>
</body>
</html>`
}

/** Without a demo: what Relais is and where to read about it. */
export function aboutPage(): string {
  return layout(
    'Relais',
    `<main id="contenu">
  <h1>Relais</h1>
  <p class="lead">Relais est la boîte à outils militante d’un parti ou d’une campagne : une API pour les adhérents, les
  groupes locaux et thématiques et les initiatives (réunions, porte-à-porte, tractages…), avec des widgets à coller dans
  n’importe quel site et un client typé.</p>
  <h2>Pour commencer</h2>
  <ul>
    <li>La <a href="/docs">référence de l’API</a> décrit chaque opération ;</li>
    <li>le <a href="/openapi.json">contrat OpenAPI</a> en est la source, pour générer des clients ;</li>
    <li>les clés d’API se créent avec <code>relais keys create</code> (voir <code>relais keys create --help</code>).</li>
  </ul>
  <p>Pour voir une démonstration avec un parti fictif, démarrez le serveur avec <code>relais serve --demo</code>
  (ce que fait <code>pnpm start</code>).</p>
</main>`,
  )
}
