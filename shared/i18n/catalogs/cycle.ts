/**
 * Strings of the mentoring cycle: stages, the stepper, reflection and follow-up plan, observation
 * tags, media kinds. Bahasa Indonesia first; English must have the same keys.
 */
export const id = {
  'cycle.stage.needs-analysis': 'Analisis kebutuhan',
  'cycle.stage.design': 'Rancangan & pengembangan',
  'cycle.stage.try-out': 'Uji coba terbatas',
  'cycle.stage.reflection': 'Refleksi',
  'cycle.stage.follow-up': 'Tindak lanjut',
  'cycle.tag.engagement': 'Keterlibatan',
  'cycle.tag.clarity': 'Kejelasan',
  'cycle.tag.time': 'Waktu',
  'cycle.tag.difficulty': 'Kesulitan',
  'cycle.tag.other': 'Lainnya',
  'cycle.tone.keep': 'Berjalan baik',
  'cycle.tone.fix': 'Perlu diperbaiki',
  'cycle.media.modul-ajar': 'Modul ajar',
  'cycle.media.lkpd': 'LKPD',
  'cycle.media.bahan-bacaan': 'Bahan bacaan',
  'cycle.media.presentasi': 'Presentasi',
  'cycle.media.blank': 'Lainnya',
} as const;

export const en: Record<keyof typeof id, string> = {
  'cycle.stage.needs-analysis': 'Needs analysis',
  'cycle.stage.design': 'Design & development',
  'cycle.stage.try-out': 'Limited try-out',
  'cycle.stage.reflection': 'Reflection',
  'cycle.stage.follow-up': 'Follow-up plan',
  'cycle.tag.engagement': 'Engagement',
  'cycle.tag.clarity': 'Clarity',
  'cycle.tag.time': 'Time',
  'cycle.tag.difficulty': 'Difficulty',
  'cycle.tag.other': 'Other',
  'cycle.tone.keep': 'Went well',
  'cycle.tone.fix': 'Needs fixing',
  'cycle.media.modul-ajar': 'Lesson plan',
  'cycle.media.lkpd': 'Student worksheet (LKPD)',
  'cycle.media.bahan-bacaan': 'Reading sheet',
  'cycle.media.presentasi': 'Slide outline',
  'cycle.media.blank': 'Other',
};
