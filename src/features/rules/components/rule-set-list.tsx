import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import type { RuleProvision, RuleSet } from '@/contract/rule-set'
import { RULE_SET_FAMILY_LABELS, RULE_STEPS, RULE_STEP_LABELS, stepSentence } from '@/contract/rule-text'
import { listRuleSets } from '../api/rule-sets'
import './rules.css'

const where = (rule: { article: string | null; verified: boolean }) => `${rule.article ?? '条款号未核实'}${rule.verified ? '' : ' · 未核实'}`

function Provision({ rule }: { rule: RuleProvision & { code?: string } }) {
  return (
    <View className='rule'>
      <Text className='rule__text'>{rule.text}</Text>
      <Text className={rule.verified ? 'rule__basis' : 'rule__basis rule__basis--unverified'}>{where(rule)}</Text>
      {rule.note && <Text className='muted rule__note'>{rule.note}</Text>}
      {rule.source && <Text className='muted rule__note'>核对来源：{rule.source.title}{rule.source.url ? `（${rule.source.url}）` : ''}</Text>}
    </View>
  )
}

function RuleSetCard({ ruleSet }: { ruleSet: RuleSet }) {
  const period = `${ruleSet.inForceFrom ? `${ruleSet.inForceFrom} 起` : '施行日期未知'}${ruleSet.inForceTo ? `，至 ${ruleSet.inForceTo}` : ''}`
  return (
    <View className='card rule-set'>
      <Text className='section-title'>{ruleSet.name}</Text>
      <Text>{ruleSet.document}{ruleSet.documentNumber ? `（${ruleSet.documentNumber}）` : ''}</Text>
      <Text className='muted'>{RULE_SET_FAMILY_LABELS[ruleSet.family]} · {ruleSet.issuingBody} · {period} · 第 {ruleSet.version} 版</Text>
      {!ruleSet.verified && <Text className='rule__basis--unverified'>部分条文未能对照原文核实，已逐条标出</Text>}
      <Text className='rule-set__heading'>期限</Text>
      {RULE_STEPS.map((step) => {
        const rule = ruleSet.content.steps[step]
        return <Provision key={step} rule={{ ...rule, text: `${RULE_STEP_LABELS[step]}：${stepSentence(rule)}（自${rule.from}起算）` }} />
      })}
      <Text className='rule-set__heading'>不予受理的情形</Text>
      {ruleSet.content.refusalGrounds.map((rule) => <Provision key={rule.code} rule={rule} />)}
      {ruleSet.content.mediationEndGrounds.length > 0 && <Text className='rule-set__heading'>终止调解</Text>}
      {ruleSet.content.mediationEndGrounds.map((rule) => <Provision key={rule.text} rule={rule} />)}
      {ruleSet.content.afterHandling.length > 0 && <Text className='rule-set__heading'>处理后的要求</Text>}
      {ruleSet.content.afterHandling.map((rule) => <Provision key={rule.text} rule={rule} />)}
      {ruleSet.content.otherProvisions.length > 0 && <Text className='rule-set__heading'>其他规定</Text>}
      {ruleSet.content.otherProvisions.map((rule) => <Provision key={rule.text} rule={rule} />)}
      {ruleSet.content.testingPause && <Text className='rule-set__heading'>检测、鉴定期间</Text>}
      {ruleSet.content.testingPause && (
        <Provision rule={{ ...ruleSet.content.testingPause, text: `${ruleSet.content.testingPause.text}（${ruleSet.content.testingPause.excluded ? '本平台暂停计时' : '不暂停计时'}）` }} />
      )}
      {ruleSet.content.repeatComplaints && <Text className='rule-set__heading'>重复投诉</Text>}
      {ruleSet.content.repeatComplaints && <Provision rule={ruleSet.content.repeatComplaints} />}
    </View>
  )
}

/** Every rule set with where each rule comes from; the one a complaint follows is named on its page. */
export function RuleSetList() {
  const [ruleSets, setRuleSets] = useState<RuleSet[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const load = () => {
    setProblem(null)
    listRuleSets().then(setRuleSets, (error: { message?: string }) => setProblem(error.message ?? '加载失败，请重试'))
  }
  useEffect(load, [])
  if (problem) return <View className='card'><PageState kind='error' description={problem} onRetry={load} /></View>
  if (!ruleSets) return <PageState kind='loading' />
  if (ruleSets.length === 0) return <PageState kind='empty' title='还没有处理规则' />
  return (
    <View>
      <Text className='muted rule-set__intro'>每件投诉按立案时适用的规则办理。标“未核实”的条文未能对照官方原文核对，仅供参考。</Text>
      {ruleSets.map((ruleSet) => <RuleSetCard key={ruleSet.id} ruleSet={ruleSet} />)}
    </View>
  )
}
