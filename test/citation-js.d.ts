/** The part of Citation.js the tests use (it ships no types): a BibTeX reader whose `data` is CSL-JSON. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(input: string);
    data: Record<string, unknown>[];
  }
}
declare module '@citation-js/plugin-bibtex';
