/** Strings of importing a Word document as a new draft. Bahasa Indonesia first; English must have the same keys. */
export const id = {
  'import.heading': 'Impor dari Word',
  'import.hint':
    'Punya RPP atau LKPD dalam berkas Word? Jadikan draf baru. Sebelum draf dibuat, Anda melihat apa saja yang tidak dapat disimpan.',
  'import.choose': 'Pilih berkas Word (.docx)',
  'import.limit': 'Paling besar 15 MB. Gambar disimpan bila masing-masing paling besar 2 MB.',
  'import.reading': 'Membaca berkas…',
  'import.refused.too-large':
    'Berkas ini lebih dari 15 MB, terlalu besar untuk diimpor. Kecilkan gambarnya di Word (Kompres Gambar) lalu coba lagi.',
  'import.refused.empty': 'Berkas ini kosong. Pilih berkas Word yang berisi.',
  'import.refused.old-word-format':
    'Ini berkas Word lama (.doc). Buka di Word, pilih Simpan Sebagai → Dokumen Word (.docx), lalu impor berkas .docx itu.',
  'import.refused.not-docx':
    'Berkas ini bukan dokumen Word (.docx). Pilih berkas yang dibuat atau disimpan dengan Word sebagai .docx.',
  'import.refused.damaged':
    'Berkas ini rusak atau tidak lengkap, jadi tidak dapat dibaca. Buka di Word lalu simpan ulang, atau unduh ulang berkasnya.',
  'import.refused.unreadable-file': 'Berkas tidak dapat dibuka dari perangkat ini. Coba pilih lagi.',
  'import.refused.reader-unavailable':
    'Pembaca berkas Word tidak dapat dimuat. Periksa koneksi, muat ulang halaman, lalu coba lagi.',
  'import.refused.nothing': 'Berkas ini tidak berisi teks, tabel, atau gambar yang dapat dijadikan draf.',
  'import.ready': 'Isi berkas “{name}” siap dijadikan draf.',
  'import.summary':
    'Ditemukan: {headings} judul bagian, {paragraphs} paragraf, {lists} daftar, {tables} tabel, {images} gambar, {links} tautan.',
  'import.titleLabel': 'Judul draf',
  'import.notKeptHeading': 'Yang tidak dapat disimpan',
  'import.notKeptLabel': 'Daftar yang tidak dapat disimpan',
  'import.allKept': 'Semua isi berkas dapat disimpan.',
  'import.details': 'Rincian: {details}',
  'import.detailsSummary': 'Rincian teknis',
  'import.needsAnalysisAdded':
    'Draf ini dimulai dengan bagian “Analisis kebutuhan” (untuk guru), seperti setiap draf baru; isi berkas menyusul di bawahnya.',
  'import.create': 'Buat draf dari berkas ini',
  'import.cancel': 'Batal',
  'import.creating': 'Membuat draf…',
  'import.saving': 'Menyimpan isi berkas ke draf…',
  'import.createFailed': 'Draf belum dibuat. {reason}',
  'import.fillFailed':
    'Draf “{title}” sudah dibuat tetapi isinya belum tersimpan. Bukalah dari daftar draf dan impor lagi bila kosong.',
  'import.placeholder.too-large': '[Gambar tidak disimpan: ukurannya lebih dari 2 MB{alt}]',
  'import.placeholder.unknown-type': '[Gambar tidak disimpan: jenis gambarnya tidak didukung{alt}]',
  'import.placeholder.over-total': '[Gambar tidak disimpan: total gambar dalam berkas lebih dari 8 MB{alt}]',
  'import.placeholder.alt': ' — “{alt}”',
  'import.notKept.text-dropped': 'Sebagian teks (sekitar {count} huruf) tidak dapat disimpan.',
  'import.notKept.embedded-objects':
    'Objek sematan ({count}), misalnya lembar Excel atau video di dalam dokumen, tidak dapat diimpor.',
  'import.notKept.equations': 'Rumus matematika ({count}) tidak dapat diimpor; ketik ulang di draf.',
  'import.notKept.charts': 'Grafik atau diagram SmartArt ({count}) tidak dapat diimpor.',
  'import.notKept.image-too-large':
    'Gambar lebih dari 2 MB ({count}) tidak disimpan; di tempatnya ada catatan di draf.',
  'import.notKept.image-unknown-type':
    'Gambar dengan jenis yang tidak didukung ({count}) tidak disimpan; di tempatnya ada catatan di draf.',
  'import.notKept.images-over-total':
    'Gambar ({count}) tidak disimpan karena total gambar lebih dari 8 MB; di tempatnya ada catatan di draf.',
  'import.notKept.text-boxes': 'Kotak teks ({count}): isinya disimpan sebagai paragraf biasa, tanpa kotaknya.',
  'import.notKept.footnotes':
    'Catatan kaki ({count}) dipindah ke akhir draf sebagai daftar bernomor; nomornya di dalam teks tetap ada.',
  'import.notKept.comments': 'Komentar Word ({count}) tidak diimpor.',
  'import.notKept.headers-footers': 'Kepala dan kaki halaman (header/footer) tidak diimpor.',
  'import.notKept.link-unsafe':
    'Tautan ke berkas di komputer atau ke alamat yang tidak aman ({count}) tidak disimpan; teksnya tetap ada.',
  'import.notKept.link-internal':
    'Tautan di dalam dokumen ({count}), misalnya dari daftar isi, tidak disimpan; teksnya tetap ada.',
  'import.notKept.removed-element': 'Bagian yang tidak aman ({count}) dibuang.',
  'import.notKept.text-colour': 'Warna huruf tidak disimpan; teksnya tetap ada.',
  'import.notKept.highlight': 'Stabilo (warna latar teks) tidak disimpan; teksnya tetap ada.',
  'import.notKept.fonts': 'Jenis dan ukuran huruf tidak disimpan; draf memakai huruf editor.',
  'import.notKept.alignment': 'Perataan paragraf (tengah, kanan, rata kiri-kanan) tidak disimpan.',
  'import.notKept.superscript':
    'Huruf naik atau turun ({count}), misalnya pada m² atau H₂O, ditulis sebagai huruf biasa.',
  'import.notKept.word-style':
    'Gaya paragraf atau huruf yang tidak dikenal ({count}); teksnya disimpan sebagai teks biasa.',
  'import.notKept.unknown-element': 'Bagian Word yang tidak dikenali ({count}) dilewati.',
  'import.notKept.word-message': 'Catatan lain dari pembaca berkas Word ({count}).',
} as const;

export const en: Record<keyof typeof id, string> = {
  'import.heading': 'Import from Word',
  'import.hint':
    'Have a lesson plan or worksheet in a Word file? Make it a new draft. Before the draft is created, you see what cannot be kept.',
  'import.choose': 'Choose a Word file (.docx)',
  'import.limit': 'At most 15 MB. Images are kept when each is at most 2 MB.',
  'import.reading': 'Reading the file…',
  'import.refused.too-large':
    'This file is larger than 15 MB, too large to import. Compress its pictures in Word (Compress Pictures) and try again.',
  'import.refused.empty': 'This file is empty. Choose a Word file with something in it.',
  'import.refused.old-word-format':
    'This is an old Word file (.doc). Open it in Word, choose Save As → Word Document (.docx), then import that .docx file.',
  'import.refused.not-docx':
    'This file is not a Word document (.docx). Choose a file made or saved with Word as .docx.',
  'import.refused.damaged':
    'This file is damaged or incomplete, so it cannot be read. Open it in Word and save it again, or download it again.',
  'import.refused.unreadable-file': 'The file could not be opened from this device. Try choosing it again.',
  'import.refused.reader-unavailable':
    'The Word file reader could not be loaded. Check the connection, reload the page and try again.',
  'import.refused.nothing': 'This file has no text, tables or images that could become a draft.',
  'import.ready': 'The content of “{name}” is ready to become a draft.',
  'import.summary':
    'Found: {headings} headings, {paragraphs} paragraphs, {lists} lists, {tables} tables, {images} images, {links} links.',
  'import.titleLabel': 'Draft title',
  'import.notKeptHeading': 'What cannot be kept',
  'import.notKeptLabel': 'List of what cannot be kept',
  'import.allKept': 'Everything in the file can be kept.',
  'import.details': 'Details: {details}',
  'import.detailsSummary': 'Technical details',
  'import.needsAnalysisAdded':
    'The draft starts with a “Needs analysis” section (for the teacher), like every new draft; the file’s content follows under it.',
  'import.create': 'Create a draft from this file',
  'import.cancel': 'Cancel',
  'import.creating': 'Creating the draft…',
  'import.saving': 'Saving the file’s content into the draft…',
  'import.createFailed': 'The draft was not created. {reason}',
  'import.fillFailed':
    'The draft “{title}” was created but its content was not saved. Open it from the list of drafts and import again if it is empty.',
  'import.placeholder.too-large': '[Image not kept: larger than 2 MB{alt}]',
  'import.placeholder.unknown-type': '[Image not kept: its kind of image is not supported{alt}]',
  'import.placeholder.over-total': '[Image not kept: the file’s images add up to more than 8 MB{alt}]',
  'import.placeholder.alt': ' — “{alt}”',
  'import.notKept.text-dropped': 'Some text (about {count} characters) could not be kept.',
  'import.notKept.embedded-objects':
    'Embedded objects ({count}), such as an Excel sheet or a video inside the document, cannot be imported.',
  'import.notKept.equations': 'Math equations ({count}) cannot be imported; type them again in the draft.',
  'import.notKept.charts': 'Charts or SmartArt diagrams ({count}) cannot be imported.',
  'import.notKept.image-too-large':
    'Images larger than 2 MB ({count}) are not kept; a note in the draft marks each place.',
  'import.notKept.image-unknown-type':
    'Images of an unsupported kind ({count}) are not kept; a note in the draft marks each place.',
  'import.notKept.images-over-total':
    'Images ({count}) are not kept because all images together exceed 8 MB; a note in the draft marks each place.',
  'import.notKept.text-boxes': 'Text boxes ({count}): their text is kept as ordinary paragraphs, without the box.',
  'import.notKept.footnotes':
    'Footnotes ({count}) are moved to the end of the draft as a numbered list; their numbers stay in the text.',
  'import.notKept.comments': 'Word comments ({count}) are not imported.',
  'import.notKept.headers-footers': 'Page headers and footers are not imported.',
  'import.notKept.link-unsafe':
    'Links to files on a computer or to unsafe addresses ({count}) are not kept; their text stays.',
  'import.notKept.link-internal':
    'Links within the document ({count}), such as from a table of contents, are not kept; their text stays.',
  'import.notKept.removed-element': 'Unsafe parts ({count}) were removed.',
  'import.notKept.text-colour': 'Text colours are not kept; the text stays.',
  'import.notKept.highlight': 'Highlighting (text background colour) is not kept; the text stays.',
  'import.notKept.fonts': 'Fonts and font sizes are not kept; the draft uses the editor’s font.',
  'import.notKept.alignment': 'Paragraph alignment (centred, right, justified) is not kept.',
  'import.notKept.superscript':
    'Raised or lowered characters ({count}), as in m² or H₂O, are written as ordinary characters.',
  'import.notKept.word-style': 'Unknown paragraph or character styles ({count}); their text is kept as plain text.',
  'import.notKept.unknown-element': 'Parts of the Word file that were not recognised ({count}) were skipped.',
  'import.notKept.word-message': 'Other notes from the Word file reader ({count}).',
};
