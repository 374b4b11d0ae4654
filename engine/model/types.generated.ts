/* eslint-disable */
/**
 * GENERATED from engine/model/*.schema.json by `npm run typegen:model`. Do not edit by hand:
 * change the meta-schema and regenerate (a test fails when this file drifts).
 */

/** A JSON object whose shape the meta-schema leaves open (a JSON Schema, a uiSchema). */
export type JsonObject = { [key: string]: unknown };

export type MatterDefinition = {
  /**
   * Editor hint; ignored by onematter.
   */
  $schema?: string;
  /**
   * Catalogue code of the matter (shared by its baseline and all variants).
   */
  id: string;
  version: Semver;
  /**
   * baseline = the province's top-runner standard; variant = one region's implementation.
   */
  kind: 'baseline' | 'variant';
  baseline?: DefinitionRef;
  region: Region;
  title: LocalizedText;
  summary?: LocalizedText;
  /**
   * National matter type: 行政许可, 行政给付, 行政确认, 行政征收, 行政奖励, 行政裁决, 其他行政权力, 公共服务.
   */
  matterType:
    'licensing' | 'payment' | 'confirmation' | 'levy' | 'reward' | 'adjudication' | 'other-power' | 'public-service';
  department: Department;
  /**
   * @minItems 1
   * @maxItems 100
   */
  legalBasis: LegalResource[];
  /**
   * 受理条件 / cpsv:holdsRequirement.
   *
   * @maxItems 100
   */
  acceptanceConditions?: LocalizedText[];
  /**
   * 即办件 (handled on the spot) or 承诺件 (handled within promised days).
   */
  handlingType: 'immediate' | 'promised';
  /**
   * @minItems 1
   */
  channels: ('online' | 'mobile' | 'onsite' | 'self-service' | 'mail')[];
  /**
   * 网办深度: 0 offline only … 4 fully online with no visit.
   */
  onlineDepth?: number;
  /**
   * Life or business events this matter is grouped by (cpsv:isGroupedBy).
   *
   * @maxItems 20
   */
  lifeEvents?: Identifier[];
  /**
   * @minItems 1
   * @maxItems 50
   */
  roles: Role[];
  /**
   * @maxItems 200
   */
  materials: Material[];
  form: Form;
  process: Process;
  timeLimit: TimeLimit;
  /**
   * @maxItems 50
   */
  fees: Fee[];
  /**
   * On-site visits the applicant must make (到现场次数).
   */
  visits: number;
  visitReason?: LocalizedText3;
  /**
   * @maxItems 20
   */
  outputs: Output[];
};

export type Semver = string;

export type CatalogueCode = string;

export type Identifier = string;

export type Material = Material1;

export type TransitionSpec = Identifier | Transition | (Identifier | Transition)[];

export interface DefinitionRef {
  id: CatalogueCode;
  version: Semver;
}

export interface Region {
  /**
   * GB/T 2260 division code (6 digits; 9 or 12 for township and village).
   */
  code: string;
  name: LocalizedText;
  level: 'province' | 'city' | 'county' | 'township' | 'village';
}

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface Department {
  /**
   * Unified social credit code or organization code.
   */
  code?: string;
  name: LocalizedText;
}

export interface LegalResource {
  id: Identifier;
  title: LocalizedText;
  /**
   * Article or clause, e.g. 第十二条.
   */
  article?: string;
  issuer?: LocalizedText;
}

export interface Role {
  id: Identifier;
  name: LocalizedText;
}

export interface Material1 {
  id: Identifier;
  name: LocalizedText;
  /**
   * tolerated-missing = 容缺: may be supplied after acceptance.
   */
  necessity: 'required' | 'optional' | 'tolerated-missing' | 'exempted';
  /**
   * Who provides it: the applicant's own document, a certificate another department issued, or fetched through data sharing.
   */
  source: 'applicant' | 'government-issued' | 'shared-data';
  /**
   * Accepted formats.
   *
   * @minItems 1
   */
  format: ('paper' | 'electronic')[];
  copies: Copies;
  issuer?: LocalizedText1;
  sharedData?: MaterialWaiver;
  /**
   * A blank form is provided (空白表格).
   */
  blankForm?: boolean;
  /**
   * A filled example is provided (示例样表).
   */
  example?: boolean;
  /**
   * Ids of entries in the definition's legalBasis that require this material.
   */
  legalBasis?: Identifier[];
  notes?: LocalizedText;
}

export interface Copies {
  originals: number;
  photocopies: number;
}

export interface LocalizedText1 {
  zh: string;
  en: string;
}

export interface MaterialWaiver {
  /**
   * A short machine name: a letter, then letters, digits, _ or -.
   */
  item: string;
  reason?: LocalizedText;
}

export interface Form {
  /**
   * JSON Schema 2020-12 of the form data.
   */
  schema: JsonObject;
  /**
   * react-jsonschema-form uiSchema.
   */
  uiSchema?: JsonObject;
  /**
   * @maxItems 500
   */
  prefill?: Prefill[];
  /**
   * Fields a law requires the matter to ask for; deriving a top runner keeps them.
   *
   * @maxItems 500
   */
  fieldBasis?: FieldBasis[];
}

export interface Prefill {
  /**
   * JSON Pointer to the field in the form data, e.g. /applicant/name.
   */
  field: string;
  /**
   * A short machine name: a letter, then letters, digits, _ or -.
   */
  item: string;
  /**
   * A short machine name: a letter, then letters, digits, _ or -.
   */
  value: string;
  /**
   * Verified and read-only for the applicant.
   */
  locked?: boolean;
}

export interface FieldBasis {
  /**
   * JSON Pointer to the field in the form data.
   */
  field: string;
  /**
   * @minItems 1
   */
  legalBasis: Identifier[];
}

export interface Process {
  id: Identifier;
  initial: Identifier;
  description?: string;
  states: {
    [k: string]: ProcessState | undefined;
  };
}

export interface ProcessState {
  /**
   * Only final states are typed; nested and parallel states are not supported.
   */
  type?: 'final';
  description?: string;
  meta?: StateMeta;
  on?: {
    [k: string]: TransitionSpec | undefined;
  };
  entry?: Identifier[];
  exit?: Identifier[];
  tags?: Identifier[];
}

export interface StateMeta {
  /**
   * A short machine name: a letter, then letters, digits, _ or -.
   */
  role?: string;
  step?: LocalizedText2;
  /**
   * Final states: how the case ended.
   */
  outcome?: 'approved' | 'rejected' | 'withdrawn';
}

export interface LocalizedText2 {
  zh: string;
  en: string;
}

export interface Transition {
  target: Identifier;
  guard?: Identifier;
  actions?: Identifier[];
  description?: string;
}

export interface TimeLimit {
  /**
   * 法定办结时限, working days.
   */
  statutoryDays: number;
  /**
   * 承诺办结时限, working days.
   */
  promisedDays: number;
}

export interface Fee {
  id: Identifier;
  name: LocalizedText;
  /**
   * Amount in CNY (yuan).
   */
  amount: number;
  legalBasis?: Identifier[];
}

export interface LocalizedText3 {
  zh: string;
  en: string;
}

export interface Output {
  id: Identifier;
  name: LocalizedText;
  type: 'certificate' | 'license' | 'decision' | 'record';
  /**
   * Issued as an electronic certificate with an electronic seal.
   */
  electronic: boolean;
  validityYears?: number;
}

export interface SharedDataCatalogue {
  $schema?: string;
  kind: 'shared-data-catalogue';
  /**
   * @minItems 1
   * @maxItems 1000
   */
  items: SharedDataItem[];
}

export interface SharedDataItem {
  id: Identifier;
  name: LocalizedText;
  provider: Department;
  /**
   * What the item is looked up by: a citizen's identity number or an organization's credit code.
   */
  keyedBy: 'idNumber' | 'creditCode';
  evidence?: LocalizedText1;
  fields: {
    [k: string]: SharedDataField | undefined;
  };
}

export interface SharedDataField {
  title: LocalizedText;
  /**
   * JSON Schema 2020-12 of the value.
   */
  schema: JsonObject;
}

export interface BundleDefinition {
  $schema?: string;
  id: string;
  version: string;
  kind: 'bundle';
  region: Region;
  title: LocalizedText;
  /**
   * The life or business event (cpsv:LifeEvent / BusinessEvent).
   */
  event: string;
  eventType?: 'life' | 'business';
  /**
   * @minItems 2
   * @maxItems 50
   */
  matters: DefinitionRef[];
}

export interface RegionCatalogue {
  $schema?: string;
  kind: 'region-catalogue';
  source: RegionSource;
  /**
   * @minItems 1
   * @maxItems 100000
   */
  regions: RegionEntry[];
}

export interface RegionSource {
  name: LocalizedText;
  publisher: LocalizedText;
  url?: string;
  /**
   * The year (or date) the list describes.
   */
  asOf: string;
  note?: string;
}

export interface RegionEntry {
  /**
   * GB/T 2260 division code (6 digits; 9 or 12 for township and village).
   */
  code: string;
  name: LocalizedText;
  level: 'province' | 'city' | 'county' | 'township' | 'village';
  /**
   * GB/T 2260 division code (6 digits; 9 or 12 for township and village).
   */
  parent?: string;
}
