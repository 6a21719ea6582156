import { styles } from './styles.js'

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char)
}

function layout(title: string, body: string, script = ''): string {
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
${script}
</body>
</html>`
}

export interface DemoPage {
  publishableKey: string
  organizationId: string
  publicUrl: string
}

/** The demo: the fictional party's data, read in the browser through the public API. */
export function demoPage({ publishableKey, organizationId, publicUrl }: DemoPage): string {
  const key = escapeHtml(publishableKey)
  const curl = escapeHtml(`curl -H "Authorization: Bearer ${publishableKey}" "${publicUrl}/v1/initiatives?limit=5"`)
  return layout(
    'Relais — démonstration',
    `<main id="contenu" data-key="${key}" data-organization="${escapeHtml(organizationId)}" aria-busy="true">
  <h1>Démonstration : <span id="organisation">un parti fictif</span></h1>
  <p class="lead">Ce serveur contient un parti imaginaire, avec ses fédérations, ses sections, ses adhérents et leurs
  initiatives. Tout ce qui suit est lu par votre navigateur dans l’API publique, avec la clé publiable de démonstration,
  comme le ferait le site d’un candidat.</p>
  <p id="statut" class="status" role="status">Chargement des données…</p>
  <noscript><p class="status error">Cette page lit les données avec JavaScript. L’API reste accessible directement :
  voir la <a href="/docs">référence</a>.</p></noscript>

  <section aria-labelledby="titre-chiffres">
    <h2 id="titre-chiffres">En chiffres</h2>
    <dl id="chiffres" class="counts"></dl>
  </section>

  <section aria-labelledby="titre-initiatives">
    <h2 id="titre-initiatives">Prochaines initiatives</h2>
    <ol id="initiatives" class="cards"></ol>
  </section>

  <section aria-labelledby="titre-federations">
    <h2 id="titre-federations">Fédérations</h2>
    <ul id="federations" class="cards federations"></ul>
  </section>

  <section aria-labelledby="titre-api">
    <h2 id="titre-api">Essayer l’API</h2>
    <p>La clé publiable <code>${key}</code> donne accès aux opérations publiques :</p>
    <pre tabindex="0"><code>${curl}</code></pre>
    <p>La clé secrète de démonstration, qui a tous les droits, est dans le fichier <code>demo.json</code> du dossier de
    données (<code>.relais/demo.json</code> par défaut), lisible par vous seul.</p>
  </section>
</main>`,
    '<script src="/home/demo.js" defer></script>',
  )
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
