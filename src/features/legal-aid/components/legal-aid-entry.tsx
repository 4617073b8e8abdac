import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

/** On the consumer's complaint page: the way to 法律援助 (its page lives in the lawyers subpackage). */
export function LegalAidEntry({ complaintId }: { complaintId: string }) {
  return (
    <View className='card'>
      <Text className='section-title'>法律援助</Text>
      <Text className='muted'>需要律师帮忙咨询、调解或起诉，可以申请消协的法律援助，不收费。</Text>
      <Button className='btn btn-secondary' onClick={() => void Taro.navigateTo({ url: `/packages/lawyers/pages/aid/index?complaintId=${encodeURIComponent(complaintId)}` })}>
        申请法律援助
      </Button>
    </View>
  )
}
