/**
 * Which part of the code may import which (an ESLint rule, resolved by path):
 * - a function (cloudfunctions/<fn>/) imports its own folder, core/ and server/ — what two
 *   functions share lives once in server/;
 * - core/ is pure: nothing of server/, cloudfunctions/, src/ or localcloud/;
 * - server/ serves every function: no function folder, no app code;
 * - localcloud/ stands alone: nothing of the app;
 * - the app (src/) reads core/ only: no server code.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const APP = ['core', 'server', 'cloudfunctions', 'src']

/** Why `from` may not import `to` (both split paths from the project root), or null. */
export function forbidden(from, to) {
  const [a, b] = [from[0], to[0]]
  if (a === 'cloudfunctions' && b === 'cloudfunctions' && from[1] !== to[1]) return `${to.slice(0, 2).join('/')} is another function's folder: a function imports its own folder, core/ and server/ (move what is shared to server/)`
  if (a === 'core' && ['server', 'cloudfunctions', 'src', 'localcloud'].includes(b)) return `core/ is pure: it imports nothing of ${b}/`
  if (a === 'server' && ['cloudfunctions', 'src', 'localcloud'].includes(b)) return `server/ serves every function: it imports nothing of ${b}/`
  if (a === 'localcloud' && APP.includes(b)) return `localcloud/ stands alone: it imports nothing of ${b}/`
  if (a === 'src' && ['server', 'cloudfunctions', 'localcloud'].includes(b)) return `the app imports core/, never ${b}/`
  return null
}

function targetOf(file, source) {
  if (source.startsWith('@core/')) return ['core', ...source.slice(6).split('/')]
  if (source.startsWith('@/')) return ['src', ...source.slice(2).split('/')]
  if (!source.startsWith('.')) return null
  return path.relative(ROOT, path.resolve(path.dirname(file), source)).split(path.sep)
}

const rule = {
  meta: { type: 'problem', schema: [], docs: { description: 'imports across parts of the code that must stay apart' } },
  create(context) {
    const from = path.relative(ROOT, context.filename).split(path.sep)
    const check = (node, source) => {
      if (typeof source !== 'string') return
      const to = targetOf(context.filename, source)
      const why = to && forbidden(from, to)
      if (why) context.report({ node, message: why })
    }
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
      'CallExpression[callee.name="require"]': (n) => n.arguments[0]?.type === 'Literal' && check(n, n.arguments[0].value),
    }
  },
}

export const boundaries = { rules: { imports: rule } }
