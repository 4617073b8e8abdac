/**
 * Page routes and demo people that more than one browser test uses. A route only one test file
 * visits stays a constant in that file.
 */

// Tab pages and the login page.
export const HOME = '/pages/home/index'
export const COMPLAINTS = '/pages/complaints/index'
export const MESSAGES = '/pages/messages/index'
export const ME = '/pages/me/index'
export const LOGIN = '/pages/login/index'

/** The filing wizard, one page a step. */
export const FILING_STEPS = {
  business: '/packages/complaint/pages/business/index',
  facts: '/packages/complaint/pages/facts/index',
  photos: '/packages/complaint/pages/photos/index',
  contact: '/packages/complaint/pages/contact/index',
  review: '/packages/complaint/pages/review/index',
  result: '/packages/complaint/pages/result/index',
} as const
/** A complaint as the consumer sees it. */
export const COMPLAINT_DETAIL = '/packages/complaint/pages/detail/index'

// The enterprise liaison's side.
export const ENTERPRISE_INBOX = '/packages/enterprise/pages/workspace/index'
export const ENTERPRISE_COMPLAINT = '/packages/enterprise/pages/complaint/index'
/** An enterprise's public page in the directory. */
export const ENTERPRISE_PAGE = '/packages/enterprise-directory/pages/detail/index'

// The staff side.
export const STAFF_WORKSPACE = '/packages/staff/pages/workspace/index'
export const STAFF_COMPLAINT = '/packages/staff/pages/complaint/index'

export const WARNINGS_LIST = '/packages/warnings/pages/list/index'
export const WARNINGS_DETAIL = '/packages/warnings/pages/detail/index'
export const WARNINGS_SEARCH = '/packages/warnings/pages/search/index'

export const VOLUNTEER_WORKSPACE = '/packages/volunteer/pages/workspace/index'
export const VOLUNTEER_REPORT = '/packages/volunteer/pages/report/index'
export const VOLUNTEER_REPORTS = '/packages/volunteer/pages/reports/index'
export const VOLUNTEER_APPLY = '/packages/volunteer/pages/apply/index'

export const NOTIFICATION_SETTINGS = '/packages/settings/pages/notifications/index'

// The seeded demo accounts (server/src/seed/demo.ts) by phone.
export const CONSUMER = '13800000001'
export const VOLUNTEER = '13800000002'
export const LIAISON = '13800000003'
export const STAFF = '13800000004'
/** The seeded enterprise whose liaison is LIAISON. */
export const ENTERPRISE_NAME = '示例优选超市有限公司'
