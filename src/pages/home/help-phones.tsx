import { View } from '@tarojs/components'
import { PhoneCall } from '@/components'

/** One tap to the community office (its admin sets the number), and the emergency numbers as such. */
export function HelpPhones({ community }: { community?: string }) {
  return (
    <>
      {community && <PhoneCall phone={community} label={`打给社区 ${community}`} />}
      <View className='row home-foot'>
        <PhoneCall phone='120' label='急救 120' />
        <PhoneCall phone='110' label='报警 110' />
      </View>
    </>
  )
}
