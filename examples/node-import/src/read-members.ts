import { parse } from 'csv-parse/sync'

/** One person of the CSV, with the line it came from, so every outcome can point back at it. */
export interface MemberRow {
  line: number
  given_name: string
  family_name: string
  email: string
  postcode: string
  phone: string
  tags: string[]
}

// The headers of the old CRM's export (French Excel: semicolons, a BOM), mapped to the API's fields.
const columns = {
  Prénom: 'given_name',
  Nom: 'family_name',
  'E-mail': 'email',
  'Code postal': 'postcode',
  Téléphone: 'phone',
  Étiquettes: 'tags',
} as const

export function readMembers(csv: string): MemberRow[] {
  const records: { record: Record<string, string>; info: { lines: number } }[] = parse(csv, {
    bom: true,
    columns: (header: string[]) => header.map((name) => columns[name as keyof typeof columns] ?? name),
    delimiter: ';',
    relax_column_count: true,
    info: true,
    skip_empty_lines: true,
    trim: true,
  })
  return records.map(({ record, info }) => ({
    line: info.lines,
    given_name: record.given_name ?? '',
    family_name: record.family_name ?? '',
    email: record.email ?? '',
    postcode: record.postcode ?? '',
    phone: record.phone ?? '',
    tags: (record.tags ?? '')
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
  }))
}
