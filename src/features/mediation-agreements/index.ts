export { AgreementCard } from './components/agreement-card'
export { AgreementEditor } from './components/agreement-editor'
export { AgreementSigning } from './components/agreement-signing'
export { AgreementVerify } from './components/agreement-verify'
