import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DEFAULT_INDEXES_FILE, loadDeclarations } from '../../localcloud/database/declarations'
import {
  applySecurityRules,
  checkCoverage,
  coverageProblems,
  deniesClient,
  loadSecurityRules,
  parseSecurityRules,
  ruleJson,
  SECURITY_RULES_FILE,
  type SecurityRules,
} from './security-rules'
import type { TencentCloudClient } from './tencent-cloud-api'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-rules-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('database/security-rules.json', () => {
  const rules = loadSecurityRules()
  const declarations = loadDeclarations(DEFAULT_INDEXES_FILE)

  it('gives every collection of database/indexes.json a rule, and names no other collection', () => {
    expect(Object.keys(declarations.collections).length).toBeGreaterThan(0)
    expect(checkCoverage(rules, declarations)).toEqual({ missing: [], extra: [] })
    expect(Object.keys(rules.collections).sort()).toEqual(Object.keys(declarations.collections).sort())
  })

  it('denies the client every direct read and write', () => {
    for (const [c, r] of Object.entries(rules.collections)) expect([c, r]).toEqual([c, { read: false, write: false }])
    expect(Object.values(rules.collections).every(deniesClient)).toBe(true)
  })

  it('negative control: a collection added to a copy of indexes.json is reported as missing a rule', () => {
    const raw = JSON.parse(fs.readFileSync(DEFAULT_INDEXES_FILE, 'utf8'))
    raw.collections.probe_new_collection = { indexes: [] }
    const file = path.join(tmp, 'indexes.json')
    fs.writeFileSync(file, JSON.stringify(raw))
    const copy = loadDeclarations(file)
    expect(checkCoverage(rules, copy)).toEqual({ missing: ['probe_new_collection'], extra: [] })
    expect(coverageProblems(rules, copy)).toEqual(['collection probe_new_collection (database/indexes.json) has no rule in database/security-rules.json'])
  })

  it('negative control: a rule for an undeclared collection is reported as extra', () => {
    const raw = JSON.parse(fs.readFileSync(SECURITY_RULES_FILE, 'utf8'))
    raw.collections.probe_stale = { read: false, write: false }
    const file = path.join(tmp, 'security-rules.json')
    fs.writeFileSync(file, JSON.stringify(raw))
    expect(checkCoverage(loadSecurityRules(file), declarations)).toEqual({ missing: [], extra: ['probe_stale'] })
    expect(coverageProblems(loadSecurityRules(file), declarations)).toEqual([expect.stringMatching(/rule for probe_stale, which database\/indexes.json does not declare/)])
  })
})

describe('parseSecurityRules', () => {
  const parse = (raw: unknown) => () => parseSecurityRules(raw, 'x.json')
  it('accepts booleans and rule expressions, and a $comment', () => {
    const r = parseSecurityRules({ $comment: 'why', collections: { a: { read: 'doc._openid == auth.openid', write: false } } })
    expect(r).toEqual({ collections: { a: { read: 'doc._openid == auth.openid', write: false } } })
    expect(ruleJson(r.collections.a)).toBe('{"read":"doc._openid == auth.openid","write":false}')
    expect(deniesClient(r.collections.a)).toBe(false)
  })
  it('refuses unknown keys, missing or mistyped read/write, bad names', () => {
    expect(parse([])).toThrow('x.json: must be an object with "collections"')
    expect(parse({ collections: {}, rules: {} })).toThrow('unknown key "rules"')
    expect(parse({ collections: [] })).toThrow('"collections" must be an object')
    expect(parse({ collections: { a: { read: false, write: false, create: true } } })).toThrow('collections.a: unknown key "create"')
    expect(parse({ collections: { a: { read: false } } })).toThrow('collections.a.write must be a boolean or a non-empty rule expression')
    expect(parse({ collections: { a: { read: 0, write: false } } })).toThrow('collections.a.read must be')
    expect(parse({ collections: { a: { read: ' ', write: false } } })).toThrow('collections.a.read must be')
    expect(parse({ collections: { a: null } })).toThrow('collections.a must be an object')
    expect(parse({ collections: { 'a b': { read: false, write: false } } })).toThrow('bad collection name "a b"')
  })
  it('a missing or unreadable file is an error', () => {
    expect(() => loadSecurityRules(path.join(tmp, 'nope.json'))).toThrow('security rules file not found')
    const bad = path.join(tmp, 'bad.json')
    fs.writeFileSync(bad, '{ "collections": ')
    expect(() => loadSecurityRules(bad)).toThrow(bad)
  })
})

describe('applySecurityRules', () => {
  const rules: SecurityRules = { collections: { orders: { read: false, write: false }, users: { read: false, write: false } } }
  /** A fake tcb API: stores what ModifySafeRule sets, DescribeSafeRule returns it (pretty-printed, as the console does). */
  function fakeTcb(opts: { failOn?: string; tamper?: string } = {}) {
    const calls: { action: string; params: Record<string, unknown> }[] = []
    const stored = new Map<string, { AclTag: unknown; Rule: unknown }>()
    const client: TencentCloudClient = {
      async call(action, params) {
        calls.push({ action, params })
        const name = params.CollectionName as string
        if (name === opts.failOn) throw new Error('tcb.ModifySafeRule: ResourceNotFound: no such collection')
        if (action === 'ModifySafeRule') stored.set(name, { AclTag: params.AclTag, Rule: name === opts.tamper ? '{"read":true,"write":false}' : params.Rule })
        const s = stored.get(name)!
        return action === 'DescribeSafeRule' ? { AclTag: s.AclTag, Rule: JSON.stringify(JSON.parse(s.Rule as string), null, 2), RequestId: 'r' } : { RequestId: 'r' }
      },
    }
    return { client, calls }
  }

  it('sets each collection to AclTag CUSTOM with its rule and reads it back', async () => {
    const { client, calls } = fakeTcb()
    const lines: string[] = []
    await applySecurityRules(rules, client, { envId: 'env-1', appid: 'wx1' }, (l) => lines.push(l))
    expect(calls).toEqual([
      { action: 'ModifySafeRule', params: { EnvId: 'env-1', CollectionName: 'orders', AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' } },
      { action: 'DescribeSafeRule', params: { EnvId: 'env-1', CollectionName: 'orders', WxAppId: 'wx1' } },
      { action: 'ModifySafeRule', params: { EnvId: 'env-1', CollectionName: 'users', AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' } },
      { action: 'DescribeSafeRule', params: { EnvId: 'env-1', CollectionName: 'users', WxAppId: 'wx1' } },
    ])
    expect(lines).toHaveLength(2)
  })

  it('tries every collection, then fails naming those that failed or read back differently', async () => {
    const { client, calls } = fakeTcb({ failOn: 'orders', tamper: 'users' })
    const err = await applySecurityRules(rules, client, { envId: 'env-1' }, () => undefined).catch((e: Error) => e)
    expect(err).toBeInstanceOf(Error)
    expect((err as Error).message).toMatch(/NOT applied for 2 collection\(s\)/)
    expect((err as Error).message).toMatch(/orders: tcb.ModifySafeRule: ResourceNotFound/)
    expect((err as Error).message).toMatch(/users: reads back as AclTag CUSTOM/)
    expect((err as Error).message).toMatch(/权限设置/)
    expect(calls.filter((c) => c.action === 'ModifySafeRule').map((c) => c.params.CollectionName)).toEqual(['orders', 'users'])
  })
})
