// What is not the article, as data: phrase patterns and the reason recorded when a line matches.
// Add a phrase here, not a branch in the code. Whole-line rules are anchored (^…$) so they only ever
// match lines that consist of the boilerplate and nothing else.

export interface BoilerplateRule {
  pattern: RegExp;
  reason: string;
  /** The line starts a list of links (Related, Read more…): the headline-like lines after it go too. */
  startsLinkList?: boolean;
  /** Keep the line anyway when it states a launch fact (captions can describe the launch itself). */
  keepIfLaunchFact?: boolean;
}

const SOCIAL = '(?:print|e-?mail|facebook|twitter|x|linkedin|copy link|whatsapp|reddit|pinterest|telegram|instagram|youtube|flipboard|share|tweet|messenger|line|kakao(?:talk)?)';

export const LINE_RULES: BoilerplateRule[] = [
  // navigation
  { pattern: /^(?:(?:skip|go) to (?:the )?(?:main )?(?:content|contents|navigation|top|menu)\s*)+$/i, reason: 'navigation' },
  { pattern: /^(?:scroll|back) to top$/i, reason: 'navigation' },
  { pattern: /^(?:home|menu|main menu|left menu|menu content|close|search|sections|navigation|toggle navigation|open menu|close menu|next|previous|more|show more|load more|article search)$/i, reason: 'navigation' },
  // share / social
  { pattern: new RegExp(`^(?:share(?: this)?(?: article| story)?|tweet|share on ${SOCIAL}|copy link|copy article link)\\s*:?$`, 'i'), reason: 'share' },
  { pattern: new RegExp(`^(?:${SOCIAL}[\\s|,·•]*){2,}$`, 'i'), reason: 'share' },
  // comment forms
  { pattern: /^(?:leave a (?:comment|reply)|post (?:a )?comment|add a comment|cancel reply|join the (?:conversation|discussion)|\d* ?comments?|comment policy|show comments|view comments)\s*:?$/i, reason: 'comment-form' },
  { pattern: /^your email address will not be published\.?.*$/i, reason: 'comment-form' },
  { pattern: /^required fields are marked\s*\*?\.?$/i, reason: 'comment-form' },
  { pattern: /^(?:name|email|website|comment)\s*\*?$/i, reason: 'comment-form' },
  { pattern: /^[-+]?\d+ \( ?\+\d+ ?\/ ?-\d+ ?\)$/, reason: 'comment-form' }, // comment vote counters
  { pattern: /^save my name, email,? and website in this browser.*$/i, reason: 'comment-form' },
  // newsletters
  { pattern: /^sign up (?:for|now|to|here)\b.{0,160}$/i, reason: 'newsletter' },
  { pattern: /^stay (?:updated|informed|up to date) (?:on|with|about) .{0,120}\bby (?:following|signing up|subscribing).*$/i, reason: 'newsletter' },
  { pattern: /^(?:subscribe(?: now| today| here)?|newsletters?(?: newsletters?)?|get (?:our|the) .{0,40}newsletter.*|subscribe to (?:our|the) .{0,60})$/i, reason: 'newsletter' },
  // cookies, privacy, captcha
  { pattern: /^(?:privacy policy|cookie policy|cookies? settings|manage cookies|accept(?: all)? cookies|terms of (?:service|use)|terms (?:and|&) conditions|do not sell my personal information|recaptcha)$/i, reason: 'privacy' },
  { pattern: /^(?:this site is protected by recaptcha|we use cookies)\b.*$/i, reason: 'privacy' },
  // photo credits (the whole line is a credit)
  { pattern: /^(?:photo|image|picture|photograph|credit|graphic)s?\s*(?::|by|\.\.\.|…)\s*.{0,80}$/i, reason: 'photo-credit' },
  { pattern: /^image source,.{0,80}$/i, reason: 'photo-credit' },
  // A caption ending in its credit ("Missiles over the sea photo by Some Agency"): short, no final period.
  { pattern: /^[^.]{0,160}\bphoto(?:graph)? by [\p{L} .'&-]{1,40}$/iu, reason: 'photo-credit' },
  { pattern: /^\(?[\p{L} .'/-]{0,60}(?:getty images|shutterstock|\bap photo\b|\/ap\b|\/reuters\b|\/afp\b)[^.]{0,40}\)?$/iu, reason: 'photo-credit' },
  { pattern: /^(?:[\p{L}.'-]+ ){0,4}(?:file )?(?:photo|image)$/iu, reason: 'photo-credit' },
  { pattern: /^(?:[\p{L}.'-]+ ){0,4}via (?:ap|reuters|afp|yonhap|getty images|epa)$/iu, reason: 'photo-credit' },
  { pattern: /^\(?(?:ap|afp|reuters|yonhap|kcna|epa|xinhua|kyodo)(?: photo)?\)?$/i, reason: 'photo-credit' },
  { pattern: /^image caption,.*$/i, reason: 'photo-caption', keepIfLaunchFact: true },
  // Captions: lines that carry an explicit photo marker. Kept when they describe a launch (conservative).
  {
    pattern: /(?:\((?:ap|afp|epa|reuters|yonhap|xinhua|kcna|getty images)? ?photo\/[^)]*\)|\((?:reuters|afp|ap|epa)\/[^)]+\)|\bREUTERS\/\p{Lu}\p{L}+|\bin this (?:undated )?(?:file )?(?:photo|picture|image)\b|\bthis (?:undated )?(?:file )?(?:photo|picture|image)\b|\bphoto (?:released|distributed|provided|taken) by\b|\bno redistribution\b|\/getty images\))/iu,
    reason: 'photo-caption',
    keepIfLaunchFact: true,
  },
  // Breadcrumbs: "Home > National > North Korea", "Topic | South China Sea" (short parts, no sentence).
  { pattern: /^[\p{L}&' -]{1,30}(?:\s*[>»›|]\s*[\p{L}&' -]{1,30}){1,5}$/u, reason: 'navigation' },
  // related links
  {
    pattern: /^(?:read (?:also|more|next)|also read|see also|related(?: news| articles?| stories| coverage| content| topics)?|latest(?: news| stories| articles)?|recommended(?: for you| stories| articles)?|more (?:from|on|about) .{1,40}|you may also like|you might also like|most (?:read|popular|viewed)|trending(?: now)?|top stories|more stories|don'?t miss|connected content|before you go,? we thought you'?d like these\W*)\s*:?$/i,
    reason: 'link-list',
    startsLinkList: true,
  },
  { pattern: /^(?:read (?:also|more|next)|also read|see also|related)\s*:.+$/i, reason: 'link-list' },
  { pattern: /^\[\d{1,3}\]\s*\S.*$/, reason: 'link-list' },
  // machine-rewrite artefacts
  { pattern: /^(?:sure|certainly|of course)[.!,]?(?: here(?:'|’)?s .*:| here is .*:)?$/i, reason: 'rewrite-artefact' },
  { pattern: /^here(?:'|’)?s (?:the|a|an|your) (?:rewritten|revised|paraphrased|reworded|edited|updated|new) (?:version|article|text|story).{0,80}:?$/i, reason: 'rewrite-artefact' },
  { pattern: /^here is (?:the|a|an|your) (?:rewritten|revised|paraphrased|reworded|edited) (?:version|article|text|story).{0,80}:?$/i, reason: 'rewrite-artefact' },
  { pattern: /^(?:i hope this helps|let me know if you(?:'d like| want| need)).*$/i, reason: 'rewrite-artefact' },
  // copyright and footers
  { pattern: /^(?:©|\(c\)|copyright\b).{0,160}$/i, reason: 'copyright' },
  { pattern: /^.{0,120}\ball rights reserved\.?$/i, reason: 'copyright' },
  // page furniture
  { pattern: /^(?:advertisement|advertising|sponsored(?: content)?|story continues below(?: advertisement)?|scroll to continue(?: with content)?|see gallery|\d+ photos|cite this page|image of globe|before you go close icon)$/i, reason: 'page-furniture' },
  { pattern: /^\d+\s*min(?:ute)?s? read$/i, reason: 'page-furniture' },
  { pattern: /^[a-z]+[A-Z]\w*:\s*(?:true|false|\d+)$/, reason: 'page-furniture' }, // leaked script config
  { pattern: /^\d{1,4}$/, reason: 'page-furniture' }, // stray counters and status codes ("403")
  { pattern: /^chat with us (?:in|on) .{0,40}messenger\b.*$/i, reason: 'promo' },
  { pattern: /^\[(?:anchor|report|reporter|interview)\]$/i, reason: 'broadcast-marker' },
  // Wire-service notes to editors: "(ATTN: RECASTS headline…)", "(Adds details)", "(LEAD)".
  { pattern: /^\((?:attn|adds?|recasts?|updates?|corrects?|lead|repeats?)\b[^)]*\)$/i, reason: 'editor-note' },
];

/** Boilerplate glued to the start of a real line ("Privacy PolicyreCAPTCHANorth Korea fired…"). */
export const PREFIX_RULES: BoilerplateRule[] = [
  { pattern: /^privacy policy/i, reason: 'privacy' },
  { pattern: /^recaptcha/i, reason: 'privacy' },
  { pattern: /^terms of (?:service|use)/i, reason: 'privacy' },
  { pattern: /^cookie policy/i, reason: 'privacy' },
  { pattern: /^(?:skip|go) to (?:the )?(?:main )?(?:content|contents|navigation)/i, reason: 'navigation' },
  { pattern: /^menu content/i, reason: 'navigation' },
  { pattern: /^(?:contributors|creators)publishersadvertisers/i, reason: 'navigation' },
  { pattern: /^advertisement/i, reason: 'page-furniture' },
];

/** The corpus' stored-date marker that opens some texts ("date 2025-05-09 …"); published already holds it. */
export const DATE_MARKER: BoilerplateRule = { pattern: /^date \d{4}-\d{2}-\d{2}\b/, reason: 'date-marker' };

// A launch fact: a launch word near a missile word, in either order. Only vetoes rules marked keepIfLaunchFact.
const LAUNCH_WORD = String.raw`(?:fir(?:ed|es|ing)|launch\w*|test-fir\w*|fl(?:ew|ies|ying)|land(?:ed|s|ing)|splash\w*|lift(?:ed)? off)`;
const MISSILE_WORD = String.raw`(?:missiles?|rockets?|projectiles?|ICBMs?|SLBMs?|satellites?)`;
const LAUNCH_FACT = new RegExp(String.raw`\b${LAUNCH_WORD}\b[\s\S]{0,80}\b${MISSILE_WORD}\b|\b${MISSILE_WORD}\b[\s\S]{0,80}\b${LAUNCH_WORD}\b`, 'i');

export const mentionsLaunchFact = (line: string): boolean => LAUNCH_FACT.test(line);

/** The rule that makes `line` boilerplate, or null. */
export function matchBoilerplateLine(line: string): BoilerplateRule | null {
  for (const rule of LINE_RULES) {
    if (!rule.pattern.test(line)) continue;
    if (rule.keepIfLaunchFact && mentionsLaunchFact(line)) continue;
    return rule;
  }
  return null;
}

export const isBoilerplateLine = (line: string): boolean => matchBoilerplateLine(line) !== null;
