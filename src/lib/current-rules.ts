import { useEffect, useState } from 'react'
import type { RuleSet, RuleSetContent } from '@/contract/rule-set'
import { getJson } from './http'

let cached: Promise<RuleSet> | null = null

/** GET /api/rule-sets/current (public): the rules a complaint filed now is handled under; fetched once per app run. */
export function currentRules(): Promise<RuleSet> {
  cached ??= getJson<RuleSet>('/rule-sets/current').catch((error: unknown) => {
    cached = null
    throw error
  })
  return cached
}

/** The current rules' content, or null until loaded (or when offline: callers show words without numbers). */
export function useCurrentRules(): RuleSetContent | null {
  const [content, setContent] = useState<RuleSetContent | null>(null)
  useEffect(() => {
    let live = true
    currentRules().then(
      (rules) => live && setContent(rules.content),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  return content
}
