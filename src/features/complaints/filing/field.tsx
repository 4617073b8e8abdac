import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

/** Label, control, then the inline error in red right under it. `name` lets a failed 下一步 scroll to it. */
export function Field({ name, label, optional, hint, error, children }: { name?: string; label: string; optional?: boolean; hint?: string; error?: string; children: ReactNode }) {
  return (
    <View className='field' id={name ? `field-${name}` : undefined}>
      <Text className='field-label'>
        {label}
        {optional && <Text className='field-optional'>（选填）</Text>}
      </Text>
      {hint && <Text className='field-hint'>{hint}</Text>}
      {children}
      {error && <Text className='field-error'>{error}</Text>}
    </View>
  )
}
