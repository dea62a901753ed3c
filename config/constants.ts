/**
 * Build-time settings the app reads as `process.env.TARO_APP_*`, replaced by their values when the
 * app is built (so no `process` is left in the bundle). Taro itself embeds TARO_APP_* only from .env
 * files; declaring each here also takes the value from the shell or CI. A unit test fails when src/
 * reads a TARO_APP_* that is not declared here.
 */
export const BUILD_SETTINGS = {
  TARO_APP_CLOUD_ENV: '',
  /** Subscribe message templates (the functions send with the same ids: LINLI_TEMPLATE_ORDER / _EVENT / _TOPIC). */
  TARO_APP_TEMPLATE_ORDER: 'order_status',
  TARO_APP_TEMPLATE_EVENT: 'event_reminder',
  /** 议事 feedback (the functions: LINLI_TEMPLATE_TOPIC). */
  TARO_APP_TEMPLATE_TOPIC: 'topic_feedback',
} as const

export function buildConstants(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(Object.entries(BUILD_SETTINGS).map(([k, fallback]) => [`process.env.${k}`, JSON.stringify(env[k] || fallback)]))
}
