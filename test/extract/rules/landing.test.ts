import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../src/types.js';
import { extract, fieldValue } from '../../helpers/article.js';

// Every sentence below is made up for these tests.

/** Runs the extractor on a headline and paragraphs (published on `published`, or undated when null). */
const run = (title: string | null, paragraphs: string[], published: string | null, url: string | null = null): Extraction =>
  extract({ title, text: paragraphs.join('\n\n'), published, url }).ex;

const FRI = '2025-05-09'; // a Friday

describe('landing', () => {
  const landing = (sentence: string, title = 'North Korea fires ballistic missile') => fieldValue(run(title, [sentence], FRI), 'landing');

  it('"landed in the Pacific" is pacific-ocean', () => {
    expect(landing('North Korea fired a ballistic missile on Friday that landed in the Pacific, Japan said.')).toBe('pacific-ocean');
  });

  it('"the Asia-Pacific summit" is no landing', () => {
    expect(landing('North Korea fired a ballistic missile on Friday as leaders gathered for the Asia-Pacific summit in Lima.')).toBeNull();
  });

  it('"Indo-Pacific Command" is no landing', () => {
    expect(landing('North Korea fired a ballistic missile on Friday, U.S. Indo-Pacific Command said in a statement.')).toBeNull();
  });

  it('"remote targets in the Pacific" is no landing', () => {
    expect(landing('North Korea fired an ICBM on Friday in a show of its ability to hit remote targets in the Pacific, state media said.')).toBeNull();
  });

  it('"off the east coast of Japan in the Pacific Ocean" is pacific-ocean, not sea-of-japan', () => {
    expect(landing('North Korea fired an ICBM on Friday that splashed down off the east coast of Japan in the Pacific Ocean, Tokyo said.')).toBe('pacific-ocean');
  });

  it('a generic "Such launches typically involve a flight over the Pacific" is no landing', () => {
    const ex = run(
      'Air Force tests unarmed Minuteman III',
      [
        'The U.S. Air Force launched an unarmed Minuteman III missile from Vandenberg Space Force Base on Friday.',
        'Such launches typically involve a flight over the Pacific.',
      ],
      FRI,
    );
    expect(fieldValue(ex, 'landing')).toBeNull();
  });
});

describe('landings on land', () => {
  it('"hitting a mock target in the central desert" lands on land', () => {
    const ex = run(null, ['Iran test-fired a ballistic missile on Friday, hitting a mock target in the central desert, state TV said.'], FRI);
    expect(fieldValue(ex, 'landing')).toBe('land');
  });

  it('warheads that "reached the Kura test range on the Kamchatka peninsula" landed on land', () => {
    const ex = run(null, ['Russia test-launched an intercontinental ballistic missile from Plesetsk on Friday, and its warheads reached the Kura test range on the Kamchatka peninsula.'], FRI);
    expect(fieldValue(ex, 'landing')).toBe('land');
  });
});

describe('landing: where it came down, not where it flew or started', () => {
  const landing = (paragraphs: string[]) => fieldValue(extract({ title: 'Launch reported', text: paragraphs.join('\n\n'), published: '2025-05-09', url: null }).ex, 'landing');

  it('a test range, a training ground, an air base or a struck city is land', () => {
    expect(landing(['The Air Force launched a Minuteman III on Friday; its test warhead flew 6,000 km before reaching the test range at Kwajalein.'])).toBe('land');
    expect(landing(['The army fired two rockets on Friday that landed on a training ground near the border, officials said.'])).toBe('land');
    expect(landing(['The missile fired on Friday struck the port city of Odesa, officials said.'])).toBe('land');
  });
  it('a building, facility, village, field or region hit or landed in is land', () => {
    expect(landing(['The militia said on Friday it had struck an enemy "command headquarters" in the border town with missiles.'])).toBe('land');
    expect(landing(['Two rockets fired on Friday hit a residential district west of the capital, police said.'])).toBe('land');
    expect(landing(['A rocket fired from the south on Friday landed in an open field near a farm, the army said.'])).toBe('land');
    expect(landing(['The army said both missiles fired on Friday came down in the country\'s mountainous western region.'])).toBe('land');
    expect(landing(['The missile fired on Friday went astray and crashed inside the base, officials said.'])).toBe('land');
    expect(landing(['Troops fired a missile on Friday that struck the northern Syrian town of Azaz.'])).toBe('land');
  });
  it('a sea near a town is not land', () => {
    expect(landing(['The missile fired on Friday fell in the sea near the town of Hamhung, officials said.'])).toBeNull();
  });
  it('the waters a missile flew over are not where it came down', () => {
    expect(landing(['The missile fired on Friday flew 4,000 km over the Pacific, the Pentagon said.'])).toBeNull();
  });
  it('the waters an SLBM was fired from are not where it came down', () => {
    expect(landing(['The launch took place on Friday in the waters off Sinpo of the East Sea, state media said.'])).toBeNull();
  });
  it('"hit the targeted open waters of the East Sea" is the East Sea', () => {
    expect(landing(['The missiles fired on Friday hit the targeted open waters of the East Sea, state media said.'])).toBe('sea-of-japan');
  });
});

describe('eez: negated and bounded statements', () => {
  const eez = (sentence: string) => fieldValue(extract({ title: 'Launch reported', text: sentence, published: '2025-05-09', url: null }).ex, 'eez');
  it('"none of them entered Japan\'s EEZ" and "beyond the limits of" are outside', () => {
    expect(eez('North Korea fired three missiles on Friday; Tokyo said none of them entered Japan\'s exclusive economic zone.')).toBe('outside');
    expect(eez('North Korea fired a missile on Friday that came down beyond the limits of Japan\'s EEZ, Tokyo said.')).toBe('outside');
    expect(eez('North Korea fired a missile on Friday that was probably not in Japan\'s EEZ, Tokyo said.')).toBe('outside');
    expect(eez('North Korea fired a missile on Friday; Tokyo said it was not believed to have landed inside Japan\'s exclusive economic zone.')).toBe('outside');
    expect(eez('North Korea fired a missile on Friday that seemed, Tokyo said, not to have come down in Japan\'s EEZ.')).toBe('outside');
  });
  it('"Japan\'s maritime economic zone" is the EEZ', () => {
    expect(eez('North Korea fired a missile on Friday that landed in Japan\'s maritime economic zone.')).toBe('inside');
  });
});

describe('landing: hedged land impacts, struck places, flights that broke up', () => {
  const landing = (paragraphs: string[], title = 'Launch reported') => fieldValue(extract({ title, text: paragraphs.join('\n\n'), published: '2025-05-09', url: null }).ex, 'landing');

  it('"landing on land" is land', () => {
    expect(landing(['The missiles fired on Friday flew 300 km before landing on land in the north, officials said.'])).toBe('land');
    expect(landing(['One rocket launched on Friday lands on land near the border, the army said.'])).toBe('land');
  });
  it('a hedged land impact does not beat the stated sea', () => {
    expect(landing(['North Korea fired two missiles toward the East Sea on Friday.', 'One of them may have crashed inland, an official said.'], 'Two missiles fired; one might have fallen inland')).toBe('sea-of-japan');
    expect(landing(['North Korea fired two missiles into the Yellow Sea on Friday.', 'Officials were studying the possibility that the second one fell inland.'])).toBe('yellow-sea');
  });
  it('a hospital, an airfield or the area of an airport hit is land; missiles fired at an air base land there', () => {
    expect(landing(['A cruise missile fired on Friday hit a maternity hospital in the city centre, officials said.'])).toBe('land');
    expect(landing(['A ballistic missile fired on Friday hit the area of the international airport, police said.'])).toBe('land');
    expect(landing(['The navy launched 30 cruise missiles on Friday at the Tiyas air base, the ministry said.'])).toBe('land');
    expect(landing(['The rebels fired four rockets on Friday at a disused airfield in the south.'])).toBe('land');
  });
  it('a path "heading south over" a sea is not where it came down, but a missile that broke up over a sea came down there', () => {
    expect(landing(['The rocket launched on Friday passed Okinawa, heading south over the Yellow Sea, officials said.'])).toBeNull();
    expect(landing(['The missile fired on Friday broke up after travelling 150 km over the East Sea, the military said.'])).toBe('sea-of-japan');
    expect(landing(['The missile fired on Friday exploded while flying over the Sea of Japan, officials said.'])).toBe('sea-of-japan');
  });
  it('"struck the target area" after a flight over a sea is no land impact', () => {
    expect(landing(['The cruise missiles fired on Friday flew 1,000 km over the Yellow Sea and struck the target area, state media said.'])).not.toBe('land');
  });
});
