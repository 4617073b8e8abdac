import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Finding } from '@/contract/bad-faith-finding'
import { appealWindowText, findingBasisLine } from '@/contract/bad-faith-finding-rules'
import { chinaDay, stateClass, stateLabel } from './finding-words'
import './credit-findings.css'

/** The whole record of a finding, as staff and the enterprise's liaisons read it. */
export function FindingRecord({ finding, forEnterprise }: { finding: Finding; forEnterprise: boolean }) {
  const preview = (url: string) => void Taro.previewImage({ current: url, urls: finding.appeal?.photos.map((p) => p.displayUrl) ?? [url] })
  return (
    <View>
      <View className='credit-head'>
        <Text className='credit-title'>{forEnterprise ? `${finding.organization.name}拟作出的失信认定` : finding.enterprise.name}</Text>
        <Text className={stateClass(finding.state)}>{stateLabel(finding.state)}</Text>
      </View>
      <Text className='credit-line'>
        {chinaDay(finding.createdAt)} 由{forEnterprise ? finding.organization.name : `${finding.proposedBy.name}（${finding.organization.name}）`}提出，拟公示 {finding.months} 个月
      </Text>
      <Text className='credit-line'>
        申辩期：{appealWindowText()}，截至 {chinaDay(finding.appealDueAt)}
      </Text>
      <Text className='credit-basis'>{findingBasisLine(finding.basis)}</Text>
      <Text className='credit-label'>认定的事实</Text>
      <Text className='credit-line'>{finding.facts}</Text>
      <Text className='credit-label'>关联投诉（{finding.cases.length} 件）</Text>
      <Text className='credit-line'>{finding.cases.map((c) => c.number).join('、')}</Text>
      <Text className='credit-label'>企业申辩</Text>
      {finding.appeal ? (
        <>
          <Text className='credit-line'>
            {chinaDay(finding.appeal.at)}：{finding.appeal.text}
          </Text>
          {finding.appeal.photos.length > 0 && (
            <View className='credit-photos'>
              {finding.appeal.photos.map((photo, index) => (
                <Image key={photo.id} className='credit-photo' src={photo.thumbnailUrl} mode='aspectFill' nativeProps={{ alt: `申辩照片 ${index + 1}` }} onClick={() => preview(photo.displayUrl)} />
              ))}
            </View>
          )}
        </>
      ) : (
        <Text className='credit-line'>{finding.state === 'appeal_open' ? '尚未申辩' : '申辩期内没有申辩'}</Text>
      )}
      {finding.decision && (
        <>
          <Text className='credit-label'>复核决定：{finding.decision.outcome === 'publish' ? '认定并公示' : '不予认定'}</Text>
          <Text className='credit-line'>
            {chinaDay(finding.decision.at)}{forEnterprise ? '' : ` ${finding.decision.by}`}：{finding.decision.reasons}
          </Text>
        </>
      )}
      {finding.publishedAt && finding.expiresAt && (
        <Text className='credit-line'>
          公示期：{chinaDay(finding.publishedAt)} 至 {chinaDay(finding.expiresAt)}
        </Text>
      )}
      {finding.lift && (
        <>
          <Text className='credit-label'>{finding.lift.liftedAt ? '已提前撤销' : '撤销申请（待另一位工作人员确认）'}</Text>
          <Text className='credit-line'>
            {forEnterprise ? '' : `${finding.lift.requestedBy}${finding.lift.liftedBy ? `申请，${finding.lift.liftedBy}确认` : '申请'}：`}
            {finding.lift.reason}
          </Text>
        </>
      )}
    </View>
  )
}
