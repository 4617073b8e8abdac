import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
// Single files rather than the feature indexes (as in app.ts): those bring the login form, the complaint
// list and the drafts store into the first page's chunk.
import { LOGIN_PAGE } from '@/features/auth/session-hooks'
import { useSessionStore } from '@/features/auth/stores/use-session-store'
import { newComplaintUrl, startComplaint } from '@/features/complaints/start'
import { UrgentWarningBanner } from '@/features/warnings/banner'
import './index.css'

const QUICK_ACTIONS = [
  { key: 'file', mark: '诉', title: '我要投诉', hint: '上传照片，几步完成' },
  { key: 'warnings', mark: '警', title: '消费警示', hint: '防坑提醒，先看再买' },
  { key: 'mine', mark: '查', title: '我的投诉', hint: '随时查看处理进度' },
  { key: 'stations', mark: '站', title: '找服务站', hint: '当面咨询、代办投诉' },
] as const

export default function HomePage() {
  function open(action: (typeof QUICK_ACTIONS)[number]) {
    if (action.key === 'file') {
      // Filing needs an account (photos upload as they are added): sign in first, then straight on.
      if (useSessionStore.getState().user) void startComplaint()
      else void Taro.navigateTo({ url: `${LOGIN_PAGE}?next=${encodeURIComponent(newComplaintUrl())}` })
    } else if (action.key === 'mine') void Taro.switchTab({ url: '/pages/complaints/index' })
    else void Taro.navigateTo({ url: action.key === 'stations' ? '/packages/stations/pages/finder/index' : '/packages/warnings/pages/list/index' })
  }

  return (
    <View className='page home'>
      <UrgentWarningBanner />
      <View className='home__hero'>
        <Text className='home__title'>维权通</Text>
        <Text className='home__subtitle'>买到坏东西、预付卡跑路、退款被刁难？在这里投诉，消协和企业帮您处理。</Text>
      </View>

      <View className='home__actions'>
        {QUICK_ACTIONS.map((action) => (
          <View key={action.key} className='home__action' hoverClass='home__action--pressed' onClick={() => open(action)}>
            <Text className={`home__mark home__mark--${action.key}`}>{action.mark}</Text>
            <View className='home__action-text'>
              <Text className='home__action-title'>{action.title}</Text>
              <Text className='home__action-hint'>{action.hint}</Text>
            </View>
            <Text className='home__chevron'>›</Text>
          </View>
        ))}
      </View>

      <View className='card home__hotline'>
        <Text className='home__hotline-title'>全国消费者投诉举报电话</Text>
        <Text className='home__hotline-number'>12315</Text>
      </View>
    </View>
  )
}
