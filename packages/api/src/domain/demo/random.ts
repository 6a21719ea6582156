/**
 * A seeded source of randomness: the same seed gives the same demo (ids aside, which carry
 * their own entropy), so screenshots, docs and tests can point at stable data.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  weighted<T>(items: readonly T[], weight: (item: T) => number): T
  shuffle<T>(items: readonly T[]): T[]
  /**
   * An independent stream named by `label`: each concept draws from its own stream, so adding
   * a draw to one generator does not reshuffle everything generated after it.
   */
  fork(label: string): Random
}

// mulberry32: tiny, fast and well distributed enough for fake data; not for secrets.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed)
  const pickIndex = (length: number) => Math.floor(next() * length)
  const random: Random = {
    next,
    int: (min, max) => min + pickIndex(max - min + 1),
    chance: (probability) => next() < probability,
    pick(items) {
      const item = items[pickIndex(items.length)]
      if (item === undefined) throw new Error('cannot pick from an empty list')
      return item
    },
    weighted(items, weight) {
      const total = items.reduce((sum, item) => sum + weight(item), 0)
      let left = next() * total
      for (const item of items) {
        left -= weight(item)
        if (left < 0) return item
      }
      return random.pick(items)
    },
    shuffle(items) {
      const copy = [...items]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = pickIndex(i + 1)
        ;[copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]]
      }
      return copy
    },
    fork: (label) => createRandom((seed ^ fnv1a(label)) >>> 0),
  }
  return random
}
