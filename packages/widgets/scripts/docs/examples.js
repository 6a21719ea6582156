// The examples of docs/widgets.md, one set per widget: what a candidate's webmaster would paste
// (French copy, realistic ids), how the page can react to the widget's events, and how to style
// its parts. `write-docs.js` refuses a widget without its examples.

const federation = 'grp_06crszbj92tfppw99bev0qh75g'
const section = 'grp_06g6bg6hypd3ayrwkccbxn229m'
const initiative = 'ini_06gpx4dgs3k7b7nvby9x2bstkg'

export const examples = {
  'relais-event-list': {
    html: `<relais-event-list group="${federation}" kind="meeting,canvassing,leafleting" limit="5" show-filters>
  <a href="https://www.camille-martin.fr/agenda">Toutes nos actions à Paris</a>
</relais-event-list>

<!-- Or each initiative on a page of your own site, which holds a <relais-event> without attribute: -->
<relais-event-list group="${section}" rsvp="link" event-url="https://www.camille-martin.fr/action?initiative={id}">
  <a href="https://www.camille-martin.fr/agenda">L’agenda de la section</a>
</relais-event-list>`,
    js: `document.querySelector('relais-event-list').addEventListener('relais-rsvp', (event) => {
  const { initiative_id, status } = event.detail // 'pending_confirmation': the e-mail's link takes the place
  window.plausible?.('Inscription action', { props: { initiative: initiative_id, status } })
})`,
    css: `relais-event-list::part(date) {
  background: #003a70;
  color: #ffffff;
}
relais-event-list::part(rsvp-button) {
  font-weight: 700;
}`,
  },
  'relais-event': {
    html: `<relais-event initiative="${initiative}">
  <a href="https://www.camille-martin.fr/agenda/tractage-richard-lenoir">Tractage au marché Richard-Lenoir, samedi 28 novembre</a>
</relais-event>

<!-- On https://www.camille-martin.fr/action?initiative=ini_…, the initiative comes from the address: -->
<relais-event><a href="https://www.camille-martin.fr/agenda">Notre agenda</a></relais-event>`,
    js: `const event = document.querySelector('relais-event')
event.addEventListener('relais-load', (e) => {
  document.title = \`\${e.detail.title} — Camille Martin\`
})
event.addEventListener('relais-rsvp', (e) => {
  // No place yet: the e-mail sent to the visitor carries the link that takes it.
  console.info(\`Inscription demandée : \${e.detail.initiative_id}\`)
})`,
    css: `relais-event::part(title) {
  font-family: Georgia, serif;
}
relais-event::part(success) {
  border-left: 4px solid currentColor;
}`,
  },
  'relais-signup-form': {
    html: `<relais-signup-form
  group="${section}"
  heading="Rejoignez l’équipe de Camille"
  success-message="Merci ! L’équipe du 11e vous recontacte très vite.">
  <a href="https://mouvement-relais.example.org/adherer">Adhérer au Mouvement Relais</a>
</relais-signup-form>`,
    js: `document.querySelector('relais-signup-form').addEventListener('relais-signup', (event) => {
  // Nothing about the person: only where they will belong.
  const { group_id, postcode } = event.detail
  window.plausible?.('Adhésion', { props: { group: group_id ?? 'national', departement: postcode.slice(0, 2) } })
})`,
    css: `relais-signup-form::part(submit-button) {
  width: 100%;
  font-size: 1.1rem;
}
relais-signup-form::part(heading) {
  text-transform: uppercase;
  letter-spacing: 0.04em;
}`,
  },
  'relais-group-finder': {
    html: `<relais-group-finder radius-km="10" limit="3">
  <a href="https://mouvement-relais.example.org/sections">Trouver ma section locale</a>
</relais-group-finder>

<!-- Joining on your own sign-up page, with the search already made: -->
<relais-group-finder postcode="75011" join-url="https://www.camille-martin.fr/rejoindre">
  <a href="https://mouvement-relais.example.org/sections">Trouver ma section locale</a>
</relais-group-finder>`,
    js: `document.querySelector('relais-group-finder').addEventListener('relais-load', (event) => {
  const { postcode, groups } = event.detail
  if (groups.length === 0) document.querySelector('#creer-une-section').hidden = false
})`,
    css: `relais-group-finder::part(group) {
  border-radius: 0;
}
relais-group-finder::part(distance) {
  font-style: italic;
}`,
  },
  'relais-activity-feed': {
    html: `<relais-activity-feed group="${federation}" limit="6" kinds="initiative_published,member_joined,members_milestone">
  <a href="https://www.camille-martin.fr/actualites">Les dernières nouvelles de la campagne</a>
</relais-activity-feed>`,
    js: `document.querySelector('relais-activity-feed').addEventListener('relais-error', (event) => {
  // A refused key or origin answers 401 or 403: check the key's allowed origins.
  console.warn('Fil d’activité indisponible', event.detail.status, event.detail.problem?.detail)
})`,
    css: `relais-activity-feed::part(item) {
  border-bottom: 1px dashed #c8ccd4;
}
relais-activity-feed::part(time) {
  font-size: 0.85em;
}`,
  },
  'relais-counter': {
    html: `<relais-counter group="${federation}" metric="members" label="adhérents à Paris" refresh="120">
  <a href="https://mouvement-relais.example.org/adherer">Rejoignez les adhérents du Mouvement Relais</a>
</relais-counter>

<relais-counter initiative="${initiative}" metric="spots_left"></relais-counter>`,
    js: `document.querySelector('relais-counter').addEventListener('relais-load', (event) => {
  if (event.detail.members_active >= 500) document.body.classList.add('objectif-atteint')
})`,
    css: `relais-counter {
  --relais-counter-size: 3.5rem;
  --relais-color-accent: #e4003b;
}
relais-counter::part(label) {
  text-transform: uppercase;
}`,
  },
}
