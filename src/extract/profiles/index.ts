import { dedecms } from './dedecms';
import { empirecms } from './empirecms';
import { founderEnp } from './founder-enp';
import { hanwebJcms } from './hanweb-jcms';
import type { Profile } from './profile';
import { phpcms } from './phpcms';
import { sudyWebplus } from './sudy-webplus';
import { trsWcm } from './trs-wcm';
import { vsbBoda } from './vsb-boda';
import { wechatMp } from './wechat-mp';
import { zhongqiOmo } from './zhongqi-omo';
import { zhongqiPortal } from './zhongqi-portal';

export type { Profile, Signal, MetaField, EmbeddedField } from './profile';

/** Every known family. Order breaks ties in detection: the first of two equal scores wins. */
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
