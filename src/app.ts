import type { PropsWithChildren } from 'react'
import Taro, { useLaunch, usePageNotFound } from '@tarojs/taro'
import { initCloud } from '@/api/transport'
import { listenForPrivacyConsent } from '@/store/privacy'
import './app.scss'

/** An address no page answers (an old share card, a mistyped link): a plain message with the way home. */
const NOT_FOUND_PAGE = '/account/pages/not-found/index'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud() // weapp only; a no-op in H5 (which talks to the local cloud's dev entry)
    listenForPrivacyConsent() // weapp only
  })
  usePageNotFound(() => void Taro.redirectTo({ url: NOT_FOUND_PAGE }))
  return children
}

export default App
