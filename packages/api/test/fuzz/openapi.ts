/** The parts of an OpenAPI 3.1 document the fuzz test reads. */
export interface SchemaObject {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  format?: string
  pattern?: string
  example?: unknown
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
  items?: SchemaObject
  properties?: Record<string, SchemaObject>
  required?: string[]
  additionalProperties?: boolean | SchemaObject
  anyOf?: SchemaObject[]
  oneOf?: SchemaObject[]
  allOf?: SchemaObject[]
  default?: unknown
}

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema: SchemaObject
}

export interface Operation {
  method: string
  path: string
  operationId: string
  parameters: Parameter[]
  body?: SchemaObject
  security: Record<string, string[]>[]
  responses: Record<string, { content?: Record<string, { schema: SchemaObject }> }>
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'> & { requestBody?: RequestBody }>>
  components: { schemas: Record<string, SchemaObject> }
}

interface RequestBody {
  content: Record<string, { schema: SchemaObject }>
}

/** Every operation of the document, with its body schema when it takes JSON. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      operationId: operation.operationId,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content['application/json']?.schema,
      security: operation.security ?? [],
      responses: operation.responses,
    })),
  )
}

/** Follows `$ref`s into `components.schemas`. */
export function resolver(document: OpenApiDocument) {
  return function resolve(schema: SchemaObject): SchemaObject {
    let current = schema
    while (current.$ref) {
      const name = current.$ref.replace('#/components/schemas/', '')
      const target = document.components.schemas[name]
      if (!target) throw new Error(`unknown $ref ${current.$ref}`)
      current = target
    }
    return current
  }
}
