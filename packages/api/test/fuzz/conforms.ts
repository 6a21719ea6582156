import type { SchemaObject } from './openapi.js'

/**
 * Where a JSON value breaks its schema (types, required fields, enums, patterns and the bounds the
 * contract declares), or undefined when it conforms. The subset of JSON Schema the contract uses.
 */
export function nonConformity(
  value: unknown,
  schema: SchemaObject,
  resolve: (schema: SchemaObject) => SchemaObject,
  at = '$',
): string | undefined {
  const s = resolve(schema)
  if (s.allOf) {
    for (const part of s.allOf) {
      const wrong = nonConformity(value, part, resolve, at)
      if (wrong) return wrong
    }
  }
  const options = s.anyOf ?? s.oneOf
  if (options) {
    const failures = options.map((option) => nonConformity(value, option, resolve, at))
    return failures.every(Boolean) ? failures.join(' | ') : undefined
  }
  if (s.const !== undefined && value !== s.const) return `${at}: ${JSON.stringify(value)} is not ${s.const}`
  if (s.enum && !s.enum.includes(value)) return `${at}: ${JSON.stringify(value)} is not one of ${s.enum.join(', ')}`
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : []
  if (types.length && !types.some((type) => hasType(value, type))) {
    return `${at}: ${JSON.stringify(value)?.slice(0, 80)} is not ${types.join(' or ')}`
  }
  if (typeof value === 'string') {
    if (s.maxLength !== undefined && [...value].length > s.maxLength) {
      return `${at}: ${value.length} characters, more than ${s.maxLength}`
    }
    if (s.pattern && !new RegExp(s.pattern).test(value))
      return `${at}: ${value.slice(0, 80)} does not match ${s.pattern}`
  }
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) return `${at}: ${value} is below ${s.minimum}`
    if (s.maximum !== undefined && value > s.maximum) return `${at}: ${value} is above ${s.maximum}`
  }
  if (Array.isArray(value)) {
    if (s.maxItems !== undefined && value.length > s.maxItems) return `${at}: ${value.length} items, over ${s.maxItems}`
    const items = s.items
    if (items) {
      for (const [i, item] of value.entries()) {
        const wrong = nonConformity(item, items, resolve, `${at}[${i}]`)
        if (wrong) return wrong
      }
    }
  } else if (value && typeof value === 'object' && s.properties) {
    const object = value as Record<string, unknown>
    for (const name of s.required ?? []) if (!(name in object)) return `${at}.${name} is missing`
    for (const [name, property] of Object.entries(s.properties)) {
      if (!(name in object)) continue
      const wrong = nonConformity(object[name], property, resolve, `${at}.${name}`)
      if (wrong) return wrong
    }
  }
  return undefined
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'null') return value === null
  if (type === 'integer') return Number.isInteger(value)
  if (type === 'array') return Array.isArray(value)
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value)
  return typeof value === type
}
