/** Copies text to the clipboard; falls back to execCommand where the Clipboard API is missing (plain http). */
export async function copyText(win: Window, text: string): Promise<boolean> {
  if (win.navigator.clipboard?.writeText) {
    try {
      await win.navigator.clipboard.writeText(text);
      return true;
    } catch (error) {
      console.warn('dampingi: clipboard write refused, trying the fallback', error);
    }
  }
  const doc = win.document;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.append(area);
  area.select();
  try {
    return doc.execCommand('copy');
  } catch (error) {
    console.warn('dampingi: copy fallback failed', error);
    return false;
  } finally {
    area.remove();
  }
}
