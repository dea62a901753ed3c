/**
 * Walks a contract's input schema (zod 4), alone or beside a parsed value, to find the free-text
 * fields (core/contract/text.ts). The server uses it to content-check what people typed; the tests
 * use it to prove that every string a caller can send is either free text or a constrained format.
 */
import type * as z from 'zod'
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

/** The non-empty values of content-checked free-text fields in a parsed input. */
export function checkedTexts(schema: z.ZodType, value: unknown, path = ''): TextValue[] {
  if (value === undefined || value === null) return []
  const def = defOf(schema)
  const meta = freeText.get(schema)
  if (meta) return meta.check && typeof value === 'string' && value ? [{ path, label: meta.label, text: value }] : []
  if (WRAPPERS.has(def.type)) return checkedTexts(def.innerType!, value, path)
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape!).flatMap(([k, s]) => checkedTexts(s, (value as Record<string, unknown>)[k], join(path, k)))
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => checkedTexts(def.element!, v, join(path, String(i)))) : []
    case 'union': {
      const option = def.options!.find((o) => o.safeParse(value).success)
      return option ? checkedTexts(option, value, path) : []
    }
    case 'record':
      return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => checkedTexts(def.valueType!, v, join(path, k)))
    case 'pipe':
      return checkedTexts(def.in!, value, path)
    default:
      return []
  }
}

/** Whether an input schema has any content-checked field (computed once per contract). */
export function hasCheckedText(schema: z.ZodType): boolean {
  return stringFields(schema).some((f) => f.meta?.check)
}
