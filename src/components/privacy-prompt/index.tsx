import { useSyncExternalStore } from 'react'
import { Button, View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { answerPrivacy, dismissRefusal, privacyPending, privacyRefused, subscribePrivacy } from '@/store/privacy'
import './index.scss'

const AGREE_ID = 'agree-privacy'

/**
 * Shown when WeChat holds a privacy-scoped call until the person agrees: what we use and why, the
 * full guide, 同意 (WeChat's own agree button) and 不同意; after a refusal, a plain word of what
 * still works. Nothing shows in H5 or when nothing waits.
 */
export function PrivacyPrompt() {
  const pending = useSyncExternalStore(subscribePrivacy, privacyPending, privacyPending)
  const refused = useSyncExternalStore(subscribePrivacy, privacyRefused, privacyRefused)
  if (refused) {
    return (
      <View className='privacy-prompt card' data-testid='privacy-refused'>
        <Text>您没有同意，这一步（上传照片、扫码或保存海报码）先不能用；其他功能照常使用。想用时再点一次，会再问您。</Text>
        <Button className='privacy-prompt__btn' onClick={dismissRefusal}>知道了</Button>
      </View>
    )
  }
  if (!pending) return null
  return (
    <View className='privacy-prompt card' data-testid='privacy-prompt'>
      <Text className='h-title'>请先看看隐私保护指引</Text>
      <Text>为了上传照片、扫码或保存海报码，需要您同意《邻里帮隐私保护指引》：我们只用您的信息办理社区互助服务，不卖给任何人。</Text>
      <View className='privacy-prompt__link' onClick={() => void Taro.openPrivacyContract({})} data-testid='privacy-contract'>
        看完整的隐私保护指引 ›
      </View>
      <Button id={AGREE_ID} className='privacy-prompt__btn privacy-prompt__btn--ok' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={() => answerPrivacy(true, AGREE_ID)} data-testid='privacy-agree'>
        同意并继续
      </Button>
      <Button className='privacy-prompt__btn' onClick={() => answerPrivacy(false)} data-testid='privacy-disagree'>
        不同意
      </Button>
    </View>
  )
}
