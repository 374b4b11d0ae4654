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
  summary: LocalizedText1;
  /**
   * National matter type: 行政许可, 行政给付, 行政确认, 行政征收, 行政奖励, 行政裁决, 其他行政权力, 公共服务, 行政备案 (filing).
   */
  matterType:
    | 'licensing'
    | 'payment'
    | 'confirmation'
    | 'levy'
    | 'reward'
    | 'adjudication'
    | 'other-power'
    | 'public-service'
    | 'filing';
  department: Department;
  standardOwner?: Department1;
  /**
   * 行使层级: the administrative level whose bodies exercise the matter (not where it is accepted, see locations).
   */
  exerciseLevel?: 'province' | 'city' | 'county' | 'township' | 'village';
  /**
   * 办理地点: where the matter is accepted (address, hours, window).
   *
   * @maxItems 200
   */
  locations?: Location[];
  /**
   * 服务对象 (cpsv:addressee): natural persons (自然人), legal persons (法人), other organisations.
   *
   * @minItems 1
   */
  serviceObject?: ('natural-person' | 'legal-person' | 'other-organisation')[];
  /**
   * 通办范围: how widely an application is accepted regardless of the applicant's place of residence.
   */
  acceptanceScope?: 'national' | 'cross-province' | 'province' | 'city' | 'county';
  contact?: Contact;
  /**
   * 事项状态 (cpsv:status): in use, suspended or cancelled.
   */
  status?: 'active' | 'suspended' | 'cancelled';
  /**
   * The date this version takes effect.
   */
  effectiveFrom?: string;
  codes?: MatterCodes;
  /**
   * Matters an applicant must have been through first (cpsv:requires), e.g. 居住证 requires 居住登记.
   *
   * @maxItems 20
   */
  requires?: CatalogueCode[];
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
  bundle?: ComposedFrom;
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
  visitReason?: LocalizedText6;
  /**
   * @maxItems 20
   */
  outputs: Output[];
};

export type Semver = string;

export type CatalogueCode = string;

export type Phone = string;

export type Identifier = string;

export type Material = Material1;

export type Condition = JsonObject;

export type StateTarget = string;

export type Guard = Identifier | DataMatchesGuard | OlderThanGuard;

export type Condition1 = JsonObject;

export type TransitionSpec = StateTarget | Transition | (StateTarget | Transition)[];

export type Condition2 = JsonObject;

export type Condition3 = JsonObject;

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

export interface LocalizedText1 {
  zh: string;
  en: string;
}

export interface Department {
  /**
   * Unified social credit code or organization code.
   */
  code?: string;
  name: LocalizedText;
  /**
   * 主体性质: a body the law names (法定机关), an organisation authorised by law (授权组织) or one entrusted by another body (受委托组织).
   */
  nature?: 'statutory' | 'authorised' | 'entrusted';
  entrustedBy?: LocalizedText2;
  /**
   * The level of government the body belongs to.
   */
  level?: 'province' | 'city' | 'county' | 'township' | 'village';
}

export interface LocalizedText2 {
  zh: string;
  en: string;
}

export interface Department1 {
  /**
   * Unified social credit code or organization code.
   */
  code?: string;
  name: LocalizedText;
  /**
   * 主体性质: a body the law names (法定机关), an organisation authorised by law (授权组织) or one entrusted by another body (受委托组织).
   */
  nature?: 'statutory' | 'authorised' | 'entrusted';
  entrustedBy?: LocalizedText2;
  /**
   * The level of government the body belongs to.
   */
  level?: 'province' | 'city' | 'county' | 'township' | 'village';
}

export interface Location {
  name: LocalizedText;
  address?: LocalizedText;
  /**
   * The division the place is in.
   */
  region?: string;
  hours?: LocalizedText3;
  /**
   * The window or counter (窗口).
   */
  window?: string;
  phone?: Phone;
}

export interface LocalizedText3 {
  zh: string;
  en: string;
}

export interface Contact {
  /**
   * A telephone number (digits, +, -, spaces, parentheses).
   */
  consult?: string;
  /**
   * A telephone number (digits, +, -, spaces, parentheses).
   */
  complaint?: string;
  email?: string;
  hours?: LocalizedText;
}

export interface MatterCodes {
  /**
   * 基本编码 (GB/T 39554.1): the national code of the matter.
   */
  basic?: string;
  /**
   * 实施编码: the code of this body's implementation.
   */
  implementation?: string;
  /**
   * 业务办理项编码: the code of a sub-item (e.g. Hong Kong/Macao vs Taiwan).
   */
  item?: string;
}

export interface LegalResource {
  id: Identifier;
  title: LocalizedText;
  /**
   * Article or clause, e.g. 第十二条.
   */
  article?: string;
  issuer?: LocalizedText;
  /**
   * 效力级别: 法律, 行政法规, 部门规章, 地方性法规, 地方政府规章, 规范性文件.
   */
  level?:
    | 'law'
    | 'administrative-regulation'
    | 'departmental-rule'
    | 'local-regulation'
    | 'local-government-rule'
    | 'normative-document';
  /**
   * 文号, e.g. 国务院令第663号 or 医保办发〔2021〕43号.
   */
  docNumber?: string;
  /**
   * The revision cited, e.g. 2019年修订.
   */
  revision?: string;
  url?: string;
}

export interface ComposedFrom {
  id: CatalogueCode;
  version: Semver;
  event: Identifier;
  eventType: 'life' | 'business';
  submission: 'once' | 'separate';
  /**
   * @minItems 2
   * @maxItems 20
   */
  members: ComposedMember[];
}

export interface ComposedMember {
  key: Identifier;
  matter: DefinitionRef1;
  department: Identifier;
  title: LocalizedText;
  departmentName: LocalizedText;
}

export interface DefinitionRef1 {
  id: CatalogueCode;
  version: Semver;
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
   * Who provides it: the applicant's own document, a certificate another department issued, a document a third party issues (an employer, a hospital), or fetched through data sharing.
   */
  source: 'applicant' | 'government-issued' | 'shared-data' | 'third-party';
  /**
   * Accepted formats.
   *
   * @minItems 1
   */
  format: ('paper' | 'electronic')[];
  copies: Copies;
  issuer?: LocalizedText4;
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
  when?: Condition;
  /**
   * A short machine name: a letter, then letters, digits, _ or -.
   */
  oneOfGroup?: string;
  licence?: MaterialLicence;
}

export interface Copies {
  originals: number;
  photocopies: number;
}

export interface LocalizedText4 {
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

export interface MaterialLicence {
  /**
   * A short machine name: a letter, then letters, digits, _ or -.
   */
  type: string;
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
  /**
   * Events accepted in every state that is not final (XState's root `on`), e.g. WITHDRAW: a state's own transition for the event wins. Sent by the state's role or by the applicant.
   */
  on?: {
    [k: string]: TransitionSpec | undefined;
  };
}

export interface ProcessState {
  /**
   * final: the case (or, inside a compound state, that part of it) is done; parallel: every child state is a region active at the same time (e.g. each department's part of a one-thing bundle); compound (also implied by `states`): one child at a time, starting at `initial`. History states are not supported.
   */
  type?: 'final' | 'compound' | 'parallel';
  /**
   * A short machine name: a letter, then letters, digits, _ or -.
   */
  initial?: string;
  /**
   * Child states of a compound or parallel state (at most 4 levels below the process).
   */
  states?: {
    [k: string]: ProcessState | undefined;
  };
  /**
   * Taken when a compound state reaches one of its final children, or a parallel state's regions all reach theirs (the join).
   */
  onDone?: StateTarget | Transition | (StateTarget | Transition)[];
  description?: string;
  meta?: StateMeta;
  on?: {
    [k: string]: TransitionSpec | undefined;
  };
  /**
   * Delayed transitions (XState `after`), durable: the runtime stores each pending delay with the case and fires it from its sweep as the system actor. A key is milliseconds, or an ISO 8601 duration in weeks, days, hours or minutes (P30D, PT12H), counted in calendar time, or working days (P2WD: when the second working day after the case entered the state has ended, China Standard Time, weekends and the runtime's holidays skipped).
   */
  after?: {
    [k: string]: TransitionSpec | undefined;
  };
  /**
   * Eventless transitions (XState `always`, 秒批): evaluated in order whenever a step lands in this state, the first whose guard holds is taken at once by the system actor. Only the last may be unguarded; a state without a role must end with an unguarded one.
   */
  always?: StateTarget | Transition | (StateTarget | Transition)[];
  entry?: Identifier[];
  exit?: Identifier[];
  tags?: Identifier[];
}

export interface Transition {
  target: StateTarget;
  guard?: Guard;
  actions?: Identifier[];
  description?: string;
}

export interface DataMatchesGuard {
  type: 'dataMatches';
  params: {
    when: Condition1;
  };
}

export interface OlderThanGuard {
  type: 'olderThan';
  params: {
    /**
     * JSON Pointer to a date field (YYYY-MM-DD) in the form data, e.g. /residence/registrationDate.
     */
    field: string;
    /**
     * An ISO 8601 duration in years, months, weeks or days (P6M).
     */
    duration: string;
    /**
     * Holds only when the field was prefilled from shared data and locked (verified), never when the applicant typed it.
     */
    verified?: boolean;
  };
}

export interface StateMeta {
  /**
   * A short machine name: a letter, then letters, digits, _ or -.
   */
  role?: string;
  step?: LocalizedText5;
  /**
   * Final states: how the case ended. completed: a one-thing bundle whose members have each ended with their own outcome (its regions' final states say which).
   */
  outcome?: 'approved' | 'rejected' | 'withdrawn' | 'completed';
}

export interface LocalizedText5 {
  zh: string;
  en: string;
}

export interface TimeLimit {
  /**
   * What the days count: working days (工作日) or calendar days (日). Absent: working days.
   */
  unit?: 'working-days' | 'days';
  /**
   * 法定办结时限 in `unit`; absent when the law sets no limit.
   */
  statutoryDays?: number;
  /**
   * The longest the statutory limit may be extended to (延长), in `unit`.
   */
  extendableTo?: number;
  /**
   * 承诺办结时限 in `unit`.
   */
  promisedDays: number;
  /**
   * Immediate matters: how long the applicant spends on site, in minutes (办理时长).
   */
  onSiteMinutes?: number;
}

export interface Fee {
  id: Identifier;
  name: LocalizedText;
  /**
   * Amount in CNY (yuan).
   */
  amount: number;
  legalBasis?: Identifier[];
  when?: Condition2;
  waivedWhen?: Condition3;
  waiverReason?: LocalizedText;
}

export interface LocalizedText6 {
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
  /**
   * A short machine name: a letter, then letters, digits, _ or -.
   */
  member?: string;
  validity?: Validity;
  /**
   * 送达方式: how the output reaches the applicant.
   */
  delivery?: ('electronic' | 'mail' | 'window' | 'self-service')[];
}

export interface Validity {
  /**
   * A fixed number of years, long-term (长期), or depending on the holder (e.g. 6 → 10 → long-term).
   */
  kind: 'years' | 'long-term' | 'conditional';
  years?: number;
  note?: LocalizedText;
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
   * What the item is looked up by: a citizen's identity number, an organization's credit code, a guardian's (e.g. the mother's) identity number, or a certificate's number.
   */
  keyedBy: 'idNumber' | 'creditCode' | 'guardianIdNumber' | 'certificateNumber';
  evidence?: LocalizedText2;
  fields: {
    [k: string]: SharedDataField | undefined;
  };
  /**
   * 共享类型: shared with any matter that needs it (无条件), or only on conditions (有条件).
   */
  sharingType?: 'unconditional' | 'conditional';
  basis?: LocalizedText3;
}

export interface SharedDataField {
  title: LocalizedText;
  /**
   * JSON Schema 2020-12 of the value.
   */
  schema: JsonObject;
}

export type BundleDefinition = {
  $schema?: string;
  id: string;
  version: string;
  kind: 'bundle';
  baseline?: DefinitionRef;
  region: Region;
  title: LocalizedText;
  summary?: LocalizedText;
  /**
   * An individual's life event (cpsv:LifeEvent) or an enterprise's business event (cpsv:BusinessEvent).
   */
  eventType: 'life' | 'business';
  /**
   * The life-cycle stage of the national vocabulary (国办发〔2025〕24号): for individuals 出生、教育、就业、生活、置业、出行、就医、救助、养老、身后; for enterprises 准入准营、招聘用工、纳税缴费、经营发展、工程建设、注销退出.
   */
  event:
    | 'birth'
    | 'education'
    | 'employment'
    | 'living'
    | 'housing'
    | 'travel'
    | 'medical-care'
    | 'assistance'
    | 'elderly-care'
    | 'after-death'
    | 'market-entry'
    | 'recruitment'
    | 'tax-payment'
    | 'operation'
    | 'construction'
    | 'exit';
  leadDepartment: Department;
  /**
   * @minItems 2
   * @maxItems 20
   */
  members: BundleMember[];
  /**
   * Fields of different members that hold the same fact and are asked once (the child's name in the birth certificate and in the household registration). Fields prefilled from the same shared-data item and value are one fact without being listed.
   *
   * @maxItems 200
   */
  facts?: BundleFact[];
  /**
   * once: one form, submitted once, then every member's department acts in parallel (一次提交). separate: each member is still submitted on its own (the practice before the reform).
   */
  submission: 'once' | 'separate';
  timeLimit: TimeLimit;
  /**
   * On-site visits the bundle asks of the applicant, in all.
   */
  visits: number;
  visitReason?: LocalizedText;
};

export interface BundleMember {
  /**
   * The member's name inside the bundle: its part of the form data, its region of the process, the suffix of its events (ACCEPT.key).
   */
  key: string;
  matter: BundleMatterRef;
  /**
   * Which department's staff act on this member (their roles become department-role, e.g. police-clerk); members of one department share its queue.
   */
  department: string;
}

export interface BundleMatterRef {
  id: string;
  /**
   * Pinned version; absent: the newest version in the bundle's region (its variant there, else the baseline).
   */
  version?: string;
}

export interface BundleFact {
  /**
   * A short machine name: a letter, then letters, digits, _ or -.
   */
  id: string;
  /**
   * @minItems 2
   * @maxItems 20
   */
  fields: BundleFactField[];
}

export interface BundleFactField {
  /**
   * A short machine name: a letter, then letters, digits, _ or -.
   */
  member: string;
  /**
   * JSON Pointer to the field in that member's form data.
   */
  field: string;
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
