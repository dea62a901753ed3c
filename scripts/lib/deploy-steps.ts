/**
 * The order of a deploy's steps (scripts/deploy-upload.ts does each one against WeChat's cloud):
 *
 * 1. the mini-program (uploaded as a development version: nobody runs it until it is released);
 * 2. collections and indexes (the migrations and the new functions need them);
 * 3. the data migrations not yet applied — before any new function runs on the data;
 * 4. the functions, one by one (the old ones keep serving until each is replaced);
 * 5. the migrations that ran in step 3 once more: they only fill what documents lack, and the old
 *    functions may have written documents of the old shape while step 4 was under way;
 * 6. the database security rules.
 *
 * A failed migration stops the deploy before any function is replaced.
 */
import type { FunctionPlan } from '../deploy'
import { describeMigrations, type MigrateReport } from '../migrations'

export interface DeploySteps {
  uploadApp(): Promise<void>
  ensureDatabase(): Promise<void>
  /** Apply the migrations not yet applied; `again`: run these once more although applied. */
  migrate(again?: string[]): Promise<MigrateReport>
  uploadFunction(f: FunctionPlan): Promise<void>
  /** Whether the rules were applied. */
  applyRules(): Promise<boolean>
}

export async function runDeploySteps(functions: FunctionPlan[], s: DeploySteps, log: (line: string) => void = console.log): Promise<{ rulesApplied: boolean }> {
  await s.uploadApp()
  await s.ensureDatabase()
  log('applying the data migrations …')
  const first = await s.migrate()
  log(describeMigrations(first))
  for (const f of functions) await s.uploadFunction(f)
  if (first.ran.length) {
    const again = await s.migrate(first.ran.map((r) => r.id))
    log(`after the functions were switched over, ${describeMigrations(again)}`)
  }
  return { rulesApplied: await s.applyRules() }
}
