/**
 * What the portal's build puts in place of fast-uri inside @rjsf/utils (see vite.config.ts; issue 12, "lighter
 * applicant pages"). rjsf calls it only for a root schema that declares `$schema` draft 2020-12 (making `$ref`s
 * absolute against `$id`s, and finding embedded `$id`s); the schema the portal hands rjsf never declares one —
 * runtime/form/render-schema.ts (`withoutDescriptions`) drops the root `$schema`, and the project's shared schemas are
 * inlined before — so none of it is reached. A page that reaches it anyway gets a clear error, not a wrong resolution.
 */

/** rjsf was asked to resolve URIs in the portal, which builds without fast-uri. */
export class NoUriResolverError extends Error {
  constructor(what: string) {
    super(`fast-uri ${what}: the portal's form schemas declare no root $schema, so rjsf should resolve no URIs; see runtime/form/render-schema.ts`);
    this.name = 'NoUriResolverError';
  }
}

const unavailable = (what: string) => (): never => {
  throw new NoUriResolverError(what);
};

/** The members of fast-uri that @rjsf/utils names (findSchemaDefinition.js): `equal` and `resolve`. */
const fastUri = { equal: unavailable('equal'), resolve: unavailable('resolve') };
export default fastUri;
