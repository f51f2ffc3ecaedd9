// Saved-search keywords and regions are cleaned before they are counted and de-duplicated, so what looks like one
// keyword is one keyword, and a keyword of invisible characters is refused as an empty one is.
import { validateSubscription } from '@cic/shared';
import { failFields, okValue } from './support/validated';

describe('validateSubscription: hidden characters', () => {
  it('cleans each keyword, and two that look alike are one', () => {
    expect(okValue(validateSubscription({ keywords: ['储\u200B能', '储能', '\u202E储能\u202C', '热\n管理'] })).keywords).toEqual([
      '储能',
      '热 管理',
    ]);
  });

  it('counts a keyword after cleaning: one character padded with zero-width ones is too short', () => {
    expect(failFields(validateSubscription({ keywords: ['储\u200B\u200B\u200B'] })).keywords).toContain('为 1 个字');
  });

  it('a keyword of invisible characters is refused, naming the field', () => {
    expect(failFields(validateSubscription({ keywords: ['\u200B\u200B\u200B'] })).keywords).toContain('关键词');
  });

  it('cleans regions and counts them in characters after cleaning', () => {
    expect(okValue(validateSubscription({ regions: ['江苏\u200B南京', '江苏南京'] })).regions).toEqual(['江苏南京']);
    expect(failFields(validateSubscription({ regions: ['苏\u200B\u200B'] })).regions).toContain('至少 2 个字');
    expect(okValue(validateSubscription({ regions: ['𠮷'.repeat(20)] })).regions).toEqual(['𠮷'.repeat(20)]);
    expect(failFields(validateSubscription({ regions: ['字'.repeat(21)] })).regions).toContain('20');
  });
});
