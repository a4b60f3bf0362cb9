import { dedecms, dedecmsDetection } from './dedecms';
import { empirecms, empirecmsDetection } from './empirecms';
import { founderEnp, founderEnpDetection } from './founder-enp';
import { hanwebJcms, hanwebJcmsDetection } from './hanweb-jcms';
import { phpcms, phpcmsDetection } from './phpcms';
import { sudyWebplus, sudyWebplusDetection } from './sudy-webplus';
import { trsWcm, trsWcmDetection } from './trs-wcm';
import { vsbBoda, vsbBodaDetection } from './vsb-boda';
import { wechatMp, wechatMpDetection } from './wechat-mp';
import { zhongqiOmo, zhongqiOmoDetection } from './zhongqi-omo';
import { zhongqiPortal, zhongqiPortalDetection } from './zhongqi-portal';
import type { Profile, ProfileDetection } from './profile';

export type { Profile, ProfileDetection, Signal, MetaField, EmbeddedField } from './profile';

/**
 * Every known family, detection parts only (what the detector content script carries). Order breaks ties in
 * detection: the first of two equal scores wins.
 */
export const DETECTION: readonly ProfileDetection[] = [
  zhongqiPortalDetection,
  zhongqiOmoDetection,
  wechatMpDetection,
  founderEnpDetection,
  trsWcmDetection,
  hanwebJcmsDetection,
  vsbBodaDetection,
  sudyWebplusDetection,
  empirecmsDetection,
  dedecmsDetection,
  phpcmsDetection,
];

/** The whole profiles, in the same order. */
export const PROFILES: readonly Profile[] = [
  zhongqiPortal,
  zhongqiOmo,
  wechatMp,
  founderEnp,
  trsWcm,
  hanwebJcms,
  vsbBoda,
  sudyWebplus,
  empirecms,
  dedecms,
  phpcms,
];

export function profileById(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}
