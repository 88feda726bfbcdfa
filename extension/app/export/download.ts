/** Saving a made file: a temporary link with `download`, clicked, then let go of. Works offline and in the extension. */
export function downloadFile(win: Window, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = win.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  win.document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; a minute is plenty for a slow disk.
  win.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
