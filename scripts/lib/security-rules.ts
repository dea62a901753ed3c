import fs from 'node:fs'
import path from 'node:path'
import type { Declarations } from '../../localcloud/database/declarations'
import { tencentCloudClient, type TencentCloudClient } from './tencent-cloud-api'

/**
 * database/security-rules.json — what the mini-program client may read and write directly in each
 * collection (WeChat cloud's 自定义安全规则, AclTag CUSTOM). The app reads and writes nothing directly:
 * every collection is `{ "read": false, "write": false }` and all access goes through cloud functions,
 * whose server SDK has admin rights that security rules do not restrict.
 *
 * { "$comment": "…", "collections": { "orders": { "read": false, "write": false } } }
 *
 * `read` / `write` are a boolean or a rule expression string (e.g. "doc._openid == auth.openid");
 * both are required and no other key is accepted. Every collection of database/indexes.json needs
 * exactly one rule (see checkCoverage); deploy applies them with the tcb API action ModifySafeRule.
 */
export type RuleValue = boolean | string
export interface CollectionRule {
  read: RuleValue
  write: RuleValue
}
export interface SecurityRules {
  collections: Record<string, CollectionRule>
}

export const SECURITY_RULES_FILE = path.resolve(__dirname, '../../database/security-rules.json')

const RULE_KEYS = ['read', 'write'] as const

/** Validate a parsed rules object; throws with a message naming the bad entry. */
export function parseSecurityRules(raw: unknown, source = 'security-rules.json'): SecurityRules {
  const fail = (msg: string): never => {
    throw new Error(`${source}: ${msg}`)
  }
  const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x)
  if (!isObject(raw)) return fail('must be an object with "collections"')
  for (const k of Object.keys(raw)) if (k !== 'collections' && k !== '$comment') fail(`unknown key "${k}" (only "collections" and "$comment")`)
  if (!isObject(raw.collections)) return fail('"collections" must be an object')
  const out: SecurityRules = { collections: {} }
  for (const [name, rule] of Object.entries(raw.collections)) {
    const where = `collections.${name}`
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) fail(`bad collection name "${name}"`)
    if (!isObject(rule)) return fail(`${where} must be an object with "read" and "write"`)
    for (const k of Object.keys(rule)) if (!(RULE_KEYS as readonly string[]).includes(k)) fail(`${where}: unknown key "${k}" (only "read" and "write")`)
    for (const k of RULE_KEYS) {
      const v = rule[k]
      if (typeof v !== 'boolean' && !(typeof v === 'string' && v.trim())) fail(`${where}.${k} must be a boolean or a non-empty rule expression`)
    }
    out.collections[name] = { read: rule.read as RuleValue, write: rule.write as RuleValue }
  }
  return out
}

/** Load and validate the rules file (default database/security-rules.json); a missing file is an error. */
export function loadSecurityRules(file = SECURITY_RULES_FILE): SecurityRules {
  if (!fs.existsSync(file)) throw new Error(`security rules file not found: ${file}`)
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`)
  }
  return parseSecurityRules(raw, file)
}

/** Collections declared in indexes.json without a rule, and rules naming an undeclared collection. */
export function checkCoverage(rules: SecurityRules, declarations: Declarations): { missing: string[]; extra: string[] } {
  const declared = Object.keys(declarations.collections)
  const ruled = Object.keys(rules.collections)
  return { missing: declared.filter((c) => !ruled.includes(c)).sort(), extra: ruled.filter((c) => !declared.includes(c)).sort() }
}

/** The coverage check as deploy problems (empty when every collection has exactly one rule). */
export function coverageProblems(rules: SecurityRules, declarations: Declarations): string[] {
  const { missing, extra } = checkCoverage(rules, declarations)
  return [
    ...missing.map((c) => `collection ${c} (database/indexes.json) has no rule in database/security-rules.json`),
    ...extra.map((c) => `database/security-rules.json has a rule for ${c}, which database/indexes.json does not declare`),
  ]
}

/** True when the rule lets the client neither read nor write. */
export const deniesClient = (r: CollectionRule): boolean => r.read === false && r.write === false

/** The `Rule` string ModifySafeRule takes (AclTag CUSTOM): the rule's JSON, read then write. */
export const ruleJson = (r: CollectionRule): string => JSON.stringify({ read: r.read, write: r.write })

/** One line per rule for the deploy plan. */
export function describeRules(rules: SecurityRules): string[] {
  return Object.entries(rules.collections).map(([c, r]) => `  ${c.padEnd(20)} ${ruleJson(r)}`)
}

/** What to do by hand when deploy cannot apply the rules itself. */
export const MANUAL_RULES_HINT = '云开发控制台 → 数据库 → <each collection> → 权限设置 → 自定义安全规则 (paste the rule listed for it)'

/** The rule a DescribeSafeRule answer holds equals `r` (its Rule is a JSON string, maybe pretty-printed, or null). */
function sameRule(got: unknown, r: CollectionRule): boolean {
  try {
    const g = typeof got === 'string' ? (JSON.parse(got) as Record<string, unknown>) : null
    return !!g && Object.keys(g).length === 2 && g.read === r.read && g.write === r.write
  } catch {
    return false
  }
}

/**
 * Apply every rule with the tcb API (version 2018-06-08): ModifySafeRule { EnvId, CollectionName,
 * AclTag: "CUSTOM", Rule }, then read it back with DescribeSafeRule { EnvId, CollectionName, WxAppId }.
 * Tries every collection, then throws naming each one that failed or reads back differently.
 */
export async function applySecurityRules(
  rules: SecurityRules,
  client: TencentCloudClient,
  target: { envId: string; appid?: string },
  log: (line: string) => void = console.log,
): Promise<void> {
  const failed: string[] = []
  for (const [name, r] of Object.entries(rules.collections)) {
    try {
      await client.call('ModifySafeRule', { EnvId: target.envId, CollectionName: name, AclTag: 'CUSTOM', Rule: ruleJson(r) })
      const got = await client.call('DescribeSafeRule', { EnvId: target.envId, CollectionName: name, ...(target.appid ? { WxAppId: target.appid } : {}) })
      if (got.AclTag !== 'CUSTOM' || !sameRule(got.Rule, r)) failed.push(`${name}: reads back as AclTag ${String(got.AclTag)}, Rule ${String(got.Rule)}`)
      else log(`  ${name.padEnd(20)} ${ruleJson(r)}`)
    } catch (err) {
      failed.push(`${name}: ${(err as Error).message}`)
    }
  }
  if (failed.length) throw new Error(`security rules NOT applied for ${failed.length} collection(s):\n  ${failed.join('\n  ')}\nSet them by hand: ${MANUAL_RULES_HINT}`)
}

/**
 * The deploy step: apply the rules with LINLI_TCB_SECRET_ID / LINLI_TCB_SECRET_KEY, or, without them,
 * say loudly that they were NOT applied and what to set by hand. Resolves false when nothing was applied.
 */
export async function deploySecurityRules(rules: SecurityRules, target: { envId: string; appid?: string }, env = process.env): Promise<boolean> {
  const n = Object.keys(rules.collections).length
  if (!env.LINLI_TCB_SECRET_ID || !env.LINLI_TCB_SECRET_KEY) {
    console.warn(
      `\n!!! database security rules were NOT applied (${n} collections): LINLI_TCB_SECRET_ID / LINLI_TCB_SECRET_KEY are not set.\n` +
        `!!! Until then each collection keeps whatever permission it has now in the cloud.\n` +
        `!!! Set them by hand in ${MANUAL_RULES_HINT}:\n${describeRules(rules).join('\n')}\n`,
    )
    return false
  }
  console.log(`applying database security rules (${n} collections, tcb ModifySafeRule) …`)
  const client = tencentCloudClient({ secretId: env.LINLI_TCB_SECRET_ID, secretKey: env.LINLI_TCB_SECRET_KEY, service: 'tcb', version: '2018-06-08' })
  await applySecurityRules(rules, client, target)
  return true
}
