/**
 * WeChat subscribe messages: the mini-program may send a user a message only after they accepted
 * a template in Taro.requestSubscribeMessage, once per acceptance. That dialog may only be opened
 * from a user's tap, so callers run requestSubscriptions() synchronously, first thing in their tap
 * handler. Only the mini-program has them (subscribe-messages.weapp.ts); elsewhere nothing happens.
 */

/** Fetches the template ids ahead of the tap that will need them. */
export function loadSubscribeConfig(): void {}

/** Asks the user to allow progress messages (call it directly inside a tap handler, before any await). */
export function requestSubscriptions(): void {}
