import type { Organization, OrganizationLevel } from '@/contract/organization'

const CHILD_LEVEL: Partial<Record<OrganizationLevel, OrganizationLevel>> = { province: 'city', city: 'county' }
const CODE_LENGTH: Record<OrganizationLevel, number> = { province: 2, city: 4, county: 6 }

/** The level a child of `parent` has (a county has none), and what its region code must look like. */
export function childRule(parent: Organization): { level: OrganizationLevel; length: number } | null {
  const level = CHILD_LEVEL[parent.level]
  return level ? { level, length: CODE_LENGTH[level] } : null
}

export function regionCodeProblem(parent: Organization, code: string): string | null {
  const rule = childRule(parent)
  if (!rule) return '县级组织下不能再建下级组织'
  if (!new RegExp(`^\\d{${rule.length}}$`).test(code)) return `请填写 ${rule.length} 位行政区划代码`
  if (parent.regionCode && !code.startsWith(parent.regionCode)) return `下级组织的代码应以 ${parent.regionCode} 开头`
  return null
}
