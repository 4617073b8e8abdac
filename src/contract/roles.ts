export const Role = {
  Consumer: 'consumer',
  Volunteer: 'volunteer',
  Enterprise: 'enterprise',
  Staff: 'staff',
} as const
export type Role = (typeof Role)[keyof typeof Role]

export const ALL_ROLES: readonly Role[] = Object.values(Role)

export const ROLE_LABELS: Record<Role, string> = {
  consumer: '消费者',
  volunteer: '维权志愿者',
  enterprise: '企业联络员',
  staff: '消协工作人员',
}

/** Roles that have a workspace of their own (a weapp subpackage). */
export function hasWorkspace(role: Role): boolean {
  return role !== Role.Consumer
}
