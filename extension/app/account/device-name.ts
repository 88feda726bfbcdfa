/**
 * A session's label as a teacher reads it: the server keeps the browser's user-agent string;
 * "Chrome · Windows" says the same in words. Labels that are not a user agent stay as they are.
 */

const browsers: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\b(?:HeadlessChrome|Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*Safari\//, 'Safari'],
];

const systems: [RegExp, string][] = [
  [/\bAndroid\b/, 'Android'],
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bCrOS\b/, 'Chromebook'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'Mac'],
  [/\bLinux\b/, 'Linux'],
];

export function deviceName(label: string): string {
  if (!label.startsWith('Mozilla/')) return label;
  const browser = browsers.find(([pattern]) => pattern.test(label))?.[1];
  const system = systems.find(([pattern]) => pattern.test(label))?.[1];
  const named = [browser, system].filter(Boolean).join(' · ');
  return named || label;
}
