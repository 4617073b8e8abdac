import { View } from '@tarojs/components'
import { prefetchWarningList, WarningListView } from '@/features/warnings'
// One small file, not the lawyers feature's index: the rest of it stays in its own subpackage.
import { QaEntry } from '@/features/lawyers/components/qa-entry'
import { CreditEntry } from '@/features/credit-index/components/credit-entry'
import { CasesEntry } from '@/features/published-cases/components/cases-entry'
import { StoresEntry } from '@/features/return-commitments/components/stores-entry'
import { FindingsEntry } from '@/features/bad-faith-findings/components/findings-entry'

prefetchWarningList()

/** 消费警示: public, no login needed; 律师答疑 and 企业红黑榜 are one tap away. */
export default function WarningListPage() {
  return (
    <View>
      <QaEntry />
      <CreditEntry />
      <CasesEntry />
      <StoresEntry />
      <FindingsEntry />
      <WarningListView />
    </View>
  )
}
