/**
 * Chrome of Western site templates (blogs, news sites, WordPress themes), which Chinese institutions' English and
 * foreign-language pages share: share bars, consent placeholders, cookie notices, newsletter boxes, rating widgets,
 * paywall notices, advertising disclosures, source and rights lines, post meta lines, comment notices, appeals.
 * Each rule's phrases are listed by language; a rule joins its languages' phrases.
 */
import { anyOf, type ChromeRule, type Language, type RulePack } from './rule';

type Phrases = Partial<Record<Exclude<Language, 'zh'>, string[]>>;

const all = (phrases: Phrases): string[] => Object.values(phrases).flat();

/** Share and tool links: a block of nothing else is a share bar. */
const TOOL_WORDS: Phrases = {
  en: [
    'share(?: (?:this|on|via))?', 'tweet', 'facebook', 'x\\.com', 'linkedin', 'whatsapp', 'telegram', 'pinterest', 'reddit', 'flipboard', 'pocket',
    'threads', 'bluesky', 'mastodon', 'messenger', 'e-?mail', 'mail', 'print', 'pdf', 'copy link', 'bookmark', 'save', 'feedback', 'comments?',
  ],
  de: ['teilen', 'twittern?', 'xing', 'drucken', 'link kopieren', 'merken', 'speichern', 'kommentare?'],
  fr: ['partager', 'imprimer'],
  es: ['compartir', 'imprimir'],
  it: ['condividi', 'stampa'],
  pl: ['udostępnij', 'drukuj', 'kopiuj link', 'zapisz', 'komentarze?'],
};
const WESTERN_TOOL = new RegExp(`\\b(?:${all(TOOL_WORDS).join('|')})\\b\\s*[:|/·•]?`, 'gi');

/** Consent placeholders for embedded content (videos, posts, maps) that did not load. */
const CONSENT: Phrases = {
  de: [
    '^(?:empfohlener )?externer inhalt\\b',
    'externe (?:inhalte|dienste) (?:laden|anzeigen|aktivieren|zulassen)',
    'ich bin (?:damit )?einverstanden, dass (?:mir )?externe',
    '(?:inhalt|video|beitrag) (?:laden|anzeigen)\\s*$',
    'zum anzeigen (?:des|der) (?:inhalts|videos|beitrags).{0,80}(?:zustimm|einwillig|aktivier)',
  ],
  en: ['^external content\\b', '(?:accept|allow) (?:cookies|consent) to (?:view|load|see|display)', '(?:enable|accept) (?:cookies|javascript) to (?:view|see|watch|load)'],
};
/** Cookie banners: the page's consent notice, which a static copy still shows. */
const COOKIE_NOTICE: Phrases = {
  en: ['privacy (?:&|and) cookies\\b', 'this (?:web)?site uses cookies', 'we use cookies'],
  de: ['datenschutz (?:&|und) cookies\\b', '(?:diese|unsere) (?:web)?(?:site|seite) (?:verwendet|nutzt|benutzt) cookies', 'wir (?:verwenden|nutzen) cookies'],
  pl: ['ta strona (?:używa|wykorzystuje) (?:plików )?cookies?'],
  fr: ['ce site utilise des cookies'],
  es: ['este sitio (?:web )?utiliza cookies'],
};
/** Rating widgets under a post. */
const RATING: Phrases = {
  de: [
    'war (?:der|dieser) (?:artikel|beitrag|text) (?:hilfreich|nützlich|interessant)',
    'hier können sie (?:den|diesen) (?:artikel|beitrag) bewerten',
    'wie (?:hat|gefällt) (?:ihnen|dir) (?:der|dieser) (?:artikel|beitrag)',
    'bewerte(?:n sie)? (?:diesen|den) (?:artikel|beitrag)',
    '\\(?noch keine bewertungen\\)?',
  ],
  en: ['(?:was|is) this (?:article|post|page) (?:helpful|useful)', 'how useful was this (?:post|article)', 'rate this (?:article|post)'],
  pl: ['czy (?:ten )?artykuł był pomocny', 'oceń (?:ten )?artykuł'],
  es: ['valora (?:esta|la) (?:noticia|nota)', 'califica (?:esta|la) (?:noticia|nota)'],
};
/** The "posted on … in … bookmark the permalink" line WordPress themes print under a post. */
const POST_META: Phrases = {
  en: ['this (?:entry|post) was posted'],
  de: ['der beitrag wurde am', 'erstellt am .{6,60} (?:und )?abgelegt unter', 'dieser (?:beitrag|eintrag) wurde (?:am|in|unter)'],
  pl: ['ten wpis (?:został|opublikowano)'],
  fr: ['cette entrée a été publiée'],
  es: ['esta entrada fue publicada'],
};
/** Newsletter sign-up boxes. */
const NEWSLETTER: Phrases = {
  en: [
    '^newsletter\\b',
    '^enter your e-?mail address to (?:follow|subscribe)',
    '^join [\\d,]+ other (?:followers|subscribers)',
    '(?:want|like) to (?:be informed|stay (?:informed|updated)|receive)\\b.{0,60}\\bsign up',
    'by e-?mail and never miss',
    '(?:subscribe|sign up|signup|register) (?:to|for) (?:our|the) (?:free )?(?:\\w+ )?newsletter',
    '^join our (?:free )?newsletter',
    '^sign up to (?:get|receive) (?:the|our)\\b',
    '(?:delivered|sent) (?:straight )?(?:to|into) your inbox',
  ],
  de: [
    '^(?:gib|geben sie) (?:deine|ihre) e-?mail-adresse ein\\b.{0,80}\\b(?:folgen|abonnieren)',
    '^(?:schließe dich|schließen sie sich) [\\d.]+ (?:anderen )?(?:followern|abonnenten) an',
    'abonnieren sie (?:jetzt )?(?:kostenlos )?(?:den|die|unseren?) [\\w-]*newsletter',
    '(?:newsletter|updates) (?:abonnieren|bestellen|anmelden)',
    '(?:zum|für den|unseren) newsletter an(?:melden)?',
    '^verpasse (?:keine|nie wieder) (?:news|artikel|beiträge|neuigkeiten)\\b',
    '(?:posteingang|postfach) liefern',
  ],
  pl: ['zapraszamy (?:też )?do subskrypcji', 'zapisz się (?:do|na) newslett?er'],
  fr: ['inscrivez-vous à (?:notre|la) newsletter'],
  es: ['suscríbete a (?:nuestro|la) (?:newsletter|boletín)'],
};
/** Notices of a comment form or thread: the spam-filter line, "log in to comment", "comments are closed", a bare count. */
const COMMENT_NOTICE: Phrases = {
  en: ['this site uses akismet', 'you must be (?:logged|signed) in', 'you are not logged in', 'comments are closed', 'comments\\s*:?\\s*\\d+$', '\\d+ comments?$', 'no comments(?: yet)?$'],
  de: [
    'diese website verwendet akismet',
    '(?:du musst|sie müssen) (?:eingeloggt|angemeldet)',
    'um .{1,80} kommentieren zu können, (?:müssen sie|musst du) (?:eingeloggt|angemeldet)',
    '(?:sie sind|du bist) (?:aktuell |derzeit |momentan )?nicht (?:eingeloggt|angemeldet)',
    '(?:die )?kommentare (?:sind )?(?:derzeit )?geschlossen',
    'die kommentarfunktion ist (?:geschlossen|deaktiviert)',
    'kommentare(?: insgesamt)?\\s*:?\\s*\\d+$',
    '\\d+ kommentare?$',
    '(?:noch )?keine kommentare',
  ],
  pl: ['komentarze\\s*:?\\s*\\d+$', '\\d+ (?:komentarzy?|komentarze)$', 'brak komentarzy'],
};
/** "Kommentarfeed | Kommentare geschlossen | Trackback-URL": the notice inside a short tools line. */
const COMMENTS_CLOSED = /\b(?:kommentare (?:sind )?(?:derzeit )?geschlossen|comments are closed)\b/i;
/** A question that invites the reader to share the post. */
const SHARE_PROMPT: Phrases = {
  de: ['(?:möchten sie|möchtest du|willst du) (?:den|diesen) (?:artikel|beitrag) teilen', '(?:den |diesen )?(?:artikel|beitrag) (?:mit anderen )?teilen\\b', '(?:artikel|beitrag) gefallen\\?.{0,40}\\bteilen\\b'],
  en: ['share this (?:article|post|story)\\b'],
  pl: ['udostępnij (?:ten )?(?:artykuł|wpis)\\b'],
};
/** An appeal for support under a post ("If you enjoyed reading this post – would you consider supporting our work?"). */
const APPEAL: Phrases = {
  en: ['if you (?:enjoyed|liked|like|enjoy|value) (?:reading )?(?:this|our) (?:post|article|story|work|journalism)\\b.{0,80}\\b(?:support|donat|subscri)'],
  de: ['gefällt (?:dir|ihnen) (?:unser|unsere|dieser|der|die)\\b.{0,60}\\?.{0,400}\\b(?:unterstütz|spende|paywall|bezahlschranke)'],
};
/** Paywall notices in place of the rest of the story. */
const PAYWALL: Phrases = {
  en: [
    'to (?:view|read|continue reading|access) (?:the|this) (?:full|entire|whole|rest of the) (?:story|article)\\b.{0,60}\\bsubscri',
    'subscribe (?:now )?(?:to|for) .{1,60}\\b(?:for|to read) the (?:full|whole|entire|rest of the) (?:story|article)',
    "if you(?:'|’)re seeing this message but you(?:'|’)re already a subscriber",
  ],
  fr: ['pour lire la suite\\b'],
  es: ['(?:hazte|hágase|hazme) miembro\\b'],
  de: ['um (?:den|diesen) (?:ganzen |vollständigen )?(?:artikel|beitrag) (?:zu lesen|weiterzulesen)'],
  pl: ['aby (?:przeczytać|czytać) (?:cały |całość |dalszą część )?(?:artykuł|tekst|artykułu|tekstu)'],
};
/** Advertising and affiliate-link disclosures. */
const AD_DISCLOSURE: Phrases = {
  en: ['advertising disclosure\\s*:', 'affiliate[- ]links?\\b', '(?:receive|earn)\\b.{0,20}\\b(?:compensation|commission)\\b.{0,40}\\blinks?\\b'],
  de: ['(?:dieser|der) (?:beitrag|artikel|post) enthält (?:unbezahlte |bezahlte )?werbung', 'links?\\b.{0,80}\\b(?:erhält|erhalten|bekommt|bekommen|verdienen)\\b.{0,60}\\bprovision', '\\bprovision erh(?:ält|alten)\\b'],
};
/** A source line under a story or a section of it. */
const SOURCE_LINE: Phrases = { de: ['quellen?'], pl: ['źródło', 'źródła'], es: ['fuente'], it: ['fonte'] };
/** Copyright notices in words other than English (the English ones are footers of the zh pack). */
const RIGHTS: Phrases = {
  pl: ['^materiał chroniony prawem autorskim', 'wszelkie prawa zastrzeżone'],
  de: ['alle rechte vorbehalten'],
  es: ['todos los derechos reservados'],
  fr: ['tous droits réservés'],
};

/** Trigger words of a rule: a short word of each phrase that any text of the kind holds. */
function rule(r: Omit<ChromeRule, 'trigger'> & { trigger: string[] }): ChromeRule {
  return { ...r, trigger: anyOf(r.trigger) };
}

const consent = anyOf(all(CONSENT));
const cookie = anyOf(all(COOKIE_NOTICE), { start: true });
const newsletter = anyOf(all(NEWSLETTER));
const rating = anyOf(all(RATING), { start: true });
const paywall = anyOf(all(PAYWALL), { start: true });
const adDisclosure = anyOf(all(AD_DISCLOSURE));
const sourceLine = new RegExp(`^(?:${all(SOURCE_LINE).join('|')})\\s*:\\s*\\S`, 'i');
const rights = anyOf(all(RIGHTS));
const postMeta = anyOf(all(POST_META), { start: true });
const commentNotice = anyOf(all(COMMENT_NOTICE), { start: true });
const sharePrompt = anyOf(all(SHARE_PROMPT), { start: true });
const appeal = anyOf(all(APPEAL), { start: true });

export const WESTERN: RulePack = {
  language: 'en',
  rules: [
    // Counts ("12 Kommentare", "Teilen 34") may sit between the tool words. Two tool words, or one as a link or
    // button: a lone "Facebook" list item in an article is a word, not a bar.
    {
      name: 'tools',
      inBody: true,
      maxLength: 120,
      trigger: new RegExp(`\\b(?:${all(TOOL_WORDS).join('|')})\\b`, 'i'),
      test: (t, el) =>
        /[a-z]/i.test(t) && t.replace(WESTERN_TOOL, '').replace(/[\s|/·•,\d()]+/g, '').length === 0 && ((t.match(WESTERN_TOOL)?.length ?? 0) >= 2 || el.matches('a, button') || el.querySelector('a, button') !== null),
      examples: { remove: ['Teilen: Facebook Twitter E-Mail', 'Share on Facebook | Tweet | Print'], keep: ['Facebook announced new rules.', '<ul><li>Facebook</li></ul>'] },
    },
    rule({
      name: 'consent',
      inBody: true,
      maxLength: 600,
      trigger: ['extern', 'einverstanden', 'laden', 'anzeigen', 'cookie', 'consent', 'javascript'],
      test: (t) => consent.test(t),
      examples: { remove: ['Externer Inhalt', 'Video laden', 'Beitrag anzeigen', 'Enable JavaScript to view the content.'], keep: ['Die Stadt will externe Berater laden, um das Projekt zu prüfen und den Bürgern die Ergebnisse noch im Herbst vorzustellen.'] },
    }),
    rule({
      name: 'cookie-notice',
      inBody: true,
      maxLength: 600,
      trigger: ['cookie'],
      test: (t) => cookie.test(t),
      prose: true,
      examples: { remove: ['This website uses cookies. By continuing to use it you agree to their use. More information in our policy.'], keep: ['The bakery sells cookies and cakes every morning.'] },
    }),
    rule({
      name: 'newsletter',
      inBody: true,
      maxLength: 400,
      trigger: ['newsletter', 'e-?mail', 'followers', 'subscribers', 'abonnenten', 'followern', 'sign up', 'inbox', 'verpasse', 'posteingang', 'postfach', 'subskrypcji', 'newsleter'],
      test: (t) => newsletter.test(t),
      examples: { remove: ['Newsletter', 'Join 1,234 other subscribers', 'Gib deine E-Mail-Adresse ein, um diesem Blog zu folgen und per E-Mail Benachrichtigungen über neue Beiträge zu erhalten.'], keep: ['The company sent its first newsletter to customers in 1998, its founder recalls.'] },
    }),
    rule({
      name: 'rating',
      inBody: true,
      maxLength: 200,
      trigger: ['hilfreich', 'nützlich', 'interessant', 'bewert', 'helpful', 'useful', 'rate this', 'pomocny', 'oceń', 'valora', 'califica', 'gefällt'],
      test: (t) => rating.test(t),
      examples: { remove: ['Was this article helpful?', 'War dieser Artikel hilfreich?'], keep: ['The guide was helpful to many readers.'] },
    }),
    rule({
      name: 'paywall',
      inBody: true,
      maxLength: 300,
      trigger: ['subscri', 'lire la suite', 'miembro', 'zu lesen', 'weiterzulesen', 'przeczytać', 'czytać'],
      test: (t) => paywall.test(t),
      prose: true,
      examples: { remove: ['To read the full story, please subscribe to our newspaper.', 'Pour lire la suite, abonnez-vous.'], keep: ['Readers who subscribe get the paper at home.'] },
    }),
    rule({
      name: 'ad-disclosure',
      inBody: true,
      maxLength: 300,
      trigger: ['disclosure', 'affiliate', 'werbung', 'provision', 'compensation', 'commission'],
      test: (t) => adDisclosure.test(t),
      prose: true,
      examples: { remove: ['Dieser Beitrag enthält Werbung.', 'Advertising disclosure: we may earn a commission.'], keep: ['The commission met on Tuesday to discuss the budget.'] },
    }),
    rule({
      name: 'source-line',
      inBody: true,
      maxLength: 100,
      trigger: ['quelle', 'źródł', 'fuente', 'fonte'],
      test: (t) => sourceLine.test(t),
      examples: { remove: ['Quelle: Stadtverwaltung', 'Źródło: PAP'], keep: ['Quellen der Donau liegen im Schwarzwald.'] },
    }),
    rule({
      name: 'footer',
      inBody: true,
      maxLength: 300,
      trigger: ['chroniony', 'zastrzeżone', 'vorbehalten', 'reservados', 'réservés'],
      test: (t) => rights.test(t),
      prose: true,
      examples: { remove: ['Alle Rechte vorbehalten.', 'Tous droits réservés.'], keep: ['Der Verlag hat sich die Rechte an dem Buch gesichert.'] },
    }),
    rule({
      name: 'post-meta',
      inBody: true,
      maxLength: 400,
      trigger: ['posted', 'wurde am', 'wurde in', 'wurde unter', 'abgelegt', 'wpis', 'publiée', 'publicada'],
      test: (t) => postMeta.test(t),
      prose: true,
      examples: { remove: ['This entry was posted in News and tagged city. Bookmark the permalink.'], keep: ['The notice was posted on the town hall door.'] },
    }),
    rule({
      name: 'comment-notice',
      inBody: true,
      maxLength: 300,
      trigger: ['akismet', 'eingeloggt', 'angemeldet', 'logged in', 'signed in', 'comment', 'kommentar', 'komentarz'],
      test: (t) => commentNotice.test(t) || (t.length <= 80 && COMMENTS_CLOSED.test(t)),
      prose: true,
      examples: { remove: ['Comments are closed.', '3 Kommentare', 'Kommentarfeed | Kommentare geschlossen | Trackback-URL'], keep: ['Comments from residents are welcome until Friday, the council said.'] },
    }),
    rule({
      name: 'share',
      inBody: true,
      maxLength: 80,
      trigger: ['teilen', 'share', 'udostępnij'],
      test: (t) => sharePrompt.test(t),
      examples: { remove: ['Möchten Sie den Artikel teilen?', 'Share this article'], keep: ['Share prices fell on Monday.'] },
    }),
    rule({
      name: 'appeal',
      inBody: true,
      maxLength: 600,
      trigger: ['enjoyed', 'liked', 'enjoy', 'value', 'like', 'gefällt'],
      test: (t) => appeal.test(t),
      prose: true,
      examples: { remove: ['If you enjoyed reading this post, would you consider supporting our work with a donation?'], keep: ['If you like hiking, the trail is open all year.'] },
    }),
  ],
};
