/** App pages a volunteer's notifications open (the volunteer subpackage). */
export const VOLUNTEER_WORKSPACE_LINK = '/packages/volunteer/pages/workspace/index'
export const fieldReportLink = (reportId: string) => `/packages/volunteer/pages/detail/index?id=${reportId}`
