import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

/** Label, control, then the inline error in red right under it (the app's .field styles). */
export function FormField({ label, optional, error, children }: { label: string; optional?: boolean; error?: string; children: ReactNode }) {
  return (
    <View className='field'>
      <Text className='field-label'>
        {label}
        {optional && <Text className='field-optional'>（选填）</Text>}
      </Text>
      {children}
      {error && <Text className='field-error'>{error}</Text>}
    </View>
  )
}
