/**
 * The case lists (GET /api/cases and /api/cases/filters): whose cases a user may list — an applicant's own, a staff
 * role's queue (cases at a step the role owns), any for reviewers — narrowed by the request's filters into one store
 * query, filtered and paged in SQL; each listed case named as the portal shows it (reference, matter, region, step).
 */
import { stepOfState } from '../../engine/process/nodes.ts';
import type { CaseQuery, CaseRecord, CaseStatus } from '../store/types.ts';
import { actingRoles, isStaff, type User } from './auth.ts';
import { caseSummary, certificateLinks, deadlineJson } from './case-json.ts';
import type { ServerContext } from './context.ts';
import { forbidden, HttpError } from './errors.ts';
import { identifier } from './schemas.ts';

/** How many cases a page holds unless asked (at most maxPageSize). */
export const defaultPageSize = 20;
export const maxPageSize = 100;

/** The list's query string (Fastify validates it against caseListQuery: a bad parameter is a 400 naming it). */
export interface CaseListParams {
  status?: CaseStatus;
  matter?: string;
  /** The older name of `matter`. */
  matterId?: string;
  region?: string;
  step?: string;
  role?: string;
  overdue?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

const statePath = { type: 'string', minLength: 1, maxLength: 300, pattern: '^[A-Za-z0-9_.,$-]+$', description: 'a state’s path (as `state` in a case): cases in it or in a state below it' } as const;

/** The query string's schema. */
export const caseListQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['draft', 'active', 'done'] },
    matter: { ...identifier, description: 'a matter id' },
    matterId: { ...identifier, description: 'the older name of `matter`' },
    region: { type: 'string', pattern: '^[0-9]{6,12}$', description: 'the region code of the definition the case runs on' },
    step: statePath,
    role: { ...identifier, description: 'reviewers: one role’s queue' },
    overdue: { type: 'boolean', description: 'true: only cases past their promised deadline (neither met nor paused); false: only the others' },
    q: { type: 'string', minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9-]+$', description: 'a reference or its beginning, any case (zj-2026-0001)' },
    page: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: maxPageSize, default: defaultPageSize },
  },
} as const;

const badParameter = (name: string, message: string) =>
  new HttpError(400, 'bad-request', `invalid querystring: /${name} ${message}`, { errors: [{ in: 'querystring', pointer: `/${name}`, message }] });

/** The cases `user` may list (their own, their role's queue, or any for reviewers), without the request's filters. */
export function visibleTo(user: User, role?: string): CaseQuery {
  if (user.role === 'applicant') return { applicant: user.subject, order: 'newest' };
  // the queue: the cases at a step the role owns (or, for staff of a department, that department's role owns: a
  // bundle's police-clerk step), the soonest promised deadline (so the overdue ones) first
  if (isStaff(user.role)) return user.department ? { roles: actingRoles(user), order: 'due' } : { role: user.role, order: 'due' };
  if (user.role === 'reviewer') return { ...(role ? { role } : {}), order: 'newest' };
  throw forbidden(`a ${user.role} has no cases`);
}

/** The request's filters over what `user` may list, and its page. */
export function caseListQueryOf(user: User, params: CaseListParams, now: number): CaseQuery & { page: number; pageSize: number } {
  const { status, matter, matterId, region, step, role, overdue, q } = params;
  if (matter !== undefined && matterId !== undefined && matter !== matterId) throw badParameter('matter', 'names another matter than matterId');
  const page = params.page ?? 1;
  const pageSize = params.pageSize ?? defaultPageSize;
  const chosen = matter ?? matterId;
  return {
    ...visibleTo(user, role),
    ...(status ? { status } : {}),
    ...(chosen ? { matterId: chosen } : {}),
    ...(region ? { region } : {}),
    ...(step ? { state: step } : {}),
    ...(q ? { reference: q } : {}),
    ...(overdue === undefined ? {} : { overdue: { now, overdue } }),
    offset: (page - 1) * pageSize,
    limit: pageSize,
    page,
    pageSize,
  };
}

/** A case as lists show it: its summary, the matter's title, the region's and the step's names, the deadline. */
export async function caseListItem(ctx: ServerContext, record: CaseRecord, now: number) {
  const definition = (await ctx.definitions.find(record.matterId, record.region, record.version))?.definition;
  return {
    ...caseSummary(record),
    title: definition?.title ?? null,
    regionName: ctx.regions.byCode.get(record.region)?.name ?? null,
    step: (record.status !== 'done' && definition && stepOfState(definition.process, record.state)) || null,
    ...deadlineJson(await ctx.runtime.store.deadline(record.id), now),
    // only the final step issues certificates (a bundle's: each member's approval): a running case has none to look for
    certificates: record.status === 'done' || definition?.bundle ? (await ctx.runtime.store.certificatesOf(record.id)).map((c) => certificateLinks(c.id, c.issuedAt)) : [],
    href: `/api/cases/${record.id}`,
  };
}

type Localized = { zh: string; en: string };

/** The choices of the queue's filters: the matters, regions and steps the user's listable cases are in. */
export async function caseFilters(ctx: ServerContext, query: CaseQuery) {
  const facets = await ctx.runtime.store.caseFacets(query);
  const matters = new Map<string, Localized | null>();
  const regions = new Map<string, Localized | null>();
  const steps = new Map<string, { state: string; name: Localized | null; matters: Set<string> }>();
  for (const f of facets) {
    const definition = (await ctx.definitions.find(f.matterId, f.region, f.version))?.definition;
    if (!matters.get(f.matterId)) matters.set(f.matterId, definition?.title ?? null);
    if (!regions.has(f.region)) regions.set(f.region, ctx.regions.byCode.get(f.region)?.name ?? null);
    const step = steps.get(f.state) ?? { state: f.state, name: (definition && stepOfState(definition.process, f.state)) || null, matters: new Set<string>() };
    step.matters.add(f.matterId);
    steps.set(f.state, step);
  }
  return {
    matters: [...matters].map(([id, title]) => ({ id, title })),
    regions: [...regions].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
    steps: [...steps.values()].map((s) => ({ state: s.state, name: s.name, matters: [...s.matters] })),
  };
}
