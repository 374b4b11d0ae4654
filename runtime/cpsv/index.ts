/**
 * CPSV-AP 3.2 export: matter definitions and bundles in, JSON-LD documents out. Pure functions, no I/O and no
 * JSON-LD library: the documents embed their context, and `onematter export --cpsv` writes them.
 */
export { cpsvDocuments, cpsvBytes, selectDefinitions, cataloguePath, CpsvExportError, type CpsvDocument, type CpsvSource } from './export.ts';
export { context, om, prefixes } from './namespaces.ts';
export { calendarDaysOf, processingTime } from './time.ts';
export type { JsonLdNode } from './graph.ts';
