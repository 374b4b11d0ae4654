/**
 * The vocabularies a CPSV-AP 3.2 export uses, and the JSON-LD context every exported document embeds (so reading one
 * never fetches anything). Prefixes end in `/` or `#`, so compact IRIs such as `dct:title` expand under JSON-LD 1.1.
 */

/** The project's namespace for what CPSV-AP 3.2 cannot say (docs/cpsv.md lists every term). */
export const om = 'https://onematter.dev/ns#';

/** Where the export's resources live: matters, regions, organisations, events, concepts, the catalogue. */
export const idBase = 'https://onematter.dev/id/';

/** Where legal resources live: ELI recommends IRIs with `/eli/` in them. */
export const eliBase = 'https://onematter.dev/eli/';

/** The prefix of every vocabulary the documents use, as compact IRIs spell them (`dct:title`). */
export const prefixes = {
  cpsv: 'http://purl.org/vocab/cpsv#',
  cv: 'http://data.europa.eu/m8g/',
  dct: 'http://purl.org/dc/terms/',
  dcat: 'http://www.w3.org/ns/dcat#',
  eli: 'http://data.europa.eu/eli/ontology#',
  adms: 'http://www.w3.org/ns/adms#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  locn: 'http://www.w3.org/ns/locn#',
  time: 'http://www.w3.org/2006/time#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  om,
} as const;

/** The embedded `@context`: JSON-LD 1.1 (the `when` conditions are `@json` literals) and the prefixes above. */
export const context = { '@version': 1.1, ...prefixes } as const;

/** Code lists of the EU Publications Office used for currency and language. */
export const euAuthority = 'http://publications.europa.eu/resource/authority/';
