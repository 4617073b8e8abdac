// Replaces axios/lib/adapters/fetch.js in the app bundles: requests go through the XHR adapter
// (on weapp the XMLHttpRequest from @tarojs/plugin-http), and the fetch adapter costs ~24 KB.
export const getFetch = () => undefined
export default undefined
