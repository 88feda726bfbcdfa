/** Waiting on conditions instead of sleeping: polls until true, or fails with what was being waited for. */

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

/** Resolves with the first matching event's arguments. */
export function nextEvent<T>(
  subscribe: (listener: (value: T) => void) => void,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`)),
      timeoutMs,
    );
    subscribe((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
