import { html, raw } from 'hono/html'
import type { OutboxEntry, OutboxMessage } from '../../mail/outbox.js'
import { htmlPage } from '../common/html-page.js'

const style = `
  body { margin: 0; font: 0.9375rem/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fafafa; }
  main { max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.375rem 0.75rem 0.375rem 0; border-bottom: 1px solid #ddd; vertical-align: top; }
  iframe { width: 100%; height: 36rem; border: 1px solid #ccc; background: #fff; }
  pre { white-space: pre-wrap; word-break: break-word; background: #fff; border: 1px solid #ccc; padding: 1rem; }
  .note { color: #555; }
`

const page = (title: string, body: unknown) => htmlPage({ title, body, style, lang: 'en' })

const when = (date: Date) => date.toISOString().replace('T', ' ').slice(0, 19)

/** The newest messages, each linking to its page. */
export function listPage(entries: OutboxEntry[], olderThan: number | undefined) {
  const rows = entries.map(
    (entry) => html`<tr>
  <td>${when(entry.created_at)}</td>
  <td>${entry.to_address}</td>
  <td><a href="/dev/mailbox/${entry.id}">${entry.subject}</a></td>
  <td>${entry.template}</td>
</tr>`,
  )
  return page(
    'Dev mailbox',
    html`<h1>Dev mailbox</h1>
<p class="note">E-mails Relais would have sent: no SMTP_URL is set, so they are kept in the database. Open one to
  follow its links (confirmation, unsubscribe) as its recipient would.</p>
${
  entries.length === 0
    ? html`<p>No message yet. Sign up or RSVP through the API or a widget, and the e-mail appears here.</p>`
    : html`<table>
  <thead><tr><th>Date (UTC)</th><th>To</th><th>Subject</th><th>Message</th></tr></thead>
  <tbody>${rows}</tbody>
</table>`
}
${olderThan ? html`<p><a href="/dev/mailbox?before=${olderThan}">Older messages</a></p>` : ''}`,
  )
}

// Addresses in the plain text become links, so that the text part can be followed too.
function linkified(text: string) {
  const escaped = String(html`${text}`)
  return raw(escaped.replace(/https?:\/\/[^\s<>"]+/g, (url) => `<a href="${url}" target="_top">${url}</a>`))
}

/** One message: its headers, the HTML part as sent, the plain text, attachments and the MIME source. */
export function messagePage(message: OutboxMessage) {
  const base = `/dev/mailbox/${message.id}`
  return page(
    message.subject,
    html`<p><a href="/dev/mailbox">← All messages</a></p>
<h1>${message.subject}</h1>
<table>
  <tr><th>To</th><td>${message.to_address}</td></tr>
  <tr><th>Date (UTC)</th><td>${when(message.created_at)}</td></tr>
  <tr><th>Message</th><td>${message.template} (${message.organization_id})</td></tr>
  <tr><th>Attachments</th><td>${
    message.attachments.length === 0
      ? 'none'
      : message.attachments.map(
          (attachment, i) =>
            html`<a href="${base}/attachments/${i}" download="${attachment.filename}">${attachment.filename}</a>
              (${attachment.content_type}) `,
        )
  }</td></tr>
  <tr><th>Source</th><td><a href="${base}/raw" download="message-${message.id}.eml">message-${message.id}.eml</a></td></tr>
</table>
<h2>HTML</h2>
<iframe src="${base}/html" title="The HTML part of the message"
  sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"></iframe>
<h2>Plain text</h2>
<pre>${linkified(message.text_body)}</pre>`,
  )
}
