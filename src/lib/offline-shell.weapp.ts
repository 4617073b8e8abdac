/** WeChat keeps the mini-program's code on the phone by itself. */
export function keepShellOffline(): void {}
