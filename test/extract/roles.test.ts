import { describe, expect, it } from 'vitest';
import { english } from '../../src/extract/locales/en/configuration.js';
import { sentenceRole, statesLaunch } from '../../src/extract/roles.js';
import { articleUnits, type Unit } from '../../src/extract/units.js';
import { makeArticle } from '../helpers/article.js';

// Roles: what a sentence talks about relative to the main launch. Background mentions (an earlier launch, a
// design range, a caption of an older launch) never fill the main event's fields.

const unit = (text: string, isCaption = false): Unit => ({
  part: 'text',
  index: 1,
  span: { start: 0, end: text.length },
  text,
  paragraph: 0,
  isCaption,
  inChronology: false,
});
const roleOf = (text: string, published: string | null, mainDate: string | null) =>
  sentenceRole(unit(text), english.readers.dates(text, published, null), mainDate);

describe('statesLaunch', () => {
  it('a verb of firing with a missile noun states a launch', () => {
    expect(statesLaunch('North Korea fired a ballistic missile toward the sea on Thursday.')).toBe(true);
  });

  it('a satellite lift-off states a launch', () => {
    expect(statesLaunch('The rocket carrying a reconnaissance satellite lifted off from Sohae.')).toBe(true);
  });

  it('a parade with no firing does not state a launch', () => {
    expect(statesLaunch('Troops marched through Kim Il Sung Square during a night parade.')).toBe(false);
  });
});

describe('sentenceRole', () => {
  it('a launch to come with an adverb ("is preparing to imminently launch") is not a launch that happened', () => {
    expect(roleOf('Officials say Northland is preparing to imminently launch a missile at its neighbour.', '2024-10-01', null).role).toBe('context');
    expect(roleOf('The army is ready to quickly fire rockets if attacked.', '2024-10-01', null).role).toBe('context');
  });

  it('a plain launch sentence is main, in full', () => {
    const s = 'North Korea fired a ballistic missile on Thursday, the military said.';
    expect(roleOf(s, '2025-05-08', '2025-05-08')).toMatchObject({ role: 'main', mainEnd: s.length });
  });

  it('"Last month, the North fired an ICBM that flew 1,000 km" is an earlier launch', () => {
    expect(roleOf('Last month, the North fired an ICBM that flew 1,000 km.', '2025-05-08', '2025-05-08').role).toBe('earlier');
  });

  it('"last Thursday\'s test" marks an earlier launch', () => {
    expect(roleOf("Last Thursday's test involved a solid-fuel missile that flew 600 km.", '2025-05-08', '2025-05-08').role).toBe('earlier');
  });

  it('an explicit date far from the main date anchors an earlier launch', () => {
    expect(roleOf('On March 3, North Korea fired a cruise missile over the West Sea.', '2025-05-08', '2025-05-08').role).toBe('earlier');
  });

  it('a capability in a closed relative clause leaves the launch sentence main', () => {
    const s = 'The rocket, which experts say is capable of reaching Alaska, was fired from the Sunan area on Thursday.';
    expect(roleOf(s, '2025-05-08', '2025-05-08')).toMatchObject({ role: 'main', mainEnd: s.length });
  });

  it('a capability in an open relative clause still makes the sentence capability', () => {
    expect(roleOf('Analysts point to the new rocket, which is capable of reaching Alaska.', '2025-05-08', '2025-05-08').role).toBe('capability');
  });

  it('"in a normal test" describes a habit, not this launch', () => {
    expect(roleOf('In a normal test, the warhead travels about 6,000 km to a lagoon in the Pacific.', '2025-05-08', '2025-05-08').role).toBe('context');
  });

  it('"the Hwasong-12 test of last August" is an earlier launch', () => {
    expect(roleOf('The images on screen show the Hwasong-12 test of last August.', '2025-05-08', '2025-05-08').role).toBe('earlier');
  });

  it('"higher than any previous" is a comparison, not a background marker', () => {
    const s = 'Tokyo said the rocket reached an altitude of more than 1,800 km, higher than any previous launch by the North.';
    expect(roleOf(s, '2025-05-08', '2025-05-08')).toMatchObject({ role: 'main', mainEnd: s.length });
  });

  it('a design range sentence is capability', () => {
    expect(roleOf('The missile is capable of reaching 15,000 km, analysts say.', '2025-05-08', '2025-05-08').role).toBe('capability');
  });

  it('a trailing background clause cuts the main part before it', () => {
    const s = 'North Korea fired a ballistic missile on Thursday, its first launch since March when it fired an ICBM.';
    const r = roleOf(s, '2025-05-08', '2025-05-08');
    expect(r.role).toBe('main');
    expect(r.mainEnd).toBeLessThanOrEqual(s.indexOf('its first launch'));
    expect(r.mainEnd).toBeGreaterThan(s.indexOf('Thursday'));
  });

  it('a caption is context', () => {
    expect(sentenceRole(unit('In this file photo, a missile lifts off from a launch pad.', true), [], null).role).toBe('context');
  });
});

describe('articleUnits', () => {
  it('marks a file-photo caption so it cannot describe the main launch', () => {
    const article = makeArticle({
      title: 'North Korea fires missile into the sea',
      text: 'North Korea fired a ballistic missile on Thursday, Seoul said.\n\nThis file photo shows a missile test carried out in 2022 from the Pyongyang area.',
      published: '2025-05-08',
    });
    const units = articleUnits(article);
    expect(units[0]).toMatchObject({ part: 'title', isCaption: false });
    // The cleaner may drop the caption outright; if it stays, it must be marked as a caption.
    expect(units.filter((u) => !u.isCaption && /file photo/i.test(u.text))).toEqual([]);
  });
});
