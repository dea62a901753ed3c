/**
 * jest setupFiles (integration): point wx-server-sdk at the local cloud started by global-setup,
 * before any test file requires it.
 */
import fs from 'node:fs'
import { CLOUD_FILE_ENV, type TestCloudInfo } from './cloud-file'

const file = process.env[CLOUD_FILE_ENV]
if (file && fs.existsSync(file)) {
  const info = JSON.parse(fs.readFileSync(file, 'utf8')) as TestCloudInfo
  Object.assign(process.env, info.sdkEnv)
}
