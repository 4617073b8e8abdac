/**
 * Timeline labels of a case's moves between organizations (organization.ts). Apart from
 * COMPLAINT_EVENT_LABELS so that the weapp main package, which holds that table, does not grow.
 */
export const MOVE_EVENT_LABELS = { transfer: '移送', hand_down: '交办', take_up: '提级', alliance: '联盟移送' } as const
export type MoveEventType = keyof typeof MOVE_EVENT_LABELS
