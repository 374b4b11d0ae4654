/** Which section of the editor edits what a pointer into the definition names. */
export type SectionName = 'fields' | 'materials' | 'service' | 'process' | 'json';

/** The section showing `pointer`: the form's fields, the materials, the process, the service elements, or (the rest) the JSON. */
export function sectionOf(pointer: string): SectionName {
  if (pointer.startsWith('/form')) return 'fields';
  if (pointer.startsWith('/materials')) return 'materials';
  if (pointer === '/process' || pointer.startsWith('/process/')) return 'process';
  if (pointer === '') return 'json';
  return 'service';
}
