/**
 * A closed vocabulary is written once, as key → label in display order; its key list (for z.enum,
 * loops and the type) is derived from it, so a key cannot be listed in one place and missed in the
 * other. Object key order is insertion order for non-numeric keys.
 */
export function keysOf<T extends Record<string, string>>(labels: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]]
}
