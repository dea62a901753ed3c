import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import './index.scss'

interface Props {
  phone: string
  /** e.g. "打给社区" */
  label: string
}

/** One tap to call: a tel: link in the browser, Taro.makePhoneCall in the mini-program. */
export function PhoneCall({ phone, label }: Props) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className='phone-call' href={`tel:${phone}`} data-testid='phone-call'>
        {label}
      </a>
    )
  }
  return (
    <View className='phone-call' onClick={() => void Taro.makePhoneCall({ phoneNumber: phone })} data-testid='phone-call'>
      {label}
    </View>
  )
}
