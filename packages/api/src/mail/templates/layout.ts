import { html, type SafeHtml } from './html.js'

export type Language = 'fr' | 'en'

/** French unless the person chose English. */
export function languageOf(code: string): Language {
  return code === 'en' ? 'en' : 'fr'
}

/** One part of a message, written once for both the plain text and the HTML. */
export type Block =
  | { paragraph: string }
  | { action: { label: string; url: string } }
  | { details: [label: string, value: string][] }

export interface MailContent {
  subject: string
  greeting: string
  blocks: Block[]
}

export interface Frame {
  language: Language
  organizationName: string
  unsubscribeUrl: string
}

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

const footer = {
  fr: (organization: string) => ({
    why: `Vous recevez ce message parce que cette adresse e-mail a été donnée sur un formulaire de ${organization}.`,
    unsubscribe: 'Ne plus recevoir de messages',
  }),
  en: (organization: string) => ({
    why: `You receive this message because this e-mail address was given on a form of ${organization}.`,
    unsubscribe: 'Stop receiving messages',
  }),
}

/** French sets a space before a colon. */
export const colon = (language: Language) => (language === 'fr' ? '\u00a0: ' : ': ')

/** The message as plain text and as HTML, with the organization's name and an unsubscribe link. */
export function renderMail(content: MailContent, frame: Frame): RenderedMail {
  const end = footer[frame.language](frame.organizationName)
  // Header lines hold one line: a title with a line break must not start a new header.
  const subject = content.subject.replace(/\s+/g, ' ').trim()
  return { subject, text: textOf(content, frame, end), html: htmlOf(content, frame, end, subject).value }
}

function textOf(content: MailContent, frame: Frame, end: { why: string; unsubscribe: string }): string {
  const sep = colon(frame.language)
  const blocks = content.blocks.map((block) => {
    if ('paragraph' in block) return block.paragraph
    if ('action' in block) return `${block.action.label}${sep}\n${block.action.url}`
    return block.details.map(([label, value]) => `${label}${sep}${value}`).join('\n')
  })
  return [
    content.greeting,
    ...blocks,
    `-- \n${frame.organizationName}\n${end.why}\n${end.unsubscribe}${sep}${frame.unsubscribeUrl}`,
  ].join('\n\n')
}

const styles = {
  body: 'margin:0;padding:0;background:#f4f4f4;',
  main: 'max-width:560px;margin:0 auto;padding:24px;background:#ffffff;font:16px/1.5 Arial,Helvetica,sans-serif;color:#1a1a1a;',
  button:
    'display:inline-block;padding:12px 20px;border-radius:6px;background:#1f3a93;color:#ffffff;font-weight:bold;text-decoration:none;',
  url: 'font-size:13px;color:#555555;word-break:break-all;',
  label: 'padding:4px 12px 4px 0;vertical-align:top;font-weight:bold;white-space:nowrap;',
  footer: 'max-width:560px;margin:0 auto;padding:16px 24px;font:13px/1.5 Arial,Helvetica,sans-serif;color:#555555;',
}

function htmlOf(content: MailContent, frame: Frame, end: { why: string; unsubscribe: string }, subject: string) {
  const blocks = content.blocks.map((block): SafeHtml => {
    if ('paragraph' in block) return html`<p>${block.paragraph}</p>`
    if ('action' in block) {
      const { label, url } = block.action
      return html`<p><a href="${url}" style="${styles.button}">${label}</a></p>
<p style="${styles.url}">${url}</p>`
    }
    const rows = block.details.map(
      ([label, value]) => html`<tr><td style="${styles.label}">${label}</td><td>${value}</td></tr>`,
    )
    return html`<table role="presentation" cellpadding="0" cellspacing="0">${rows}</table>`
  })
  return html`<!doctype html>
<html lang="${frame.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${subject}</title>
</head>
<body style="${styles.body}">
<div style="${styles.main}">
<p>${content.greeting}</p>
${blocks.map((block) => html`${block}\n`)}</div>
<div style="${styles.footer}">
<p>${frame.organizationName} — ${end.why}</p>
<p><a href="${frame.unsubscribeUrl}" style="color:#555555;">${end.unsubscribe}</a></p>
</div>
</body>
</html>
`
}
