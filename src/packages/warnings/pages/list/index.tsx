import { View } from '@tarojs/components'
import { prefetchWarningList, WarningListView } from '@/features/warnings'
// One small file, not the lawyers feature's index: the rest of it stays in its own subpackage.
import { QaEntry } from '@/features/lawyers/components/qa-entry'
import { FindingsEntry } from '@/features/bad-faith-findings/components/findings-entry'

prefetchWarningList()

/** 消费警示: public, no login needed; 律师答疑 is one tap away. */
export default function WarningListPage() {
  return (
    <View>
      <QaEntry />
      <FindingsEntry />
      <WarningListView />
    </View>
  )
}
