/**
 * Walks a contract's input schema (zod 4), alone or beside a parsed value, to find the free-text
 * fields (core/contract/text.ts) and the uploaded photos (files.ts). The server uses it to check what
 * people typed and the photos they sent; the tests use it to prove that every string a caller can
 * send is either free text or a constrained format.
 */
import type * as z from 'zod'
import { photoFields } from './files'
import { freeText, type FreeTextMeta } from './text'

interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  element?: z.ZodType
  options?: z.ZodType[]
  valueType?: z.ZodType
  in?: z.ZodType
  checks?: { _zod: { def: { check: string } } }[]
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'])

export interface StringField {
  /** Dotted path; `[]` marks an array element, `{}` a record value. */
  path: string
  /** Registered free text, with its label. */
  meta?: FreeTextMeta
  /** Has a regex or format check (an id, a phone, a code). */
  constrained: boolean
  schema: z.ZodType
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key)

/** Every string a caller can send, by path. Enums and literals are not strings here: they are closed sets. */
export function stringFields(schema: z.ZodType, path = ''): StringField[] {
  const def = defOf(schema)
  if (def.type === 'string') {
    const constrained = (def.checks ?? []).some((c) => c._zod.def.check === 'string_format')
    return [{ path, meta: freeText.get(schema), constrained, schema }]
  }
  if (WRAPPERS.has(def.type)) return stringFields(def.innerType!, path)
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape!).flatMap(([k, s]) => stringFields(s, join(path, k)))
    case 'array':
      return stringFields(def.element!, join(path, '[]'))
    case 'union':
      return def.options!.flatMap((o) => stringFields(o, path))
    case 'record':
      return stringFields(def.valueType!, join(path, '{}'))
    case 'pipe':
      return stringFields(def.in!, path)
    default:
      return []
  }
}

export interface TextValue {
  path: string
  label: string
  text: string
}

/** What `pick` says of a schema: the values found here, or null to look inside it. */
type Pick<T> = (schema: z.ZodType, value: unknown, path: string) => T[] | null

/** The values of a parsed input that `pick` takes, each with its dotted path (array items by index). */
function collect<T>(schema: z.ZodType, value: unknown, pick: Pick<T>, path = ''): T[] {
  if (value === undefined || value === null) return []
  const here = pick(schema, value, path)
  if (here) return here
  const def = defOf(schema)
  if (WRAPPERS.has(def.type)) return collect(def.innerType!, value, pick, path)
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape!).flatMap(([k, s]) => collect(s, (value as Record<string, unknown>)[k], pick, join(path, k)))
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => collect(def.element!, v, pick, join(path, String(i)))) : []
    case 'union': {
      const option = def.options!.find((o) => o.safeParse(value).success)
      return option ? collect(option, value, pick, path) : []
    }
    case 'record':
      return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => collect(def.valueType!, v, pick, join(path, k)))
    case 'pipe':
      return collect(def.in!, value, pick, path)
    default:
      return []
  }
}

/** The non-empty values of content-checked free-text fields in a parsed input. */
export function checkedTexts(schema: z.ZodType, value: unknown): TextValue[] {
  return collect(schema, value, (s, v, path) => {
    const meta = freeText.get(s)
    if (!meta) return null
    return meta.check && typeof v === 'string' && v ? [{ path, label: meta.label, text: v }] : []
  })
}

export interface PhotoValue {
  path: string
  fileID: string
}

/** The uploaded photos (cloud file ids) in a parsed input. */
export function photosIn(schema: z.ZodType, value: unknown): PhotoValue[] {
  return collect(schema, value, (s, v, path) => (photoFields.has(s) ? (typeof v === 'string' && v ? [{ path, fileID: v }] : []) : null))
}

/** Whether an input schema takes uploaded photos (computed once per contract). */
export function hasPhotos(schema: z.ZodType): boolean {
  return stringFields(schema).some((f) => photoFields.has(f.schema))
}

/** Whether an input schema has any content-checked field (computed once per contract). */
export function hasCheckedText(schema: z.ZodType): boolean {
  return stringFields(schema).some((f) => f.meta?.check)
}
