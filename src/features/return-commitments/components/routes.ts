/** The public store finder; with ?id= it opens one store (its terms and 一键投诉). */
export const STORE_PAGE = '/packages/credit/pages/stores/index'
/** Filing step 1; `commitment` makes it a 一键投诉 about that store. */
export const FILING_START = '/packages/complaint/pages/business/index'
