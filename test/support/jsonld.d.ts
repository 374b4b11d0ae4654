/** The part of jsonld.js (a devDependency, used only by the CPSV-AP tests) that the tests call; it ships no types. */
declare module 'jsonld' {
  export interface Term {
    readonly termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph';
    readonly value: string;
    readonly datatype?: { readonly termType: 'NamedNode'; readonly value: string };
    readonly language?: string;
  }
  export interface Quad {
    readonly subject: Term;
    readonly predicate: Term;
    readonly object: Term;
    readonly graph: Term;
  }
  export interface RemoteDocument {
    readonly contextUrl: string | null;
    readonly documentUrl: string;
    readonly document: unknown;
  }
  export interface Options {
    readonly documentLoader?: (url: string) => Promise<RemoteDocument>;
    /** Fail on anything the processor would otherwise drop silently (an undefined term, a relative IRI). */
    readonly safe?: boolean;
  }
  const jsonld: {
    toRDF(input: unknown, options?: Options): Promise<Quad[]>;
    expand(input: unknown, options?: Options): Promise<unknown[]>;
  };
  export default jsonld;
}
