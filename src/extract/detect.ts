/**
 * `detectPage`: which CMS family built a page (family.ts) and what the page is (classify.ts), in one call or step by
 * step for the detector content script.
 */
import { classifyPageSteps } from './classify';
import { detectFamilySteps } from './family';
import type { ProfileDetection } from './profiles/index';
import { run } from './steps';
import type { Detection } from './types';

export { classifyPage, classifyPageSteps, continuationPage, mainProse, scanProse, MEDIA, MIN_PROSE, MIN_SHORT_PROSE, type Classification, type ProseScan } from './classify';
export { detectFamily, detectFamilySteps, scoreFamilies, DETECTION_THRESHOLD, type FamilyDetection, type FamilyScore } from './family';

/** Family, confidence and page type of a page. */
export function detectPage(doc: Document, url = ''): Detection {
  const { family, confidence, isArticle, pageType, reason } = run(detectPageSteps(doc, url));
  return { family, confidence, isArticle, pageType, reason };
}

/**
 * detectPage step by step, with the family's profile: the generator yields after every few hundred nodes, so that
 * a caller on a live page (the detector content script) can spread the work over short tasks; run to its end in
 * one go, it gives exactly detectPage's answer.
 */
export function* detectPageSteps(doc: Document, url = ''): Generator<void, Detection & { profile: ProfileDetection | null }> {
  const { family, confidence, profile } = yield* detectFamilySteps(doc, url);
  yield;
  const { isArticle, pageType, reason } = yield* classifyPageSteps(doc, url, profile, true);
  return { family, confidence, isArticle, pageType, reason, profile };
}

