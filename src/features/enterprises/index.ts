// The enterprise page lives in the packages/enterprise-directory subpackage, which imports it from here.
export { EnterpriseView } from './components/enterprise-view'
