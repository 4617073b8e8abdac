import type { Db } from '../db/database'
import { AppError } from '../errors'
import { makeLiaison, makeStaff } from '../modules/users/account.service'
import { findEnterpriseByName, insertEnterprise } from '../modules/users/enterprise.repository'
import { ORGANIZATION_LEVELS, type OrganizationLevel } from '../../../src/contract/organization'
import { GROUP_DEFAULT_THRESHOLD, GROUP_DEFAULT_WINDOW_DAYS } from '../../../src/contract/complaint-group'
import { RULE_SET_FAMILY_LABELS, type RuleSetFamily } from '../../../src/contract/rule-text'
import { DEFAULT_ORGANIZATION_ID, findOrganizationById, findOrganizationByName, listOrganizations, setGroupThreshold, setRuleFamily, type OrganizationRow } from '../modules/organizations/organizations.repository'
import { addStaffToOrganization, createOrganization } from '../modules/organizations/organizations.service'
import { addToAlliance, createAlliance, listAlliancesWithMembers } from '../modules/alliances/alliances.service'
import { findAllianceByName } from '../modules/alliances/alliances.repository'
import { runStationCommand, STATION_COMMANDS, type StationOptions } from './station-commands'

export interface AdminOptions extends StationOptions {
  phone?: string
  name?: string
  enterprise?: string
  'credit-code'?: string
  level?: string
  region?: string
  parent?: string
  organization?: string
  manage?: boolean
  'no-mediate'?: boolean
  family?: string
  alliance?: string
  count?: string
  days?: string
  default?: boolean
}

async function organizationNamed(db: Db, name: string | undefined) {
  const found = name ? await findOrganizationByName(db, name.trim()) : await findOrganizationById(db, DEFAULT_ORGANIZATION_ID)
  if (!found) throw new Error(`没有名为「${name}」的组织（npm run admin -- list-organizations 查看全部）`)
  return found
}

function wholeNumber(value: string, flag: string, min: number, max: number): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < min || n > max) throw new Error(`--${flag} 应为 ${min} 到 ${max} 之间的整数`)
  return n
}

function required(value: string | undefined, flag: string): string {
  if (!value?.trim()) throw new Error(`缺少参数 --${flag}`)
  return value.trim()
}

/** The CLI speaks in flags: a service's "name missing" becomes "--name missing". */
async function asCli<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof AppError && error.message === '新建账号需要填写姓名') throw new Error('缺少参数 --name')
    throw error
  }
}

/** Each organization's family: its own choice, else its parent's (rows come parents first), else the deployment's. */
function effectiveFamilies(rows: OrganizationRow[], fallback: RuleSetFamily): Map<string, { family: RuleSetFamily; own: boolean }> {
  const families = new Map<string, { family: RuleSetFamily; own: boolean }>()
  for (const o of rows) {
    const inherited = (o.parent_id && families.get(o.parent_id)?.family) || fallback
    families.set(o.id, { family: o.rule_family ?? inherited, own: o.rule_family !== null })
  }
  return families
}

function familyOption(value: string | undefined): RuleSetFamily | null {
  const family = required(value, 'family')
  if (family === 'inherit') return null
  if (family === 'samr' || family === 'association') return family
  throw new Error(`--family 只能是 samr（${RULE_SET_FAMILY_LABELS.samr}）、association（${RULE_SET_FAMILY_LABELS.association}）或 inherit（沿用上级组织的选择），当前值为「${family}」`)
}

/** Creates (or promotes) staff and enterprise accounts; returns what it did in one line. */
export async function runAdminCommand(db: Db, command: string, options: AdminOptions, defaultFamily: RuleSetFamily = 'samr'): Promise<string> {
  const stationCommand = STATION_COMMANDS.find((c) => c === command)
  if (stationCommand) return runStationCommand(db, stationCommand, options, new Date())
  switch (command) {
    case 'create-staff': {
      const phone = required(options.phone, 'phone')
      const { created } = await asCli(makeStaff(db, phone, options.name?.trim()))
      return created ? `已创建消协工作人员 ${phone}` : `已将 ${phone} 设为消协工作人员`
    }
    case 'create-enterprise': {
      const phone = required(options.phone, 'phone')
      const enterpriseName = required(options.enterprise, 'enterprise')
      const enterprise =
        (await findEnterpriseByName(db, enterpriseName)) ?? (await insertEnterprise(db, enterpriseName, options['credit-code'] ?? null))
      const { created } = await asCli(makeLiaison(db, enterprise.id, phone, options.name?.trim()))
      return created ? `已创建「${enterprise.name}」的企业联络员 ${phone}` : `已将 ${phone} 设为「${enterprise.name}」的企业联络员`
    }
    case 'grant-rule-editor':
    case 'revoke-rule-editor': {
      const phone = required(options.phone, 'phone')
      const grant = command === 'grant-rule-editor'
      const updated = await db
        .updateTable('users')
        .set({ rule_editor: grant ? 1 : 0, updated_at: new Date().toISOString() })
        .where('phone', '=', phone)
        .where('role', '=', 'staff')
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      if (!Number(updated.numUpdatedRows)) throw new Error(`${phone} 不是消协工作人员：请先用 create-staff 创建`)
      return grant ? `${phone} 现在可以发布处理规则的新版本` : `${phone} 不再能发布处理规则的新版本`
    }
    case 'create-organization': {
      const name = required(options.name, 'name')
      const level = required(options.level, 'level')
      if (!ORGANIZATION_LEVELS.includes(level as OrganizationLevel)) throw new Error('--level 只能是 province、city 或 county')
      const parent = await organizationNamed(db, options.parent)
      const created = await createOrganization(db, { name, level: level as OrganizationLevel, regionCode: required(options.region, 'region'), parentId: parent.id }, new Date())
      return `已创建「${created.name}」（行政区划 ${created.region_code}，上级「${parent.name}」）`
    }
    case 'add-staff': {
      const phone = required(options.phone, 'phone')
      const organization = await organizationNamed(db, required(options.organization, 'organization'))
      const { user, created } = await asCli(makeStaff(db, phone, options.name?.trim()))
      await addStaffToOrganization(db, user.id, organization.id, { canManage: options.manage === true, canMediate: options['no-mediate'] !== true }, new Date())
      return `${created ? '已创建' : '已设置'}消协工作人员 ${phone}，所属「${organization.name}」`
    }
    case 'set-rule-family': {
      const organization = await organizationNamed(db, required(options.organization, 'organization'))
      const family = familyOption(options.family)
      await setRuleFamily(db, organization.id, family)
      const rows = await listOrganizations(db)
      const effective = effectiveFamilies(rows, defaultFamily).get(organization.id)!.family
      const now = `新立案的投诉适用${RULE_SET_FAMILY_LABELS[effective]}（${effective}）`
      return family ? `「${organization.name}」及未自选规则的下级组织：${now}` : `「${organization.name}」改为沿用上级组织的选择：${now}`
    }
    case 'set-group-threshold': {
      const organization = await organizationNamed(db, required(options.organization, 'organization'))
      if (options.default) {
        await setGroupThreshold(db, organization.id, null, null)
        return `「${organization.name}」：${GROUP_DEFAULT_WINDOW_DAYS} 天内 ${GROUP_DEFAULT_THRESHOLD} 件投诉同一商家即形成群体性投诉（默认）`
      }
      const count = wholeNumber(required(options.count, 'count'), 'count', 2, 1000)
      const days = wholeNumber(required(options.days, 'days'), 'days', 1, 366)
      await setGroupThreshold(db, organization.id, count, days)
      return `「${organization.name}」：${days} 天内 ${count} 件投诉同一商家即形成群体性投诉`
    }
    case 'list-organizations': {
      const rows = await listOrganizations(db)
      const families = effectiveFamilies(rows, defaultFamily)
      return rows
        .map((o) => {
          const { family, own } = families.get(o.id)!
          return `${'  '.repeat(Number(o.depth))}${o.name}\t${o.level}\t${o.region_code ?? '-'}\t${family}${own ? '' : '（沿用）'}`
        })
        .join('\n')
    }
    case 'create-alliance': {
      const created = await createAlliance(db, required(options.name, 'name'), new Date())
      return `已创建联盟「${created.name}」（用 add-to-alliance 加入成员）`
    }
    case 'add-to-alliance': {
      const name = required(options.alliance, 'alliance')
      const alliance = await findAllianceByName(db, name)
      if (!alliance) throw new Error(`没有名为「${name}」的联盟（npm run admin -- list-alliances 查看全部）`)
      const organization = await organizationNamed(db, required(options.organization, 'organization'))
      const added = await addToAlliance(db, alliance, organization, new Date())
      return added ? `「${organization.name}」已加入联盟「${alliance.name}」` : `「${organization.name}」已经是联盟「${alliance.name}」的成员`
    }
    case 'list-alliances': {
      const alliances = await listAlliancesWithMembers(db)
      return alliances.map((a) => `${a.name}\n${a.members.map((m) => `  ${m.name}`).join('\n') || '  （还没有成员）'}`).join('\n') || '（还没有联盟）'
    }
    case 'list-users': {
      const users = await db.selectFrom('users').select(['phone', 'role', 'display_name']).orderBy('created_at').execute()
      return users.map((u) => `${u.phone ?? '(微信)'}\t${u.role}\t${u.display_name}`).join('\n') || '（还没有用户）'
    }
    default:
      throw new Error(`未知命令：${command}`)
  }
}
