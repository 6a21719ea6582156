import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Coordinates, Place } from './index.js'
import { boundingBox, departmentOf, distanceKm, findPlace, searchCommunes } from './index.js'

const at = (latitude: number, longitude: number): Coordinates => ({ latitude, longitude })

function expectPlace(postcode: string): Place {
  const place = findPlace(postcode)
  expect(place, postcode).toBeDefined()
  return place as Place
}

const names = (place: Place) => place.communes.map((commune) => commune.name)

describe('findPlace', () => {
  it('locates a Paris arrondissement', () => {
    const place = expectPlace('75011')
    expect(place.communes).toEqual([{ insee_code: '75111', name: 'Paris 11e Arrondissement' }])
    expect(place.precision).toBe('commune')
    expect(place.department).toBe('75')
    expect(distanceKm(place, at(48.859, 2.38))).toBeLessThan(3)
  })

  it('locates Lyon and Marseille arrondissements, which GeoNames spells "Lyon 03" and "Marseille 01"', () => {
    const lyon = expectPlace('69003')
    expect(names(lyon)).toEqual(['Lyon 3e Arrondissement'])
    expect(lyon.precision).toBe('commune')
    expect(distanceKm(lyon, at(45.76, 4.85))).toBeLessThan(3)

    const marseille = expectPlace('13001')
    expect(names(marseille)).toEqual(['Marseille 1er Arrondissement'])
    expect(marseille.department).toBe('13')
    expect(distanceKm(marseille, at(43.2985, 5.3841))).toBeLessThan(3)
  })

  it('puts Ajaccio in Corse-du-Sud although its postcode starts with 20', () => {
    const place = expectPlace('20000')
    expect(names(place)).toContain('Ajaccio')
    expect(place.department).toBe('2A')
    expect(distanceKm(place, at(41.9192, 8.7386))).toBeLessThan(5)
    expect(expectPlace('20200').department).toBe('2B')
  })

  it('locates overseas departments', () => {
    const place = expectPlace('97400')
    expect(names(place)).toEqual(['Saint-Denis'])
    expect(place.department).toBe('974')
    expect(distanceKm(place, at(-20.8789, 55.4481))).toBeLessThan(5)
  })

  it('locates a village with a postcode of its own', () => {
    const place = expectPlace('13810')
    expect(place.communes).toEqual([{ insee_code: '13034', name: 'Eygalières' }])
    expect(place.precision).toBe('commune')
    expect(distanceKm(place, at(43.7606, 4.9497))).toBeLessThan(3)
  })

  it('falls back to the postcodes around when none of the communes is known, and says so', () => {
    const place = expectPlace('05350')
    expect(names(place)).toContain('Saint-Véran')
    expect(place.precision).toBe('approximate')
    expect(place.department).toBe('05')
    expect(distanceKm(place, at(44.7011, 6.8683))).toBeLessThan(100)
  })

  it('knows nothing of postcodes that do not exist', () => {
    expect(findPlace('00000')).toBeUndefined()
    expect(findPlace('99999')).toBeUndefined()
  })

  it('refuses anything but five digits', () => {
    for (const input of ['', '7501', '750111', ' 75011', '75011 ', '75 011', '75O11', '2A004', '7.5e3']) {
      expect(findPlace(input), JSON.stringify(input)).toBeUndefined()
    }
    expect(findPlace(75011 as unknown as string)).toBeUndefined()
  })
})

describe('departmentOf', () => {
  it('reads the department off the postcode', () => {
    expect(departmentOf('75011')).toBe('75')
    expect(departmentOf('01000')).toBe('01')
    expect(departmentOf('20000')).toBe('2A')
    expect(departmentOf('20200')).toBe('2B')
    expect(departmentOf('97400')).toBe('974')
    expect(departmentOf('97600')).toBe('976')
  })

  it('answers for postcodes outside the table, such as CEDEX ones, when the prefix is a department', () => {
    expect(findPlace('75700')).toBeUndefined()
    expect(departmentOf('75700')).toBe('75')
  })

  it('has no department for what is not a French department postcode', () => {
    expect(departmentOf('00000')).toBeUndefined()
    expect(departmentOf('98000')).toBeUndefined()
    expect(departmentOf('97800')).toBeUndefined()
    expect(departmentOf('7501')).toBeUndefined()
  })
})

describe('distanceKm', () => {
  it('measures Paris to Lyon', () => {
    expect(distanceKm(at(48.8566, 2.3522), at(45.764, 4.8357))).toBeCloseTo(392, -1)
    expect(Math.abs(distanceKm(at(48.8566, 2.3522), at(45.764, 4.8357)) - 392)).toBeLessThan(10)
  })

  it('is zero from a point to itself and symmetric', () => {
    const paris = at(48.8566, 2.3522)
    const reunion = at(-20.88, 55.45)
    expect(distanceKm(paris, paris)).toBe(0)
    expect(distanceKm(paris, reunion)).toBeCloseTo(distanceKm(reunion, paris), 9)
  })
})

/** The point `km` away from `from` heading `bearing` degrees, on the sphere distanceKm uses. */
function destination(from: Coordinates, bearing: number, km: number): Coordinates {
  const toRad = Math.PI / 180
  const d = km / 6371.0088
  const lat = from.latitude * toRad
  const theta = bearing * toRad
  const lat2 = Math.asin(Math.sin(lat) * Math.cos(d) + Math.cos(lat) * Math.sin(d) * Math.cos(theta))
  const lng2 =
    from.longitude * toRad +
    Math.atan2(Math.sin(theta) * Math.sin(d) * Math.cos(lat), Math.cos(d) - Math.sin(lat) * Math.sin(lat2))
  return at(lat2 / toRad, ((lng2 / toRad + 540) % 360) - 180)
}

describe('boundingBox', () => {
  const inside = (box: ReturnType<typeof boundingBox>, point: Coordinates) =>
    point.latitude >= box.minLatitude &&
    point.latitude <= box.maxLatitude &&
    point.longitude >= box.minLongitude &&
    point.longitude <= box.maxLongitude

  it('holds every point within the radius, including on its rim', () => {
    for (const center of [at(48.8566, 2.3522), at(-20.88, 55.45), at(69.65, 18.96), at(0, 0)]) {
      for (const radius of [0.5, 10, 50, 300]) {
        const box = boundingBox(center, radius)
        for (let bearing = 0; bearing < 360; bearing += 5) {
          for (const share of [0.25, 0.999]) {
            const point = destination(center, bearing, radius * share)
            expect(distanceKm(center, point)).toBeLessThanOrEqual(radius)
            expect(inside(box, point), `${radius} km at ${bearing}° from ${JSON.stringify(center)}`).toBe(true)
          }
        }
      }
    }
  })

  it('is not much larger than the circle', () => {
    const box = boundingBox(at(48.8566, 2.3522), 10)
    expect(distanceKm(at(box.minLatitude, 2.3522), at(box.maxLatitude, 2.3522))).toBeCloseTo(20, 6)
    expect(distanceKm(at(48.8566, box.minLongitude), at(48.8566, box.maxLongitude))).toBeLessThan(20.1)
  })

  it('takes every longitude near a pole or across the antimeridian', () => {
    expect(boundingBox(at(89.9, 0), 50)).toMatchObject({ minLongitude: -180, maxLongitude: 180 })
    expect(boundingBox(at(-17.5, 179.9), 50)).toMatchObject({ minLongitude: -180, maxLongitude: 180 })
  })
})

describe('searchCommunes', () => {
  it('finds Saint-Étienne however it is typed', () => {
    for (const query of ['saint etienne', 'Saint-Étienne', 'ST ETIENNE', 'st-étienne']) {
      const [first] = searchCommunes(query)
      expect(first?.communes).toEqual([{ insee_code: '42218', name: 'Saint-Étienne' }])
      expect(first?.postcode).toBe('42000')
    }
  })

  it('puts arrondissements of Lyon before communes that merely start with the same letters', () => {
    const results = searchCommunes('Lyon', 12)
    expect(results.slice(0, 9).map((place) => place.postcode)).toEqual([
      '69001',
      '69002',
      '69003',
      '69004',
      '69005',
      '69006',
      '69007',
      '69008',
      '69009',
    ])
    expect(results.slice(9).some((place) => names(place)[0]?.startsWith('Lyons'))).toBe(true)
  })

  it('ignores leading articles and reads arrondissement numbers', () => {
    expect(searchCommunes('rochelle')[0]?.postcode).toBe('17000')
    expect(searchCommunes('la rochelle')[0]?.postcode).toBe('17000')
    expect(searchCommunes('paris 11e')[0]?.postcode).toBe('75011')
  })

  it('honours the limit and finds nothing for nothing', () => {
    expect(searchCommunes('saint', 3)).toHaveLength(3)
    expect(searchCommunes('saint')).toHaveLength(10)
    expect(searchCommunes('')).toEqual([])
    expect(searchCommunes(' - ')).toEqual([])
    expect(searchCommunes('xqzw')).toEqual([])
  })
})

describe('coverage', () => {
  /** Generous boxes around metropolitan France, Corsica included, and each overseas department. */
  const regions: Record<string, [minLat: number, maxLat: number, minLng: number, maxLng: number]> = {
    metropole: [41.3, 51.2, -5.3, 9.7],
    '971': [15.8, 16.6, -61.9, -60.9],
    '972': [14.3, 15.0, -61.3, -60.7],
    '973': [2.0, 6.0, -54.7, -51.5],
    '974': [-21.5, -20.8, 55.1, 56.0],
    '975': [46.7, 47.2, -56.5, -56.1],
    '976': [-13.1, -12.5, 44.9, 45.4],
  }
  const postcodes = Object.keys(
    JSON.parse(readFileSync(new URL('./places-data.json', import.meta.url), 'utf8')) as Record<string, unknown>,
  )

  it('covers every French postcode', () => {
    expect(postcodes.length).toBeGreaterThan(6000)
  })

  it('places every postcode in France, in its own region', () => {
    const misplaced = postcodes.filter((postcode) => {
      const place = findPlace(postcode)
      if (!place || !Number.isFinite(place.latitude) || !Number.isFinite(place.longitude)) return true
      const region = regions[place.department.length === 3 ? place.department : 'metropole']
      if (!region) return true
      const [minLat, maxLat, minLng, maxLng] = region
      return !(
        place.latitude >= minLat &&
        place.latitude <= maxLat &&
        place.longitude >= minLng &&
        place.longitude <= maxLng
      )
    })
    expect(misplaced).toEqual([])
  })

  it('locates most postcodes by one of their own communes', () => {
    const located = postcodes.filter((postcode) => findPlace(postcode)?.precision === 'commune').length
    expect(located / postcodes.length).toBeGreaterThan(0.8)
  })
})
