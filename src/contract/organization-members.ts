import { Type, type Static } from '@sinclair/typebox'
import { Organization, OrganizationRef } from './organization'

/**
 * Managing an organization (staff with 管理 permission): its members and what each may do
 * (管理 the organization, 调解 cases, 站点值守 at one of its stations), and its child organizations.
 */
export const OrganizationMember = Type.Object({
  userId: Type.String(),
  displayName: Type.String(),
  /** Masked (138****0017): enough to tell colleagues apart. */
  phone: Type.Union([Type.String(), Type.Null()]),
  canManage: Type.Boolean(),
  canMediate: Type.Boolean(),
  /** 失信认定: may propose and decide bad-faith findings. */
  canCreditFindings: Type.Boolean(),
  station: Type.Union([OrganizationRef, Type.Null()]),
})
export type OrganizationMember = Static<typeof OrganizationMember>

export const OrganizationAdminView = Type.Object({
  organization: Organization,
  members: Type.Array(OrganizationMember),
  stations: Type.Array(OrganizationRef),
  children: Type.Array(Organization),
  /** The caller's own user id: the page marks 本人. */
  me: Type.String(),
})
export type OrganizationAdminView = Static<typeof OrganizationAdminView>

export const OrganizationIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
export const OrganizationMemberParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), userId: Type.String({ minLength: 1, maxLength: 64 }) })

const permissions = {
  canManage: Type.Boolean({ description: '管理本组织（成员、站点、下级组织）' }),
  canMediate: Type.Boolean({ description: '受理、调解投诉' }),
  canCreditFindings: Type.Optional(Type.Boolean({ description: '失信认定：提出和复核失信惩戒认定；不填则不变（新成员为否）' })),
  stationId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()], { description: '站点值守：本组织的一个服务站；null 不值守' }),
}

export const MemberPermissionsRequest = Type.Object(permissions, { additionalProperties: false })
export type MemberPermissionsRequest = Static<typeof MemberPermissionsRequest>

export const AddMemberRequest = Type.Object(
  {
    phone: Type.String({ pattern: '^1[3-9]\\d{9}$', description: '11 位手机号；没有账号时新建' }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 30, pattern: '\\S', description: '新建账号时必填' })),
    ...permissions,
  },
  { additionalProperties: false },
)
export type AddMemberRequest = Static<typeof AddMemberRequest>
