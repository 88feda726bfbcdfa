/**
 * Printing a version of the draft: the student version puts a class on the page that print CSS
 * (./student-version.css) reads to hide the teacher-only blocks; it is taken off after printing.
 */
import type { DraftVersion } from '../../../shared/model/audience';

export const STUDENT_PRINT_CLASS = 'print-student-version';

export function printVersion(win: Window, version: DraftVersion): void {
  const root = win.document.documentElement;
  root.classList.toggle(STUDENT_PRINT_CLASS, version === 'student');
  win.addEventListener('afterprint', () => root.classList.remove(STUDENT_PRINT_CLASS), { once: true });
  win.print();
}
