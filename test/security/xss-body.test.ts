/** Every XSS vector of xss-vectors.ts with the payload in the body of a CMS article page (see xss-suite.ts). */
import { xssSuite } from './xss-suite';

xssSuite('body');
