import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ComplaintDetail } from '@/contract/complaint'
import { PRIVACY_WAY_FORWARD, privacyRefusal } from '@/lib/privacy-errors'
import { referralSummary } from './referral-summary'
import './referral-panel.css'

/**
 * 已引导: the body that can act on this complaint, how to reach it, and the complaint in a few lines
 * to copy (and, in the mini-program, a button that dials the hotline).
 */
export function ReferralPanel({ complaint }: { complaint: ComplaintDetail }) {
  const given = complaint.referral?.given
  if (complaint.status !== 'referred' || !given) return null
  const summary = referralSummary(complaint)

  const copy = () =>
    void Taro.setClipboardData({ data: summary }).then(
      () => Taro.showToast({ title: '已复制', icon: 'success' }),
      (error: unknown) => {
        const privacy = privacyRefusal(error)
        const content = privacy === 'not-declared' ? PRIVACY_WAY_FORWARD.notDeclared : privacy ? PRIVACY_WAY_FORWARD.clipboard : '没能复制，请长按上面的文字自行复制'
        void Taro.showModal({ title: '没能复制', content, showCancel: false, confirmText: '知道了' })
      },
    )

  return (
    <View className='card referral'>
      <Text className='section-title'>请向这个部门反映</Text>
      <Text className='referral__name'>{given.name}</Text>
      {given.hotline && (
        <Text className='referral__line'>
          电话 <Text className='referral__hotline'>{given.hotline}</Text>
        </Text>
      )}
      <Text className='referral__line muted'>{given.scope}</Text>
      {given.website && <Text className='referral__line'>网站 {given.website}</Text>}
      {given.staffNote && <Text className='referral__note'>工作人员说明：{given.staffNote}</Text>}
      {!given.verified && given.note && <Text className='referral__unverified'>请注意：{given.note}</Text>}
      <Text className='referral__line muted'>这件事由上面的部门受理，消协这边已结束（已引导）。联系时可以复制下面这段话：</Text>
      <View className='referral__summary'>
        {summary.split('\n').map((line, index) => (
          <View key={index} className='referral__summary-line'>
            <Text userSelect>{line}</Text>
          </View>
        ))}
      </View>
      <View className='referral__buttons'>
        <Button className='btn btn-secondary' onClick={copy}>
          复制投诉情况
        </Button>
        {process.env.TARO_ENV === 'weapp' && given.hotline && (
          <Button className='btn btn-primary' onClick={() => void Taro.makePhoneCall({ phoneNumber: given.hotline ?? '' }).catch(() => undefined)}>
            拨打 {given.hotline}
          </Button>
        )}
      </View>
    </View>
  )
}
