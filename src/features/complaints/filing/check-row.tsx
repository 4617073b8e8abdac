import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

/** A big checkbox whose whole row is the tap target. */
export function CheckRow({ checked, onChange, children, invalid }: { checked: boolean; onChange(next: boolean): void; children: ReactNode; invalid?: boolean }) {
  return (
    <View
      className={`check-row ${checked ? 'check-row--on' : ''} ${invalid ? 'check-row--invalid' : ''}`}
      role='checkbox'
      aria-checked={checked}
      hoverClass='check-row--pressed'
      onClick={() => onChange(!checked)}
    >
      <Text className='check-row__box'>{checked ? '✓' : ''}</Text>
      <View className='check-row__text'>{children}</View>
    </View>
  )
}
