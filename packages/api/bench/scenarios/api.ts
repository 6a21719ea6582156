import type { BenchManifest } from '../generate/index.js'

/** A published initiative created through the API with the bench's secret key. */
export async function createInitiative(
  url: string,
  manifest: BenchManifest,
  fields: { title: string; capacity?: number | null; startsInDays?: number },
): Promise<{ id: string; status: number }> {
  const startsAt = new Date(Date.now() + (fields.startsInDays ?? 10) * 86_400_000)
  const response = await fetch(`${url}/v1/initiatives`, {
    method: 'POST',
    headers: { authorization: `Bearer ${manifest.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      group_id: manifest.sectionId,
      kind: 'meeting',
      title: fields.title,
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      location: { name: 'Salle des fêtes', address: '1 place de la Mairie', postcode: manifest.nearPostcode },
      capacity: fields.capacity ?? null,
      publish: true,
    }),
  })
  const body = (await response.json()) as { id?: string; detail?: string }
  if (response.status !== 201 || !body.id) {
    throw new Error(`creating an initiative answered ${response.status}: ${JSON.stringify(body)}`)
  }
  return { id: body.id, status: response.status }
}
