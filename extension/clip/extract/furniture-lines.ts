// Recognises short blocks that are page furniture by their words, in many languages: labels, stamps, notices.

/** "Advertisement" as sites label it, alone on its line. */
const AD_LABEL =
  /^[-–—\s]*(advertisement|advertisment|advertising|ad|ads|sponsored( content)?|anzeige|werbung|gesponsert|publicité|publicidad|pubblicità|reklama|advertentie|annonce|annonces|iklan|реклама|patrocinado|sponsorisé)[-–—:\s]*$/i;
/** Slideshow counters: "3 / 12", "1 of 3", "Bild 2 von 9". */
const COUNTER =
  /^((photo|image|picture|slide|bild|foto|gambar|imagen|immagine|zdjęcie)\s+)?\d{1,3}\s*(\/|of|von|de|dari|sur|di|z|van|из)\s*\d{1,3}$/i;
const SIGN_IN_WORDS =
  /(sign[ -]?in|sign[ -]?up|sign[ -]?out|log[ -]?in|log[ -]?out|register|my account|create (an )?account|masuk|daftar|keluar|anmelden|abmelden|einloggen|registrieren|mein konto|connexion|se connecter|s'inscrire|inscription|mon compte|iniciar sesión|regístrate|registrarse|mi cuenta|accedi|registrati|zaloguj( się)?|zarejestruj( się)?)/gi;
/** "Updated 3:45 PM", "Erstellt am 6. Mai 2014", "Diperbarui 12 Maret 2024": a stamp, when a digit follows. */
const STAMP =
  /^(updated|last updated|last modified|published|first published|posted|posted on|aktualisiert|zuletzt aktualisiert|veröffentlicht|erstellt|erschienen|stand:|diperbarui|dipublikasikan|diterbitkan|ditulis|mis à jour|publié|actualizado|publicado|aggiornato|pubblicato|opublikowano|zaktualizowano)\b[^.!?]{0,80}\d/i;
const BREAKING =
  /^(breaking( news)?|eilmeldung|live|terkini|berita terkini|dernière minute|última hora|ultim'ora|ultima ora|pilne)\b/i;
const BYLINE_WORDS = new Set([
  'by',
  'von',
  'par',
  'por',
  'door',
  'di',
  'oleh',
  'av',
  'przez',
  'autor:',
  'author:',
  'penulis:',
]);
/** "Photo: Reuters", "Foto: dpa", "(Photo by …)", "Image credit: …", "Crédits photos : …". */
const CREDIT =
  /^\(?(photo|photos|photograph|foto|fotos|image|images|picture|bild|bilder|illustration|credit|credits|crédit|crédito|crediti|quelle|sumber|source|beitragsbild|titelbild)s?(\s+(by|credit|von|oleh|de|di|photos?|fotos?|images?))?\s*[:©]/i;
/** "Photograph by EAG Antigua", "Foto von Anna Weber": a credit line without a colon, before a name. */
const PHOTO_BY =
  /^\(?(?:[Pp]hoto|[Pp]hotograph|[Ff]oto|[Pp]icture|[Bb]ild)s?\s+(?:by|von|de|oleh|par)\s+\p{Lu}[^.!?:]{0,60}\)?$/u;
const PHOTO_AGENCY =
  /(shutterstock|getty ?images|istock(photo)?|picture[- ]alliance|unsplash|pixabay|adobe ?stock|depositphotos|imago images|123rf|fotolia)/i;
/** A copyright line or credit: "© 2024 …", "(© FEI/Christophe Taniere)", "| © MDV Sports", "Copyright …". */
const COPYRIGHT_START = /^[|–—\s]*\(?\s*(©|\(c\)\s|copyright\b|hak cipta\b)/i;
/** A credit by its © sign alone, as an inline inside a caption or paragraph ("<small>© AFP</small>"). */
const COPYRIGHT_SIGN_START = /^\(?\s*©/;
/**
 * A news agency's sign-off ending a story: the writer's initials, then the agency ("aja/PAP", "rpu/ANTARA"). Initials
 * in lower case: pairs in capitals ("CDU/CSU", "KFT/FTO" in a table) are names and data.
 */
const AGENCY_SIGN_OFF = /^\p{Ll}{2,5}\s?\/\s?\p{Lu}{2,10}$/u;
const RIGHTS_RESERVED =
  /(copyrighted (property|material)|without (the )?(prior )?written permission|written permission (must|is required)|may not be (re)?(published|reproduced|broadcast|rewritten|redistributed)|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|hak cipta dilindungi|wszelkie prawa zastrzeżone|alle rechten voorbehouden)/i;
/** "Filed under", "Posted in", "Tags:", "Kategori:": the post's place on the site, not its text. */
const FILED_UNDER =
  /^((filed under|posted in|posted under|tagged (with|as)|this entry was posted|diposting (di|dalam)|ditulis dalam)\b|(tags?|categories|category|kategori|kategorie|kategorien|schlagwörter|schlagworte|stichwörter|themen|étiquettes|catégories?|etiquetas|categorías?|categorie|argomenti|label|topics?)\s*:)/i;
const AFFILIATE =
  /(affiliate[- ]?links?|partner[- ]?links?|earn (a )?(small )?commission|as an amazon associate|provisionslink|werbelinks?|lien affilié|liens affiliés|liens sponsorisés|enlaces? de afiliados?|link di affiliazione|tautan afiliasi)/i;
/**
 * Teasers for other pages: "Read also", "Lesen Sie auch", "Baca juga", "À lire aussi", "Lea también", "Veja também";
 * a word that is also a name or a verb ("Mira", "Lea") only as a label, with its colon.
 */
const READ_ALSO =
  /^(read also|also read|see also|read more|read next|more on this|related:|you may also like|most read|auch interessant|auch lesen|lesen sie auch|lesen sie hier|lies auch|schon gelesen|siehe auch|mehr zum thema|mehr themen|mehr dazu|weiterlesen|weiterführende? links?|das (könnte|thema könnte) (sie|dich) auch interessieren|empfohlene (artikel|beiträge)|meistgelesene? (artikel|beiträge|nachrichten)|meistdiskutierte? (artikel|beiträge)|neueste (artikel|beiträge|nachrichten)|à lire aussi|lire aussi|à lire également|voir aussi|lee también|lea también|lea más|vea también|ver también|puedes ver|leer más|(también )?(te|le) (puede|pueden) interesar|artículos relacionados|noticias relacionadas|veja também|leia também|leia mais|zum weiterlesen|weitere (artikel|beiträge|nachrichten|meldungen)|ähnliche (artikel|beiträge)|articles (similaires|liés)|sur le même sujet|leggi anche|potrebbe interessarti|baca juga|simak juga|lihat juga|artikel terkait|czytaj także|czytaj też|czytaj również|zobacz też|zobacz także|lees ook)(\s*:|(?=[\s.!?…»"“-]|$))|^(lea|mira|mire|vea|véase|learn more|mehr erfahren|en savoir plus|dowiedz się więcej|pelajari (lebih lanjut|selengkapnya))\s*:/i;
/** A link back to a list: "Back to overview", "Zurück zur Listenansicht", "Kembali ke daftar", or "Back" alone. */
const BACK_LINK =
  /^[←<«‹\s]*((back to|go back|zurück zu(r|m)?|retour (à|aux?)|volver a|torna a|powrót do|terug naar|kembali ke)\b|(back|zurück|retour|volver|indietro|wstecz|terug|kembali)\s*$)/i;
/**
 * Reader account state and promotions for the site's own products and channels: apps, subscriptions, newsletters,
 * memberships, "follow us on …".
 */
const SITE_PROMOTION =
  /(^(you are (not |currently )*(logged|signed) in|sie sind (aktuell |derzeit |nicht )*(eingeloggt|angemeldet)|subscribe (now|today)|jetzt abonnieren|abonnieren sie|abonnez-vous|suscríbete|berlangganan sekarang|never miss\b|verpasse? (keine|nichts)|(mit )?(unserem?|our|notre|nuestro) newsletter(\s*[:!.…]?$|\s+(verpass|erhalt|bleib|stay|never|get|receive|recevez|recibe)\p{L}*)|hazte (miembro|socio)|become a (member|subscriber|patron)|werde (mitglied|abonnent)|follow (us|[\p{L}.' ]{1,40}) on (twitter|facebook|instagram|linkedin|youtube|tiktok|telegram))\b|\bdownload (the|our) .{0,60}\bapps?\b|\bnichts (mehr )?(verpassen|versäumen)\b|\bcanal de (telegram|whatsapp|youtube)\b|\b(telegram|whatsapp)-kanal\b|\balready a subscriber\b|\bplease subscribe\b)/iu;
/** A table of contents' label: the list under it only repeats the article's headings. */
const CONTENTS_LABEL =
  /^(table of contents|contents|inhaltsverzeichnis|inhalt|sommaire|table des matières|índice|indice|spis treści|daftar isi|inhoudsopgave)\s*:?$/i;

/** A notice about cookies and consent, in the languages it is most often met in. */
const COOKIE_NOTICE =
  /(cookies?\b.{0,80}\b(use|uses|using|accept|consent|agree|verwendet|nutzt|einverstanden|akzeptier|zustimm|utilise|accepte|utiliza|acept|usa|accett|menggunakan|setuju|używa|akceptuj)|(use|uses|using|verwendet|nutzt|utilise|utiliza|usa|menggunakan|używa)\b.{0,40}\bcookies?\b)/i;
/** Prompts and counters around an article: "Was this helpful?", "Views:", "Comments are closed". */
const PROMPT =
  /^(was this (article|page|post) (helpful|useful)|war (der|dieser) (artikel|beitrag) (nützlich|hilfreich)|apakah artikel ini (bermanfaat|membantu)|cet article vous a-t-il été utile|rate this( article| post)?|bewerten|bewertung|aufrufe|views|hits|kommentare( schreiben| geschlossen)?|comments are closed|comments closed|kommentare sind geschlossen|load more|mehr laden|lade weitere inhalte|weitere laden|muat lebih banyak|charger plus|cargar más|möchten sie (den|diesen) (artikel|beitrag) teilen|share this( article| story| post| page)?( on [\w ]+)?|share|tweet|email|print|teilen|bagikan|partager|compartir|condividi|udostępnij|comments?|\d+ comments?|leave a (comment|reply)|follow us( on [\w ]+)?|skip to( main)? content|click to (share|email|print)[^.]*|(sign up|subscribe)( (to|for) [^.]{0,40})?|related( articles| stories| posts| content| reading)?|recommended( for you)?|you (may|might) also like|more (stories|from [^.]{1,30})|image|photo|video)\s*[:?!.…]{0,3}(\s*\d+)?$/i;

/** "No comments yet", "Keine Kommentare (…)": the comment section's state, not the article. */
const NO_COMMENTS =
  /^(no comments( yet)?|(noch )?keine kommentare|belum ada komentar|aucun commentaire|sin comentarios|nessun commento|brak komentarzy|geen reacties)\b/i;
/** "0 Comments", "12 Kommentare": a comment counter inside a post's meta line. */
const COMMENT_COUNT =
  /\b\d+\s+(comments?|kommentare?|komentar|commentaires?|comentarios?|commenti|komentarz[ey]?|reacties|reactions?|responses?|replies)\b/i;
/** A date in a meta line: "14. Juni 2019", "June 14, 2019", "2019-06-14", "14.06.2019". */
const DATE_IN_LINE =
  /(\d{1,2}\.?\s+\p{L}{3,}\.?\s+\d{4}|\p{L}{3,}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})/u;
const BYLINE_IN_LINE = /(^|[\s|•·,])(by|von|par|por|door|oleh|av|przez)\s+(\S)/iu;

/** "by Jane", "VON Sina": a byline word before a capitalised name (the name's case is what tells it from prose). */
function hasBylineInLine(text: string): boolean {
  const initial = BYLINE_IN_LINE.exec(text)?.[3];
  return initial !== undefined && /\p{Lu}/u.test(initial);
}

/** A post's meta line: two of its date, author and comment count, apart ("14. Juni 2019 | VON Sina Giebel | 0 COMMENTS"). */
export function isMetaLine(text: string): boolean {
  // A sentence that names a date and a person ("signed on 14 June 2019 by President …") ends like one.
  if (text.length > 160 || /\p{L}{2,}[.!?]$/u.test(text)) return false;
  // Its fields stand apart ("date | author | comments"); a dateline with a speaker ("Bern, 17.08.2007 - Rede von …") does not.
  if ((text.match(/\s[|•·]\s/g) ?? []).length < 2) return false;
  const signs = [DATE_IN_LINE.test(text), hasBylineInLine(text), COMMENT_COUNT.test(text)];
  return signs.filter(Boolean).length >= 2;
}

/** The link that ends a teaser for another page: "Read more", "Weiterlesen", "Baca selengkapnya". */
const READ_MORE_LINK =
  /^(read more|more|continue reading|keep reading|read the (full|whole|rest of the) (story|article|post)|weiterlesen|mehr lesen|mehr|lire la suite|en savoir plus|la suite|leer más|seguir leyendo|leggi (tutto|di più|anche)|continua a leggere|czytaj (dalej|więcej)|lees (meer|verder)|selengkapnya|baca selengkapnya|baca lebih lanjut)\s*[.…»›>→]*$/i;

export function isReadMoreLink(text: string): boolean {
  return text.length < 40 && READ_MORE_LINK.test(text);
}

export function collapse(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** A block that is only sign-in and account links ("Sign in | Register"). */
function isSignInLine(text: string): boolean {
  return text.length < 80 && text.replace(SIGN_IN_WORDS, '').replace(/[\s|/·•,–—-]+/g, '').length === 0;
}

/** "By Jane Doe", "VON Sina Giebel", "Oleh Budi": a byline on its own line. */
export function isBylineLine(text: string): boolean {
  if (text.length > 80) return false;
  const [first, second] = text.split(' ');
  return (
    first !== undefined && second !== undefined && BYLINE_WORDS.has(first.toLowerCase()) && /^\p{Lu}/u.test(second)
  );
}

export function isStampLine(text: string): boolean {
  // A short sentence that happens to start with "Published" ends like one.
  return text.length < 100 && STAMP.test(text) && !/\p{L}{3,}\.$/u.test(text);
}

/** Inline furniture: a label or credit inside a caption or paragraph ("Photo: Reuters", "Iklan", "2 / 9"). */
export function isFurnitureInline(text: string): boolean {
  if (text.length === 0 || text.length > 120) return false;
  return (
    CREDIT.test(text) ||
    COPYRIGHT_SIGN_START.test(text) ||
    (PHOTO_AGENCY.test(text) && text.split(' ').length <= 6) ||
    AD_LABEL.test(text) ||
    COUNTER.test(text)
  );
}

/** Furniture wherever it stands in the article: true when the whole block is one of the patterns above. */
export function isFurnitureLine(text: string): boolean {
  if (text.length === 0 || text.length > 400) return false;
  if (AFFILIATE.test(text) || COOKIE_NOTICE.test(text)) return true;
  // A copyright notice can run on for a few sentences; "©" at the start of the block says what it is.
  if (COPYRIGHT_START.test(text)) return true;
  if (text.length > 200) return false;
  if (RIGHTS_RESERVED.test(text)) return true;
  if (FILED_UNDER.test(text) && !/[.!?]\s+\p{Lu}/u.test(text)) return true;
  if (text.length > 160) return false;
  if (READ_ALSO.test(text) || SITE_PROMOTION.test(text)) return true;
  if (text.length > 120) return false;
  if (NO_COMMENTS.test(text)) return true;
  if (CREDIT.test(text) || (PHOTO_AGENCY.test(text) && text.split(' ').length <= 6)) return true;
  if (PHOTO_BY.test(text) && text.split(' ').length <= 8) return true;
  if (isStampLine(text) || isMetaLine(text)) return true;
  if (text.length > 60) return false;
  return (
    AD_LABEL.test(text) ||
    COUNTER.test(text) ||
    AGENCY_SIGN_OFF.test(text) ||
    PROMPT.test(text) ||
    BACK_LINK.test(text) ||
    CONTENTS_LABEL.test(text) ||
    isSignInLine(text)
  );
}

/** Furniture at the top of an article: a "breaking news" bar, a byline, a date. */
export function isLeadingFurnitureLine(text: string): boolean {
  return isBylineLine(text) || (text.length < 160 && BREAKING.test(text));
}

/** "By Jane Doe - ", "OLEH BUDI — " at the start of the first paragraph. */
export const BYLINE_PREFIX = /^\s*(by|oleh|von|par|por)\s+[\p{L}.' ]{2,60}?\s+[-–—|]\s+/iu;
