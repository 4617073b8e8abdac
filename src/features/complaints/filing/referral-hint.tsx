import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Industry } from '@/contract/complaint-rules'
import { destinationsForIndustry, type ReferralDestination } from '@/contract/referral'
import { getReferralDestinations } from '../api/get-referral-destinations'

/**
 * A gentle word when the chosen industry is clearly another body's (电信 → 12300): where such
 * complaints usually go, and that filing here is still possible. Nothing when offline.
 */
export function ReferralHint({ industry }: { industry: Industry | null }) {
  const [destinations, setDestinations] = useState<ReferralDestination[]>([])
  useEffect(() => {
    let live = true
    getReferralDestinations().then(
      (found) => live && setDestinations(found),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  const matches = destinationsForIndustry(destinations, industry)
  if (!matches.length) return null
  return (
    <View className='referral-hint' role='note'>
      {matches.map((d) => (
        <Text key={d.code} className='referral-hint__text'>
          这类问题通常由{d.name}受理{d.hotline ? `（电话 ${d.hotline}）` : ''}。{d.scope}
        </Text>
      ))}
      <Text className='referral-hint__text'>您也可以继续向消协投诉，消协会看情况受理，或告诉您该找哪个部门。</Text>
    </View>
  )
}
