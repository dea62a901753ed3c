import Taro from '@tarojs/taro'

/**
 * WeChat asks the app for the person's consent before the first privacy-scoped API (choosing photos,
 * scanning, writing the clipboard…): `onNeedPrivacyAuthorization` holds that call until the app
 * answers. This store keeps the waiting answer; every page's <PrivacyPrompt> shows it (pages are
 * separate trees, so a tiny store with listeners, like the 大字模式 one).
 */
export type Resolve = (o: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void

const listeners = new Set<() => void>()
let pending: { resolve: Resolve; referrer: string } | null = null
let refused = false

export const privacyPending = () => pending
export const privacyRefused = () => refused

function notify() {
  for (const l of listeners) l()
}

export function subscribePrivacy(l: () => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

/** Answer the waiting request: agree (after the person tapped the agree button) or disagree. */
export function answerPrivacy(agree: boolean, buttonId?: string): void {
  if (!pending) return
  pending.resolve(agree ? { event: 'agree', buttonId } : { event: 'disagree' })
  pending = null
  refused = !agree
  notify()
}

export const dismissRefusal = () => {
  refused = false
  notify()
}

/** At launch (weapp): listen for WeChat's request; H5 has no such thing. */
export function listenForPrivacyConsent(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  Taro.onNeedPrivacyAuthorization((resolve, info) => {
    pending = { resolve: resolve as Resolve, referrer: info?.referrer ?? '' }
    refused = false
    resolve({ event: 'exposureAuthorization' })
    notify()
  })
}
