/** Which section of the editor edits what a pointer into the definition names. */
export type SectionName = 'fields' | 'materials' | 'service' | 'json';

/** The section showing `pointer`: the form's fields, the materials, the service elements, or (the rest) the JSON. */
export function sectionOf(pointer: string): SectionName {
  if (pointer.startsWith('/form')) return 'fields';
  if (pointer.startsWith('/materials')) return 'materials';
  if (pointer.startsWith('/process') || pointer === '') return 'json';
  return 'service';
}
