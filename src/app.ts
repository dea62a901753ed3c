import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initCloud } from '@/api/transport'
import { listenForPrivacyConsent } from '@/store/privacy'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud() // weapp only; a no-op in H5 (which talks to the local cloud's dev entry)
    listenForPrivacyConsent() // weapp only
  })
  return children
}

export default App
