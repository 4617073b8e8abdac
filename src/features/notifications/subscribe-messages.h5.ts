// H5 has no WeChat subscribe messages: the inbox and the live stream cover it (see subscribe-messages.ts).
export function loadSubscribeConfig(): void {}

export function requestSubscriptions(): void {}
