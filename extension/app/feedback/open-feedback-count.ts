/**
 * Open feedback threads of a draft as the draft list gets them from the server (`openFeedback`).
 * Read defensively: an older server (or cached list) does not send the field.
 */
export function openFeedbackCount(draft: object): number {
  const value = (draft as { openFeedback?: unknown }).openFeedback;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}
