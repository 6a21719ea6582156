/** Kebab-case ASCII, as group slugs and e-mail local parts need: "Fédération de l'Isère" → "federation-de-l-isere". */
export function kebabCase(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
