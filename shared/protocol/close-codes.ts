/**
 * WebSocket close codes the server uses. 4400–4499 are permanent (the stock y-websocket client
 * stops reconnecting); 4500–4599 mean "try again later". Reasons are short machine keys the UI
 * translates (see shared/i18n).
 */
export const CloseCode = {
  BadRequest: 4400,
  Unauthorized: 4401,
  Forbidden: 4403,
  NotFound: 4404,
  MessageTooLarge: 4413,
  InvalidMessage: 4422,
  RateLimited: 4429,
  ServerError: 4500,
  ShuttingDown: 4503,
  /** The account has too many connections open: try again once some are closed. */
  TooManyConnections: 4529,
} as const;
export type CloseCodeName = keyof typeof CloseCode;

export const closeReasons = {
  [CloseCode.BadRequest]: 'bad-request',
  [CloseCode.Unauthorized]: 'unauthorized',
  [CloseCode.Forbidden]: 'forbidden',
  [CloseCode.NotFound]: 'not-found',
  [CloseCode.MessageTooLarge]: 'message-too-large',
  [CloseCode.InvalidMessage]: 'invalid-message',
  [CloseCode.RateLimited]: 'rate-limited',
  [CloseCode.ServerError]: 'server-error',
  [CloseCode.ShuttingDown]: 'shutting-down',
  [CloseCode.TooManyConnections]: 'too-many-connections',
} as const;

export function isPermanentClose(code: number): boolean {
  return code >= 4400 && code < 4500;
}

/** The server could not take our changes now (e.g. its database is away): reconnect and resend later. */
export function isTryLaterClose(code: number): boolean {
  return code >= 4500 && code < 4600;
}

/**
 * The connection could not keep up with what it was sent (its send buffer grew past the limit).
 * Transient: the client reconnects and resyncs. Kept apart from `CloseCode` until the editor's
 * catalogue has a message for it; until then the editor shows it as any dropped connection.
 */
export const TooSlowClose = { code: 4504, reason: 'too-slow' } as const;
