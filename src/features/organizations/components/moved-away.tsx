import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './organizations.css'

const WORKSPACE = '/packages/staff/pages/workspace/index'

/** Shown instead of the case once it left the mover's organization (they may no longer open it). */
export function MovedAway({ organizationName }: { organizationName: string }) {
  return (
    <View className='card org-moved'>
      <Text className='section-title org-moved__title'>投诉已转出</Text>
      <Text className='muted org-moved__text'>这件投诉现在由“{organizationName}”处理，本组织不再显示它。</Text>
      <Button className='btn btn-primary' onClick={() => void Taro.redirectTo({ url: WORKSPACE })}>
        返回工作台
      </Button>
    </View>
  )
}
