/** Every XSS vector of xss-vectors.ts with the payload in the title of a CMS article page (see xss-suite.ts). */
import { xssSuite } from './xss-suite';

xssSuite('title');
