import { Text, View } from '@tarojs/components'
import type { QaSession } from '@/contract/lawyer-qa'
import { formatWhen } from './when'

/** One session (期): number, theme, time, lawyers on duty and its counts. */
export function SessionCard({ session, onOpen }: { session: QaSession; onOpen?: () => void }) {
  return (
    <View className='card qa-session' hoverClass={onOpen ? 'qa-pressed' : 'none'} onClick={onOpen} aria-label={`${session.title} ${session.theme}`}>
      <View className='qa-session__head'>
        <Text className='qa-session__title'>{session.title}</Text>
        <Text className={`qa-badge ${session.open ? 'qa-badge--open' : ''}`}>{session.open ? '正在接受提问' : '已结束'}</Text>
      </View>
      <Text className='qa-session__theme'>{session.theme}</Text>
      <Text className='qa-line'>时间：{formatWhen(session.startsAt)} 至 {formatWhen(session.endsAt)}</Text>
      {session.lawyers.length > 0 && <Text className='qa-line'>值班律师：{session.lawyers.map((l) => `${l.name}（${l.firm}）`).join('、')}</Text>}
      <Text className='qa-line muted'>
        提问 {session.questionCount} · 解答 {session.answerCount} · 公开 {session.publishedCount} · 浏览 {session.viewCount}
      </Text>
      {onOpen && <Text className='qa-more'>查看本期问答 ›</Text>}
    </View>
  )
}
