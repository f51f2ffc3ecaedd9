// What each viewer may see of a 成果: the demands' rule (listing.view.ts). On an anonymous 成果 the holder and its
// contacts are removed, and any of their values repeated in a public text (the title, the summary, a keyword) is
// masked there, however it is spelled.
import {
  ACHIEVEMENT_FIELD_LABELS,
  ACHIEVEMENT_SUMMARY_KEYS,
  HIDDEN_WHEN_ANONYMOUS_ACHIEVEMENT,
  type Achievement,
  type AchievementFieldKey,
  type AchievementSummary,
  type PublicAchievement,
} from '@cic/shared';
import type { Masker } from '../demands/hidden-value-masking';
import { formFieldsOf, listingView, summaryOf, type HiddenSources } from '../listings/listing.view';

/** Public texts that could repeat a hidden value. */
const PUBLIC_TEXT_FIELDS = ['title', 'summary', 'keywords', 'region', 'fieldOther', 'cooperationOther'] as const;

export const ACHIEVEMENT_FORM_KEYS = Object.keys(ACHIEVEMENT_FIELD_LABELS) as AchievementFieldKey[];

/** The form fields of a stored 成果, without its metadata. */
export const achievementFormOf = (achievement: Achievement): Partial<Record<AchievementFieldKey, unknown>> =>
  formFieldsOf(achievement, ACHIEVEMENT_FORM_KEYS);

const view = listingView({
  sources: (a: Achievement): HiddenSources => ({
    anonymous: a.anonymous,
    values: HIDDEN_WHEN_ANONYMOUS_ACHIEVEMENT.map((key) => a[key]),
    // The holder's short name too (钛合新材料 for 南京钛合新材料科技有限公司), as for a demand's company.
    organisation: a.holderName,
    region: a.region,
    phones: [a.contactPhone],
    email: a.email,
  }),
  texts: PUBLIC_TEXT_FIELDS,
  hidden: HIDDEN_WHEN_ANONYMOUS_ACHIEVEMENT,
});

/** The values an anonymous 成果 keeps from the public, in every spelling the masking knows (none when not anonymous). */
export const hiddenAchievementValuesOf: (achievement: Achievement) => string[] = view.hiddenValuesOf;

/** The masker of a 成果's hidden values, compiled once for all its texts; undefined when it hides nothing. */
export const achievementMaskerOf: (achievement: Achievement) => Masker | undefined = view.maskerOf;

/**
 * The 成果 with its public texts (title, summary, keywords, …) as the public sees them. Everything that copies,
 * indexes or matches a 成果's text for other people (search, matching, alerts, invitations) starts from this, so a
 * hidden value can neither be read nor found by searching for it.
 */
export const withPublicAchievementText: (achievement: Achievement) => Achievement = view.withPublicText;

/** A 成果's title as anyone but its holder and the organisers may see it. */
export const publicAchievementTitleOf = (achievement: Achievement): string => withPublicAchievementText(achievement).title ?? '';

export const toPublicAchievement: (achievement: Achievement) => PublicAchievement = view.toPublic;

export const toAchievementSummary = (view: PublicAchievement): AchievementSummary =>
  summaryOf(view, ACHIEVEMENT_SUMMARY_KEYS, view.summary);
