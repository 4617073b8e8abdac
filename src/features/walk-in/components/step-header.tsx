import { Text, View } from '@tarojs/components'

export const WALK_IN_STEPS = ['手机号', '读出验证码', '填写投诉', '拍照', '提交'] as const

/** 第 2 步，共 5 步：读出验证码 — where the operator is in the flow. */
export function StepHeader({ step }: { step: number }) {
  return (
    <View className='walk-in__progress' aria-label={`第 ${step + 1} 步，共 ${WALK_IN_STEPS.length} 步`}>
      <Text className='walk-in__progress-count'>
        第 {step + 1} 步 / 共 {WALK_IN_STEPS.length} 步
      </Text>
      <Text className='walk-in__progress-title'>{WALK_IN_STEPS[step]}</Text>
    </View>
  )
}
