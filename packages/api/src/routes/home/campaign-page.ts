import type { Campaign } from './campaign.js'
import { campaignStyles } from './campaign-styles.js'
import { escapeHtml } from './html.js'

export interface CampaignPage extends Campaign {
  publishableKey: string
  /** Widget files to fetch with the loader (paths under `/widgets/v1/`): the event list's. */
  preloads?: string[]
}

const when = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('fr-FR', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
  }).format(at)

/**
 * The demo: the site of a fictional candidate, built from the widgets alone, as a webmaster would
 * (the loader, `<relais-config>`, one tag per block). Inside each tag, a link for visitors without
 * JavaScript: calendars (which take the publishable key in their address) and e-mail addresses.
 */
export function campaignPage({ publishableKey, section, federation, featured, preloads = [] }: CampaignPage): string {
  const key = escapeHtml(publishableKey)
  const group = federation ?? section
  const calendar = group ? `/v1/groups/${escapeHtml(group.id)}/calendar.ics?key=${key}` : '/docs'
  const contact = escapeHtml(
    section?.contact_email ?? federation?.contact_email ?? 'contact@mouvement-relais.example.org',
  )
  const place = federation ? escapeHtml(federation.name.replace(/^Fédération /, '')) : 'en France'
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Camille Martin — Paris 11e, à vos côtés | Mouvement Relais</title>
<meta name="description" content="Camille Martin, candidate du Mouvement Relais aux municipales à Paris 11e : nos actions, notre équipe, rejoignez-nous.">
<link rel="icon" href="data:,">
<style>${campaignStyles}</style>
<script type="module" src="/widgets/v1/relais.js"></script>
${preloads.map((file) => `<link rel="modulepreload" href="/widgets/v1/${escapeHtml(file)}">`).join('\n')}
</head>
<body>
<header class="site-header">
  <a class="skip" href="#contenu">Aller au contenu</a>
  <div class="wrap header-inner">
    <p class="brand"><span class="brand-mark" aria-hidden="true">CM</span><span>Camille Martin<small>Paris 11e · Mouvement Relais</small></span></p>
    <nav class="site-nav" aria-label="Dans cette page">
      <ul>
        <li><a href="#agenda">Agenda</a></li>
        <li><a href="#rejoindre">Nous rejoindre</a></li>
        <li><a href="#section">Votre section</a></li>
        <li><a href="#direct">En direct</a></li>
      </ul>
    </nav>
  </div>
</header>
<relais-config key="${key}"${group ? ` group="${escapeHtml(group.id)}"` : ''} lang="fr">
<main id="contenu">
  <section class="hero" aria-labelledby="titre">
    <div class="wrap hero-inner">
      <div class="hero-text">
        <p class="eyebrow">Élections municipales · Paris 11e</p>
        <h1 id="titre">Camille Martin, candidate aux municipales à Paris 11e</h1>
        <p class="lead">Des rues plus sûres et plus vertes, des écoles rénovées, des loyers qu’on peut payer : avec les
        militantes et militants du Mouvement Relais, nous faisons campagne rue par rue, marché par marché.</p>
        <p class="actions">
          <a class="button" href="#rejoindre">Rejoindre la campagne</a>
          <a class="button ghost" href="#agenda">Voir les prochaines actions</a>
        </p>
      </div>
      <div class="hero-figures">
        <relais-counter class="figure" metric="members" label="adhérents ${place} avec nous" theme="dark">
          <a href="#rejoindre">Des centaines d’adhérents ${place} : rejoignez-les</a>
        </relais-counter>
        <relais-counter class="figure" metric="initiatives" label="actions à venir ${place}" theme="dark">
          <a href="${calendar}">Toutes nos actions dans votre agenda</a>
        </relais-counter>
      </div>
    </div>
  </section>
${featured ? featuredBlock(featured, key) : ''}
  <section id="agenda" class="band" aria-labelledby="titre-agenda">
    <div class="wrap">
      <h2 id="titre-agenda">Prochaines actions</h2>
      <p class="intro">Tractages, porte-à-porte, réunions publiques : choisissez une action près de chez vous et
      inscrivez-vous en une minute. Une heure suffit pour être utile.</p>
      <relais-event-list show-filters limit="5">
        <a href="${calendar}">Abonnez-vous à l’agenda de nos actions</a>
      </relais-event-list>
    </div>
  </section>

  <section id="rejoindre" class="band tinted" aria-labelledby="titre-rejoindre">
    <div class="wrap split">
      <div>
        <h2 id="titre-rejoindre">Rejoignez-nous</h2>
        <p class="intro">Adhérer au Mouvement Relais, c’est rejoindre une équipe près de chez vous : des réunions
        de quartier, des actions concrètes, une voix dans le programme.</p>
        <ul class="ticks">
          <li>Votre section locale vous accueille dans la semaine.</li>
          <li>Vous choisissez vos actions, à votre rythme.</li>
          <li>Vos données ne servent qu’au mouvement, jamais vendues ni cédées.</li>
        </ul>
      </div>
      <relais-signup-form class="card">
        <a href="mailto:${contact}?subject=Adh%C3%A9sion">Écrivez-nous pour adhérer : ${contact}</a>
      </relais-signup-form>
    </div>
  </section>

  <section id="section" class="band" aria-labelledby="titre-section">
    <div class="wrap">
      <h2 id="titre-section">Trouvez votre section</h2>
      <p class="intro">Entrez votre code postal ou votre commune : nous vous indiquons l’équipe la plus proche et
      les groupes thématiques que vous pouvez rejoindre.</p>
      <relais-group-finder>
        <a href="mailto:${contact}?subject=Ma%20section">Demandez-nous le contact de votre section : ${contact}</a>
      </relais-group-finder>
    </div>
  </section>

  <section id="direct" class="band tinted" aria-labelledby="titre-direct">
    <div class="wrap">
      <h2 id="titre-direct">En direct de la campagne</h2>
      <p class="intro">Nouvelles actions, nouveaux visages : la campagne ${place}, en temps réel.</p>
      <relais-activity-feed class="card" limit="6">
        <a href="${calendar}">Suivez nos actions dans votre agenda</a>
      </relais-activity-feed>
    </div>
  </section>
</main>
</relais-config>
<footer class="site-footer">
  <div class="wrap footer-inner">
    <p><strong>Camille Martin</strong> est une candidate imaginaire : cette page montre les widgets de Relais
    avec les données du parti fictif de démonstration. Les inscriptions faites ici restent sur ce serveur.</p>
    <nav aria-label="Relais">
      <ul>
        <li><a href="/docs">Référence de l’API</a></li>
        <li><a href="/openapi.json">Contrat OpenAPI</a></li>
        <li><a href="/widgets/v1/relais.js">Le chargeur des widgets</a></li>
      </ul>
    </nav>
  </div>
</footer>
</body>
</html>
`
}

function featuredBlock(initiative: NonNullable<Campaign['featured']>, key: string): string {
  const id = escapeHtml(initiative.id)
  const title = escapeHtml(initiative.title)
  const date = escapeHtml(when(initiative.starts_at, initiative.timezone))
  return `
  <section class="band featured" aria-label="L’action à la une">
    <div class="wrap">
      <p class="eyebrow dark">À la une</p>
      <relais-event class="card" initiative="${id}">
        <a href="/v1/initiatives/${id}/calendar.ics?key=${key}">${title}, ${date} : ajouter à mon agenda</a>
      </relais-event>
    </div>
  </section>
`
}
