import os from 'node:os'
import path from 'node:path'

/** What global-setup hands to test workers (through a JSON file named in this env var). */
export const CLOUD_FILE_ENV = 'LINLI_TEST_CLOUD_FILE'

export interface TestCloudInfo {
  url: string
  sdkEnv: Record<string, string>
  dataDir: string
  /** This run's own build of the functions (others may rebuild build/functions meanwhile). */
  functionsDir: string
  /** The one-time admin invite code the functions were started with. */
  adminInvite: string
  /** OPENIDs allowed to bootstrap themselves as admin in tests. */
  adminOpenids: string[]
}

export const defaultCloudFile = () => path.join(os.tmpdir(), `linli-test-cloud-${process.pid}.json`)

export const TEST_ADMIN_INVITE = 'test-invite-7f3a9c21'
export const TEST_ADMIN_OPENIDS = ['test-listed-admin']
