export { startOutboxSync, syncOutbox } from './outbox/run-outbox-sync'
