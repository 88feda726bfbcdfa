/**
 * Another user's caret: a coloured bar with their name. The name sits in a shadow root, so it is
 * shown but is not part of the draft's text (innerText, text read out from the textbox); the
 * presence list is the accessible way to learn who is here.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const name = typeof user.name === 'string' ? user.name : '';
  // CollaborationCaret has already replaced an invalid colour with 'transparent'.
  const color = typeof user.color === 'string' ? user.color : 'transparent';
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = color;
  const label = document.createElement('div');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.setAttribute('aria-hidden', 'true');
  label.attachShadow({ mode: 'open' }).textContent = name;
  caret.append(label);
  return caret;
}
