/** Every XSS vector of xss-vectors.ts with the payload in the metadata of a CMS article page (see xss-suite.ts). */
import { xssSuite } from './xss-suite';

xssSuite('metadata');
