import { useEffect, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import type { RuleSet } from '@/contract/rule-set'
import { RULE_SET_FAMILY_LABELS, RULE_STEPS, RULE_STEP_LABELS, type RuleStep } from '@/contract/rule-text'
import { errorMessage } from '@/lib/http'
import { listRuleSets, myRuleFamily, publishRuleSetVersion } from '../api/rule-sets'
import './rules.css'

type Days = Record<RuleStep, string>
const daysOf = (ruleSet: RuleSet): Days =>
  Object.fromEntries(RULE_STEPS.map((step) => [step, String(ruleSet.content.steps[step].days)])) as Days

/**
 * Changes a rule set's time limits by publishing its next version (issue #16). The version in use is
 * never edited: complaints filed under it keep it. Only staff with the rule-editor permission may save.
 */
function RuleSetDeadlines({ ruleSet, onPublished }: { ruleSet: RuleSet; onPublished: (next: RuleSet) => void }) {
  const [days, setDays] = useState<Days>(daysOf(ruleSet))
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const invalid = RULE_STEPS.find((step) => !/^\d{1,3}$/.test(days[step]) || Number(days[step]) < 1 || Number(days[step]) > 365)

  async function publish() {
    if (invalid) return setProblem(`${RULE_STEP_LABELS[invalid]}期限请填写 1–365 的整数`)
    if (!note.trim()) return setProblem('请写明依据（例如 核对了哪份文件的第几条）')
    const { confirm } = await Taro.showModal({ title: '发布新版本', content: '新版本只适用于之后立案的投诉，已立案的投诉仍按原版本办理。确定发布吗？' })
    if (!confirm) return
    setBusy(true)
    setProblem(null)
    const steps = { ...ruleSet.content.steps }
    for (const step of RULE_STEPS) {
      const old = steps[step]
      // A changed number is the editor's word until checked against the text: it is marked unverified with their note.
      steps[step] = Number(days[step]) === old.days ? old : { ...old, days: Number(days[step]), verified: false, note: note.trim().slice(0, 500) }
    }
    try {
      const { id: _id, code, version: _version, family: _family, verified: _verified, createdAt: _createdAt, content, ...fields } = ruleSet
      onPublished(await publishRuleSetVersion(code, { ...fields, content: { ...content, steps } }))
      void Taro.showToast({ title: '已发布新版本', icon: 'success' })
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card rule-set'>
      <Text className='section-title'>{ruleSet.name}（第 {ruleSet.version} 版）</Text>
      {RULE_STEPS.map((step) => (
        <View key={step} className='rule-editor__row'>
          <Text>{RULE_STEP_LABELS[step]}期限（{ruleSet.content.steps[step].dayKind === 'working' ? '工作日' : '自然日'}）</Text>
          <Input className='rule-editor__input' type='number' value={days[step]} onInput={(e) => setDays({ ...days, [step]: e.detail.value })} aria-label={`${RULE_STEP_LABELS[step]}期限天数`} />
        </View>
      ))}
      <Text className='rule-editor__label'>修改依据</Text>
      <Input className='rule-editor__input rule-editor__note' value={note} maxlength={500} placeholder='核对了哪份文件的第几条' onInput={(e) => setNote(e.detail.value)} aria-label='修改依据' />
      {problem && <View role='alert'><Text className='rule__basis--unverified'>{problem}</Text></View>}
      <Button className='btn btn-primary rule-editor__publish' loading={busy || undefined} disabled={busy || undefined} onClick={() => void publish()}>
        发布新版本
      </Button>
    </View>
  )
}

export function RuleSetEditor() {
  const [ruleSets, setRuleSets] = useState<RuleSet[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [mine, setMine] = useState<Awaited<ReturnType<typeof myRuleFamily>> | null>(null)
  const load = () => {
    setProblem(null)
    listRuleSets().then(setRuleSets, (error: unknown) => setProblem(errorMessage(error)))
    // Which family applies here is a hint beside the editor: the list works without it.
    myRuleFamily().then(setMine, () => setMine(null))
  }
  useEffect(load, [])
  if (problem) return <View className='card'><PageState kind='error' description={problem} onRetry={load} /></View>
  if (!ruleSets) return <PageState kind='loading' />
  if (ruleSets.length === 0) return <PageState kind='empty' title='还没有处理规则' />
  return (
    <View>
      {mine && (
        <Text className='rule-set__intro'>
          本组织（{mine.organizationName}）新立案的投诉适用：{RULE_SET_FAMILY_LABELS[mine.ruleFamily]}
        </Text>
      )}
      <Text className='muted rule-set__intro'>修改期限会发布规则的新版本，只影响之后立案的投诉。改过的数字标为“未核实”，直到对照原文核实。</Text>
      {ruleSets.map((ruleSet) => (
        <RuleSetDeadlines key={ruleSet.id} ruleSet={ruleSet} onPublished={(next) => setRuleSets(ruleSets.map((r) => (r.code === next.code ? next : r)))} />
      ))}
    </View>
  )
}
