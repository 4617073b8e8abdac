import { Text, View } from '@tarojs/components'
import type { StaffReturnCommitment } from '@/contract/return-commitment'

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** Returns honoured (as the enterprise recorded them) beside refusals (one-tap complaints) for one store. */
export function StoreFigures({ view }: { view: StaffReturnCommitment }) {
  return (
    <View className='rc-figures'>
      <View className='rc-figure'>
        <Text className='rc-figure__value'>{view.returnsCount}</Text>
        <Text className='rc-figure__label'>已办理退货（笔）</Text>
      </View>
      <View className='rc-figure'>
        <Text className='rc-figure__value'>{yuan(view.returnsAmountFen)}</Text>
        <Text className='rc-figure__label'>退货金额（元）</Text>
      </View>
      <View className='rc-figure'>
        <Text className='rc-figure__value rc-figure__value--bad'>{view.refusals.length}</Text>
        <Text className='rc-figure__label'>拒绝退货投诉（件）</Text>
      </View>
      <View className='rc-figure'>
        <Text className='rc-figure__value rc-figure__value--bad'>{view.upheldRecently}</Text>
        <Text className='rc-figure__label'>近半年核实属实（件）</Text>
      </View>
    </View>
  )
}
